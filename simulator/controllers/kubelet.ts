// The kubelet on every node: takes the pods bound to its node and makes them run. For each pod it
// walks a table of stages (sandbox → image → config → running → exited → back-off → restart,
// and on deletion: stop → remove), each with its timing from `kubeletTimings`. Every reconcile
// replays whatever stages fell due since the last one, at their own times, then writes the status
// it derives and asks to be woken at the next due time. Time is the virtual clock; randomness
// (container IDs) the seeded Random; faults (stopped node, killed container, unpullable image)
// come through the ControllerContext.
import type { ApiServer } from '../machinery/api-server.ts';
import { rfc3339 } from '../machinery/clock.ts';
import { parseQuantity } from '../kinds/quantity.ts';
import { hasReason } from '../machinery/errors.ts';
import { cloneJson, deepEqual } from '../machinery/json.ts';
import type { KubeObject, WatchEvent } from '../machinery/types.ts';
import { faultsOf, type FaultSwitches } from '../cluster-faults.ts';
import type { ContainerInput } from '../workloads/container-model.ts';
import type { ContainerRecord, ContainerRuntime } from '../workloads/container-runtime.ts';
import { containerFiles } from '../workloads/container-files.ts';
import { invalidImageNameMessage, parseImageReference } from '../workloads/image-reference.ts';
import { updateStatusIfChanged } from './client-calls.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { goDuration, inBackoffSince, inBackoffSinceUpdate, nextBackoff, type BackoffEntry } from './kubelet-backoff.ts';
import { readDataObject, resolveEnv } from './kubelet-env.ts';
import { type PullerState, SerialImagePuller } from './kubelet-image-puller.ts';
import { podConditions, podPhase } from './kubelet-pod-status.ts';
import { initialProbeTrack, probeDefaults, probeLabel, probeTicks, recordOutcome, runProbe, type ProbeKind, type ProbeTrack } from './kubelet-probes.ts';
import { mountVolumes, newVolumeMountState, type VolumeMountState } from './kubelet-volumes.ts';
import { type Container, type ContainerState, type ContainerStatus, type Node, type Pod, nodesRef, podKey, podsRef, splitKey } from './pod-types.ts';

/** How long each step takes on a kind node (ms). Behaviour as data: change a number, not code. */
export const kubeletTimings = {
  /** RunPodSandbox + CNI: the pause container and the pod IP. */
  sandboxMs: 600,
  /** A failed pull shows ErrImagePull until the next sync (PLEG relist), then ImagePullBackOff. */
  errImagePullVisibleMs: 1_000,
  /** A failing registry answers quickly. */
  failedPullMs: 700,
  /** CreateContainerConfigError is retried on the pod worker's error back-off. */
  configErrorRetryMs: 10_000,
  /** Lease renewal (renewInterval = 0.25 × 40 s lease). */
  heartbeatMs: 10_000,
};

interface ContainerTrack {
  restartCount: number;
  currentId?: string;
  /** The waiting state shown while no container runs. */
  waiting?: { reason: string; message?: string };
  /** startedAt: when the kubelet asked; pullStartedAt: when the node's serial puller got to it. */
  pull?: { startedAt: number; pullStartedAt?: number; doneAt: number; error?: string; imageID?: string; sizeBytes?: number };
  pulledImageID?: string;
  imageBackoff?: BackoffEntry;
  crashBackoff?: BackoffEntry;
  /** Events already emitted for the current waiting episode (no repeats within one episode). */
  announced?: string;
  probes: Partial<Record<ProbeKind, ProbeTrack>>;
  /** Last terminated state shown as lastState. */
  lastTerminated?: ContainerState['terminated'];
  done?: boolean;
}

interface PodTrack {
  uid: string;
  nodeName: string;
  sandboxId?: string;
  sandboxPendingSince?: number;
  /** The prober workers' tick grid starts when the kubelet took the pod. */
  probeEpoch: number;
  containers: Record<string, ContainerTrack>;
  /** The volume manager's mounts; the sandbox waits for them. */
  volumes?: VolumeMountState;
  killing?: boolean;
  deleted?: boolean;
}

export interface KubeletOptions {
  api?: ApiServer;
  runtime: ContainerRuntime;
}

function onlyStatusChanged(before: Pod, after: Pod): boolean {
  const a = before.metadata;
  const b = after.metadata;
  return (
    a.uid === b.uid &&
    a.deletionTimestamp === b.deletionTimestamp &&
    a.deletionGracePeriodSeconds === b.deletionGracePeriodSeconds &&
    deepEqual(a.labels ?? {}, b.labels ?? {}) &&
    deepEqual(a.annotations ?? {}, b.annotations ?? {}) &&
    (before.spec === after.spec || deepEqual(before.spec, after.spec))
  );
}

function nodeKey(name: string): string {
  return `node:${name}`;
}

function fieldPath(pod: Pod, name: string): string {
  const init = (pod.spec.initContainers ?? []).some((c) => c.name === name);
  return `spec.${init ? 'initContainers' : 'containers'}{${name}}`;
}

function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

export function createKubelet(options: KubeletOptions): Controller {
  const runtime = options.runtime;
  const pods = new Map<string, PodTrack>(); // by pod key
  const puller = new SerialImagePuller();
  // What the pod watch brought: each pod's latest state (read-only, as the real kubelet reads its
  // pods from its informer), and which pods the API shows holding each IP on each node (node → IP
  // → pod uids), so a new sandbox never takes an address that a pod not yet adopted (seeded,
  // restored) still holds.
  const podCache = new Map<string, Pod>();
  const ipOf = new Map<string, { node: string; ip: string }>(); // by pod uid
  const ipHolders = new Map<string, Map<string, Set<string>>>();
  const observePod = (event: WatchEvent) => {
    const pod = event.object as Pod;
    const key = podKey(pod);
    if (event.type === 'DELETED') podCache.delete(key);
    else podCache.set(key, pod);
    const node = pod.spec?.nodeName;
    if (!node) return;
    const uid = pod.metadata.uid ?? '';
    const ip = event.type === 'DELETED' ? undefined : pod.status?.podIP;
    const was = ipOf.get(uid);
    if (was?.ip === ip) return;
    if (was) {
      const holders = ipHolders.get(was.node)?.get(was.ip);
      if (holders?.delete(uid) && !holders.size) ipHolders.get(was.node)!.delete(was.ip);
      ipOf.delete(uid);
    }
    if (ip) {
      ipOf.set(uid, { node, ip });
      let byIP = ipHolders.get(node);
      if (!byIP) ipHolders.set(node, (byIP = new Map()));
      let holders = byIP.get(ip);
      if (!holders) byIP.set(ip, (holders = new Set()));
      holders.add(uid);
    }
  };
  let lastCtx: ControllerContext | undefined;
  let faultsHooked: FaultSwitches | undefined;

  const hookFaults = (ctx: ControllerContext) => {
    const faults = faultsOf(ctx);
    if (faultsHooked === faults) return;
    faultsHooked = faults;
    // Faults change outside the API: wake the keys they concern (see cluster-faults.ts).
    faults.onChange((change) => {
      const c = lastCtx;
      if (!c) return;
      if (change.kind === 'pod') c.requeueAfter(`${change.namespace}/${change.name}`, 0);
      if (change.kind === 'node') {
        c.requeueAfter(nodeKey(change.name), 0);
        for (const [key, t] of pods) if (t.nodeName === change.name) c.requeueAfter(key, 0);
      }
    });
  };

  const record = (ctx: ControllerContext, pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => {
    ctx.recorder.event(pod, type, reason, message, { host: pod.spec.nodeName, fieldPath: container ? fieldPath(pod, container) : undefined });
  };

  /** Makes the runtime's node follow the fault switches and the Node object. */
  const syncMachine = (ctx: ControllerContext, nodeName: string): boolean => {
    let machine = runtime.node(nodeName);
    if (!machine) {
      let node: Node | undefined;
      try {
        node = ctx.client.get<Node>(nodesRef, undefined, nodeName);
      } catch {
        return false;
      }
      const cidr = node.spec?.podCIDR ?? '10.244.0.0/24';
      const internalIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
      machine = runtime.addNode(nodeName, { subnet: Number(cidr.split('.')[2] ?? 0), internalIP });
    }
    const stopped = faultsOf(ctx).isNodeStopped(nodeName);
    if (stopped && machine.running) {
      runtime.stopNode(nodeName, ctx.clock.now());
      puller.nodeStopped(nodeName, ctx.clock.now());
    }
    if (!stopped && !machine.running) runtime.startNode(nodeName);
    return !stopped;
  };

  // ---------- heartbeat ----------

  const heartbeat = (ctx: ControllerContext, nodeName: string) => {
    if (!syncMachine(ctx, nodeName)) return;
    const now = ctx.clock.now();
    try {
      const lease = ctx.client.get<KubeObject & { spec?: Record<string, unknown> }>({ group: 'coordination.k8s.io', resource: 'leases' }, 'kube-node-lease', nodeName);
      ctx.client.update({ group: 'coordination.k8s.io', resource: 'leases' }, { ...lease, spec: { ...(lease.spec ?? {}), holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime: new Date(now).toISOString().replace(/Z$/, '000Z') } });
    } catch (err) {
      if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict')) throw err;
    }
    // A kubelet that comes back posts Ready again.
    try {
      const node = ctx.client.get<Node>(nodesRef, undefined, nodeName);
      const conditions = node.status?.conditions ?? [];
      if (conditions.some((c) => c.type === 'Ready' && c.status !== 'True')) {
        const t = rfc3339(now);
        const fresh: Record<string, [string, string, string]> = {
          MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
          DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
          PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
          Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
        };
        const next = conditions.map((c) => {
          const f = fresh[c.type];
          if (!f) return c;
          return { ...c, status: f[0] as 'True' | 'False', reason: f[1], message: f[2], lastHeartbeatTime: t, lastTransitionTime: c.status === f[0] ? c.lastTransitionTime : t };
        });
        ctx.client.updateStatus(nodesRef, { ...node, status: { ...node.status, conditions: next } });
        ctx.recorder.event(node, 'Normal', 'NodeReady', `Node ${nodeName} status is now: NodeReady`, { host: nodeName });
      }
    } catch (err) {
      if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict')) throw err;
    }
    ctx.requeueAfter(nodeKey(nodeName), kubeletTimings.heartbeatMs);
  };

  // ---------- adopting what already runs (seeded pods, restored snapshots) ----------

  const adopt = (ctx: ControllerContext, pod: Pod, track: PodTrack, now: number) => {
    const status = pod.status;
    const ip = status?.podIP;
    if (!ip || track.sandboxId) return;
    track.sandboxId = runtime.adoptSandbox(pod.metadata.uid ?? '', track.nodeName, ip, Date.parse(status?.startTime ?? '') || now);
    const all = [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
    for (const s of all) {
      const spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) => c.name === s.name);
      if (!spec) continue;
      const t = track.containers[s.name] ?? newContainerTrack(pod, spec);
      track.containers[s.name] = t;
      t.restartCount = s.restartCount ?? 0;
      t.lastTerminated = s.lastState?.terminated;
      const id = (s.containerID ?? '').replace(/^[a-z]+:\/\//, '');
      if (!id) continue;
      const startedAt = Date.parse(s.state.running?.startedAt ?? s.state.terminated?.startedAt ?? '') || now;
      // A container that was already running (seeded, restored) got its environment back then.
      const env = resolveEnv(ctx.client, pod, spec, ip, startedAt);
      const input = containerInput(ctx, pod, spec, ip, startedAt, 'env' in env ? env.env : {});
      runtime.adoptContainer({
        id,
        podUID: pod.metadata.uid ?? '',
        sandboxId: track.sandboxId,
        nodeName: track.nodeName,
        name: s.name,
        attempt: t.restartCount,
        imageID: s.imageID,
        input,
        createdAt: startedAt,
        startedAt,
        ...(s.state.terminated ? { finishedAt: Date.parse(s.state.terminated.finishedAt ?? '') || now, exitCode: s.state.terminated.exitCode, reason: s.state.terminated.reason } : {}),
      });
      t.currentId = id;
      t.pulledImageID = s.imageID;
      if (s.ready && spec.readinessProbe) t.probes.readiness = { ok: true, successes: 1, failures: 0 };
      if (s.started && spec.startupProbe) t.probes.startup = { ok: true, successes: 1, failures: 0 };
      if (s.state.terminated && (pod.spec.initContainers ?? []).some((c) => c.name === s.name) && s.state.terminated.exitCode === 0) t.done = true;
    }
  };

  function newContainerTrack(pod: Pod, c: Container): ContainerTrack {
    const probes: ContainerTrack['probes'] = {};
    if (c.startupProbe) probes.startup = initialProbeTrack('startup');
    if (c.readinessProbe) probes.readiness = initialProbeTrack('readiness');
    if (c.livenessProbe) probes.liveness = initialProbeTrack('liveness');
    void pod;
    return { restartCount: 0, probes };
  }

  /** What the runtime starts a container from: its spec, environment, and the files the kubelet
   * adds (hosts file, resolv.conf, mounted ConfigMaps and Secrets) with the cgroup memory limit. */
  function containerInput(ctx: ControllerContext, pod: Pod, c: Container, podIP: string, startedAt: number, env: Record<string, string>): ContainerInput {
    const parsed = parseImageReference(c.image ?? '');
    const read = (kind: 'configmap' | 'secret') => (namespace: string, name: string) => readDataObject(ctx.client, kind, namespace, name);
    const limit = parseQuantity(c.resources?.limits?.memory ?? '');
    return {
      image: parsed.ok ? parsed.ref.normalized : (c.image ?? ''),
      imageTag: parsed.ok ? parsed.ref.tag : undefined,
      command: c.command,
      args: c.args,
      env,
      ports: (c.ports ?? []).map((p) => p.containerPort),
      podName: pod.metadata.name ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      hostname: pod.metadata.name ?? '',
      podIP,
      startedAt,
      files: containerFiles(pod, c.name, podIP, startedAt, { configMap: read('configmap'), secret: read('secret') }),
      ...(typeof limit === 'string' ? {} : { memoryLimitBytes: Number(limit.nano / 1_000_000_000n) }),
    };
  }


  // ---------- one container's stages ----------

  /** Advances one container as far as time allows; returns when it next needs attention (or undefined). */
  function stepContainer(ctx: ControllerContext, pod: Pod, track: PodTrack, c: Container, isInit: boolean, podIP: string): number | undefined {
    const now = ctx.clock.now();
    const t = (track.containers[c.name] ??= newContainerTrack(pod, c));
    const policy = pod.spec.restartPolicy ?? 'Always';
    const current = runtime.container(t.currentId);
    const fp = c.name;

    // Kills requested through the fault switches were applied before; here: exits and probes.
    if (current && current.startedAt !== undefined) {
      runtime.settle(current, now);
      if (current.finishedAt === undefined) {
        const wake = runProbes(ctx, pod, track, c, t, current, podIP);
        const exit = runtime.exitAt(current);
        runtime.settle(current, ctx.clock.now());
        if (current.finishedAt === undefined) return Math.min(wake ?? Infinity, exit?.at ?? Infinity);
      }
      // Exited: decide whether it restarts.
      const exitCode = current.exitCode ?? 0;
      const restart = isInit ? exitCode !== 0 && policy !== 'Never' : policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
      if (isInit && exitCode === 0) t.done = true;
      if (!restart) return undefined;
      if (t.announced !== `exit:${current.id}`) {
        t.announced = `exit:${current.id}`;
        t.lastTerminated = terminatedState(current);
      }
      // Crash back-off, measured from when the container finished.
      if (inBackoffSince(t.crashBackoff, current.finishedAt!, now)) {
        const message = `back-off ${goDuration(t.crashBackoff!.durationMs)} restarting failed container=${c.name} pod=${formatPod(pod)}`;
        if (t.waiting?.reason !== 'CrashLoopBackOff' || t.waiting.message !== message) {
          t.waiting = { reason: 'CrashLoopBackOff', message };
          record(ctx, pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`, fp);
        }
        return current.finishedAt! + t.crashBackoff!.durationMs;
      }
      t.crashBackoff = nextBackoff(t.crashBackoff, current.finishedAt!, now);
      t.restartCount++;
      t.currentId = undefined;
      t.pull = undefined;
      t.waiting = undefined;
    } else if (current && current.startedAt === undefined) {
      return undefined;
    }

    return startContainer(ctx, pod, track, c, t, podIP);
  }

  /** Image, config, create, start: upstream's startContainer steps. */
  function startContainer(ctx: ControllerContext, pod: Pod, track: PodTrack, c: Container, t: ContainerTrack, podIP: string): number | undefined {
    const now = ctx.clock.now();
    const image = c.image ?? '';
    const fp = c.name;
    const setWaiting = (reason: string, message?: string, events: Array<[('Normal' | 'Warning'), string, string]> = []) => {
      const tag = `${reason}:${message ?? ''}:${t.imageBackoff?.lastUpdate ?? ''}`;
      t.waiting = { reason, message };
      if (t.announced === tag) return;
      t.announced = tag;
      for (const [type, r, m] of events) record(ctx, pod, type, r, m, fp);
    };

    // Step 1: the image.
    const parsed = parseImageReference(image);
    if (!parsed.ok) {
      const msg = invalidImageNameMessage(image, parsed.error);
      setWaiting('InvalidImageName', msg, [['Warning', 'InspectFailed', msg], ['Warning', 'Failed', 'Error: InvalidImageName']]);
      return undefined;
    }
    const policy = c.imagePullPolicy ?? (parsed.ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
    let imageID = t.pulledImageID;
    if (!imageID) {
      const present = runtime.imageOnNode(track.nodeName, image);
      if (policy === 'Never' && !present) {
        const msg = `Container image "${image}" is not present with pull policy of Never`;
        setWaiting('ErrImageNeverPull', msg, [['Warning', 'ErrImageNeverPull', msg], ['Warning', 'Failed', 'Error: ErrImageNeverPull']]);
        return undefined;
      }
      // A pull already asked for finishes first, even if another pod's pull brought the image meanwhile.
      if (t.pull && t.pull.doneAt > now) {
        t.waiting = { reason: 'ContainerCreating' };
        return t.pull.doneAt;
      } else if (t.pull) {
        const pull = t.pull;
        t.pull = undefined;
        if (pull.error) {
          t.imageBackoff = nextBackoff(t.imageBackoff, pull.doneAt, pull.doneAt);
          setWaiting('ErrImagePull', pull.error, [['Warning', 'Failed', `Failed to pull image "${image}": ${pull.error}`], ['Warning', 'Failed', 'Error: ErrImagePull']]);
          return pull.doneAt + kubeletTimings.errImagePullVisibleMs;
        }
        runtime.storeImage(track.nodeName, image, pull.imageID!);
        imageID = pull.imageID!;
        const took = goDuration(pull.doneAt - (pull.pullStartedAt ?? pull.startedAt));
        const waited = goDuration(pull.doneAt - pull.startedAt);
        record(ctx, pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${waited} including waiting). Image size: ${pull.sizeBytes} bytes.`, fp);
      } else if (present && policy !== 'Always') {
        imageID = present;
        record(ctx, pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, fp);
      } else if (inBackoffSinceUpdate(t.imageBackoff, now)) {
        if (t.waiting?.reason === 'ErrImagePull' && now < t.imageBackoff!.lastUpdate + kubeletTimings.errImagePullVisibleMs) {
          return t.imageBackoff!.lastUpdate + kubeletTimings.errImagePullVisibleMs;
        }
        const msg = `Back-off pulling image "${image}"`;
        setWaiting('ImagePullBackOff', msg, [['Normal', 'BackOff', msg], ['Warning', 'Failed', 'Error: ImagePullBackOff']]);
        return t.imageBackoff!.lastUpdate + t.imageBackoff!.durationMs;
      } else {
        const unpullable = faultsOf(ctx).isImageUnpullable(image) || faultsOf(ctx).isImageUnpullable(parsed.ref.normalized);
        const result = unpullable
          ? { ok: false as const, error: `rpc error: code = NotFound desc = failed to pull and unpack image "${parsed.ref.normalized}": failed to resolve reference "${parsed.ref.normalized}": ${parsed.ref.normalized}: not found` }
          : runtime.registry.pull(image);
        record(ctx, pod, 'Normal', 'Pulling', `Pulling image "${image}"`, fp);
        const slot = puller.schedule(track.nodeName, parsed.ref.normalized, now, result.ok ? result.image.pullMs : kubeletTimings.failedPullMs, { present: !!present, ok: result.ok });
        t.pull = result.ok
          ? { startedAt: now, pullStartedAt: slot.startsAt, doneAt: slot.doneAt, imageID: result.image.imageID, sizeBytes: result.image.sizeBytes }
          : { startedAt: now, pullStartedAt: slot.startsAt, doneAt: slot.doneAt, error: result.error };
        t.waiting = { reason: 'ContainerCreating' };
        t.announced = undefined;
        return t.pull.doneAt;
      }
      t.pulledImageID = imageID;
    }

    // Step 2: the container's config (env from ConfigMaps and Secrets).
    const env = resolveEnv(ctx.client, pod, c, podIP);
    if ('error' in env) {
      setWaiting('CreateContainerConfigError', env.error, [['Warning', 'Failed', `Error: ${env.error}`]]);
      t.announced = `CreateContainerConfigError:${env.error}:${now}`;
      return now + kubeletTimings.configErrorRetryMs;
    }

    // Steps 3 and 4: create and start.
    const created = runtime.createContainer(
      { podUID: track.uid, sandboxId: track.sandboxId!, nodeName: track.nodeName, name: c.name, attempt: t.restartCount, imageID, input: containerInput(ctx, pod, c, podIP, now, env.env) },
      now,
      ctx.random,
    );
    record(ctx, pod, 'Normal', 'Created', `Created container: ${c.name}`, fp);
    runtime.startContainer(created.id, now);
    record(ctx, pod, 'Normal', 'Started', `Started container ${c.name}`, fp);
    t.currentId = created.id;
    t.waiting = undefined;
    t.announced = undefined;
    // A new container starts its probes over.
    for (const kind of Object.keys(t.probes) as ProbeKind[]) t.probes[kind] = initialProbeTrack(kind);
    const exit = runtime.exitAt(created);
    if (exit && exit.at <= now) return now;
    return Math.min(exit?.at ?? Infinity, nextProbeAt(track, c, t, now) ?? Infinity);
  }

  function nextProbeAt(track: PodTrack, c: Container, t: ContainerTrack, now: number): number | undefined {
    let next: number | undefined;
    for (const kind of ['startup', 'readiness', 'liveness'] as ProbeKind[]) {
      const probe = kind === 'startup' ? c.startupProbe : kind === 'readiness' ? c.readinessProbe : c.livenessProbe;
      if (!probe || t.probes[kind]?.onHold) continue;
      const period = probeDefaults(probe).periodSeconds * 1000;
      const [tick] = probeTicks(track.probeEpoch, period, Math.max(now, t.probes[kind]?.lastTick ?? -Infinity), Infinity).slice(0, 1);
      if (tick !== undefined && (next === undefined || tick < next)) next = tick;
    }
    return next;
  }

  /** Runs every probe tick that fell due, in time order. Returns the next tick. */
  function runProbes(ctx: ControllerContext, pod: Pod, track: PodTrack, c: Container, t: ContainerTrack, current: ContainerRecord, podIP: string): number | undefined {
    const now = ctx.clock.now();
    const kinds = (['startup', 'readiness', 'liveness'] as ProbeKind[]).filter((k) => t.probes[k]);
    const probeOf = (k: ProbeKind) => (k === 'startup' ? c.startupProbe : k === 'readiness' ? c.readinessProbe : c.livenessProbe)!;
    const due: Array<{ at: number; kind: ProbeKind }> = [];
    for (const kind of kinds) {
      const track2 = t.probes[kind]!;
      if (track2.onHold) continue;
      const period = probeDefaults(probeOf(kind)).periodSeconds * 1000;
      for (const at of probeTicks(track.probeEpoch, period, track2.lastTick, now)) due.push({ at, kind });
    }
    due.sort((a, b) => a.at - b.at || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
    for (const { at, kind } of due) {
      const pt = t.probes[kind]!;
      pt.lastTick = at;
      if (pt.onHold) continue;
      runtime.settle(current, at);
      if (current.finishedAt !== undefined || current.startedAt === undefined || at < current.startedAt) continue;
      const probe = probeOf(kind);
      if (at - current.startedAt < probeDefaults(probe).initialDelaySeconds * 1000) continue;
      // Liveness and readiness wait until the startup probe has passed.
      if (kind !== 'startup' && t.probes.startup && !t.probes.startup.ok) continue;
      if (kind === 'startup' && pt.ok) continue;
      const outcome = runProbe(probe, c, current, runtime, podIP, at);
      if (!outcome.ok) record(ctx, pod, 'Warning', 'Unhealthy', `${probeLabel[kind]} probe failed: ${outcome.output}`, c.name);
      const flipped = recordOutcome(pt, outcome.ok, probe);
      if (flipped && !pt.ok && (kind === 'liveness' || kind === 'startup')) {
        pt.onHold = true;
        record(ctx, pod, 'Normal', 'Killing', `Container ${c.name} failed ${kind} probe, will be restarted`, c.name);
        const grace = (probe.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
        runtime.stop(current, at, grace);
      }
    }
    return nextProbeAt(track, c, t, now);
  }

  function terminatedState(r: ContainerRecord): NonNullable<ContainerState['terminated']> {
    const out: NonNullable<ContainerState['terminated']> = { exitCode: r.exitCode ?? 0, reason: r.reason ?? (r.exitCode ? 'Error' : 'Completed') };
    if (r.message) out.message = r.message;
    out.startedAt = rfc3339(r.startedAt ?? r.createdAt);
    out.finishedAt = rfc3339(r.finishedAt ?? r.createdAt);
    out.containerID = `containerd://${r.id}`;
    return out;
  }

  // ---------- status ----------

  function containerStatus(pod: Pod, c: Container, t: ContainerTrack | undefined, isInit: boolean, now: number): ContainerStatus {
    const r = runtime.container(t?.currentId);
    const base = { name: c.name, image: c.image ?? '', imageID: t?.pulledImageID ?? '', restartCount: t?.restartCount ?? 0 };
    let state: ContainerState;
    let ready = false;
    let started = false;
    if (r && r.startedAt !== undefined) runtime.settle(r, now);
    if (t?.waiting) state = { waiting: t.waiting.message ? { reason: t.waiting.reason, message: t.waiting.message } : { reason: t.waiting.reason } };
    else if (r && r.startedAt !== undefined && r.finishedAt === undefined) {
      state = { running: { startedAt: rfc3339(r.startedAt) } };
      started = !t!.probes.startup || t!.probes.startup.ok;
      ready = started && (!t!.probes.readiness || t!.probes.readiness.ok);
      if (isInit) ready = false;
    } else if (r && r.finishedAt !== undefined) state = { terminated: terminatedState(r) };
    else state = { waiting: { reason: isInit || !(pod.spec.initContainers ?? []).length ? 'ContainerCreating' : 'PodInitializing' } };
    const status: ContainerStatus = { ...base, containerID: r ? `containerd://${r.id}` : undefined, lastState: t?.lastTerminated && !state.terminated ? { terminated: t.lastTerminated } : {}, ready, started, state };
    if (!status.containerID) delete status.containerID;
    if (!status.imageID) status.imageID = '';
    if (c.volumeMounts?.length) status.volumeMounts = c.volumeMounts.map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
    return status;
  }

  function writeStatus(ctx: ControllerContext, pod: Pod, track: PodTrack, podIsTerminal = false): Pod {
    const now = ctx.clock.now();
    const sandbox = track.sandboxId ? runtime.sandboxOf(track.uid) : undefined;
    const init = (pod.spec.initContainers ?? []).map((c) => containerStatus(pod, c, track.containers[c.name], true, now));
    const app = pod.spec.containers.map((c) => {
      const s = containerStatus(pod, c, track.containers[c.name], false, now);
      const initializing = (pod.spec.initContainers ?? []).some((ic) => !track.containers[ic.name]?.done);
      if (initializing && !track.containers[c.name]?.currentId && !track.containers[c.name]?.waiting) s.state = { waiting: { reason: 'PodInitializing' } };
      return s;
    });
    const phase = podPhase(pod.spec, init, app, podIsTerminal);
    const machine = runtime.node(track.nodeName);
    const hostIP = machine?.internalIP ?? pod.status?.hostIP;
    const status = { ...(pod.status ?? {}) } as NonNullable<Pod['status']>;
    status.phase = phase;
    status.conditions = podConditions({ spec: pod.spec, phase, sandboxReady: !!sandbox && sandbox.stoppedAt === undefined, init, app, previous: pod.status?.conditions ?? [], now: rfc3339(now) });
    if (hostIP) {
      status.hostIP = hostIP;
      status.hostIPs = [{ ip: hostIP }];
    }
    if (sandbox && sandbox.stoppedAt === undefined) {
      status.podIP = sandbox.ip;
      status.podIPs = [{ ip: sandbox.ip }];
    }
    status.startTime ??= rfc3339(now);
    if (init.length) status.initContainerStatuses = init;
    status.containerStatuses = app;
    return updateStatusIfChanged(ctx.client, podsRef, pod, status);
  }

  // ---------- the pod ----------

  function syncPod(ctx: ControllerContext, key: string) {
    const [namespace, name] = splitKey(key);
    const now = ctx.clock.now();
    // From the watch cache (read-only), as the real kubelet reads its pods from its informer.
    const pod = podCache.get(key);
    if (!pod) {
      const gone = pods.get(key);
      if (gone) {
        runtime.removePod(gone.uid, now);
        pods.delete(key);
      }
      return;
    }
    const nodeName = pod.spec.nodeName;
    if (!nodeName) return;
    let track = pods.get(key);
    if (track && track.uid !== pod.metadata.uid) {
      runtime.removePod(track.uid, now);
      track = undefined;
    }
    if (!track) {
      track = { uid: pod.metadata.uid ?? '', nodeName, probeEpoch: now, containers: {} };
      pods.set(key, track);
      adopt(ctx, pod, track, now);
    }
    if (!syncMachine(ctx, nodeName)) return; // a stopped node's kubelet does nothing

    for (const killed of faultsOf(ctx).takeContainerKills(namespace, name)) {
      const r = runtime.container(track.containers[killed]?.currentId);
      if (r) runtime.kill(r, now);
    }

    if (pod.metadata.deletionTimestamp) return terminatePod(ctx, pod, track);
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;

    // Volumes before the sandbox: a missing ConfigMap or Secret keeps the pod ContainerCreating.
    track.volumes ??= newVolumeMountState(!!track.sandboxId);
    const mountRetryAt = mountVolumes(ctx.client, pod, track.volumes, now, (message) => record(ctx, pod, 'Warning', 'FailedMount', message));
    if (mountRetryAt !== undefined) {
      writeStatus(ctx, pod, track);
      ctx.requeueAfter(key, Math.max(0, mountRetryAt - now));
      return;
    }

    // The sandbox: a stopped node lost it; a new one gets a new IP.
    let sandbox = track.sandboxId ? runtime.sandboxOf(track.uid) : undefined;
    if (sandbox && sandbox.stoppedAt !== undefined) {
      record(ctx, pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
      track.sandboxId = undefined;
      sandbox = undefined;
      for (const t of Object.values(track.containers)) t.done = false;
    }
    if (!sandbox) {
      track.sandboxPendingSince ??= now;
      const readyAt = track.sandboxPendingSince + kubeletTimings.sandboxMs;
      if (now < readyAt) {
        writeStatus(ctx, pod, track);
        ctx.requeueAfter(key, readyAt - now);
        return;
      }
      const uid = track.uid;
      const held = ipHolders.get(nodeName);
      const heldElsewhere = (ip: string) => {
        const holders = held?.get(ip);
        return !!holders && (holders.size > 1 || !holders.has(uid));
      };
      sandbox = runtime.createSandbox(nodeName, uid, now, ctx.random, !!pod.spec.hostNetwork, heldElsewhere);
      track.sandboxId = sandbox.id;
      track.sandboxPendingSince = undefined;
    }

    let wake = Infinity;
    // Init containers one at a time, in order; app containers only after all of them succeeded.
    let initDone = true;
    for (const c of pod.spec.initContainers ?? []) {
      const t = track.containers[c.name];
      if (t?.done) continue;
      const w = stepContainer(ctx, pod, track, c, true, sandbox.ip);
      if (w !== undefined) wake = Math.min(wake, w);
      if (!track.containers[c.name]?.done) {
        initDone = false;
        break;
      }
    }
    if (initDone) {
      for (const c of pod.spec.containers) {
        const w = stepContainer(ctx, pod, track, c, false, sandbox.ip);
        if (w !== undefined) wake = Math.min(wake, w);
      }
    }
    writeStatus(ctx, pod, track);
    if (Number.isFinite(wake)) ctx.requeueAfter(key, Math.max(0, wake - ctx.clock.now()));
  }

  function terminatePod(ctx: ControllerContext, pod: Pod, track: PodTrack) {
    const now = ctx.clock.now();
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    let lastExit = now;
    for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
      const t = track.containers[c.name];
      const r = runtime.container(t?.currentId);
      if (t) t.waiting = undefined;
      if (!r) continue;
      runtime.settle(r, now);
      if (r.finishedAt === undefined) {
        if (r.stopRequestedAt === undefined) record(ctx, pod, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
        runtime.stop(r, now, graceMs);
        const exit = runtime.exitAt(r);
        if (exit) lastExit = Math.max(lastExit, exit.at);
      }
    }
    if (lastExit > now) {
      if (!track.killing) {
        track.killing = true;
        writeStatus(ctx, pod, track);
      }
      ctx.requeueAfter(podKey(pod), lastExit - now);
      return;
    }
    // Everything stopped: final status, then remove the object (grace 0, this pod's uid only).
    runtime.removePod(track.uid, now);
    const final = writeStatus(ctx, pod, track, true);
    if (track.deleted) return;
    try {
      ctx.client.delete(podsRef, pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: track.uid } });
      track.deleted = true;
    } catch (err) {
      if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict')) throw err;
    }
    void final;
  }

  return {
    name: 'kubelet',
    // What a real kubelet keeps in memory and a snapshot must carry: per pod, the back-off
    // entries, probe counts, pull and mount progress and which containers it already runs.
    saveState: () => ({ pods: cloneJson([...pods]), puller: puller.save() }),
    restoreState(state) {
      pods.clear();
      const saved = state as { pods?: Array<[string, PodTrack]>; puller?: PullerState } | undefined;
      for (const [key, track] of saved?.pods ?? []) pods.set(key, cloneJson(track));
      puller.restore(saved?.puller);
    },
    watches: [
      {
        resource: podsRef,
        keysFor(event) {
          const pod = event.object as Pod;
          const before = podCache.get(podKey(pod));
          observePod(event);
          // Like the kubelet's pod config source, a change to status alone (its own writes, a
          // condition another controller added) is not news to the pod worker.
          if (event.type === 'MODIFIED' && before && onlyStatusChanged(before, pod)) return [];
          return pod.spec?.nodeName || pods.has(podKey(pod)) ? [podKey(pod)] : [];
        },
      },
      { resource: nodesRef, keysFor: (event) => (event.type === 'ADDED' ? [nodeKey(event.object.metadata.name ?? '')] : []) },
    ],
    reconcile(key, ctx) {
      lastCtx = ctx;
      hookFaults(ctx);
      if (key.startsWith('node:')) return heartbeat(ctx, key.slice(5));
      syncPod(ctx, key);
    },
  };
}

