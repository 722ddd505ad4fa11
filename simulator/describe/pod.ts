// `kubectl describe pod`: identity, where it runs, containers with their state, conditions,
// volumes, QoS class, scheduling constraints, and the events about it.
import type { KubeObject } from '../machinery/types.ts';
import type { EventLike } from '../printers/events.ts';
import type { PodLike } from '../printers/pod.ts';
import { writeContainers, writeVolumes, type Container, type PodSpecLike } from './containers.ts';
import { controlledBy, rfc1123z, since, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './format.ts';
import { parseQuantity } from './quantity.ts';
import { eventsFor, type DescribeContext } from './reader.ts';
import { tabbed } from './writer.ts';

export interface DescribedPod extends PodLike {
  spec?: PodLike['spec'] &
    PodSpecLike & {
      priority?: number;
      runtimeClassName?: string;
      ephemeralContainers?: Container[];
      topologySpreadConstraints?: { topologyKey: string; whenUnsatisfiable: string; maxSkew: number }[];
    };
  status?: PodLike['status'] & {
    hostIP?: string;
    startTime?: string;
    message?: string;
    qosClass?: string;
  };
}

const QOS_RESOURCES = ['cpu', 'memory'];

/** BestEffort without any cpu/memory request or limit; Guaranteed when every container's limits equal its requests. */
export function podQOSClass(pod: DescribedPod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of containers) {
    for (const [name, value] of Object.entries(c.resources?.requests ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const q = parseQuantity(value).nanos;
      if (q > 0n) requests.set(name, (requests.get(name) ?? 0n) + q);
    }
    const found = new Set<string>();
    for (const [name, value] of Object.entries(c.resources?.limits ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const q = parseQuantity(value).nanos;
      if (q > 0n) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0n) + q);
      }
    }
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Values for downward-API env vars (`fieldRef`), read from the pod as the kubelet would. */
function fieldResolver(pod: DescribedPod): (path: string) => string {
  return (path) => {
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
    switch (path) {
      case 'metadata.name':
        return pod.metadata.name ?? '';
      case 'metadata.namespace':
        return pod.metadata.namespace ?? '';
      case 'metadata.uid':
        return pod.metadata.uid ?? '';
      case 'spec.nodeName':
        return pod.spec?.nodeName ?? '';
      case 'spec.serviceAccountName':
        return pod.spec?.serviceAccountName ?? '';
      case 'status.podIP':
        return pod.status?.podIP ?? '';
      case 'status.hostIP':
        return pod.status?.hostIP ?? '';
      case 'status.podIPs':
        return (pod.status?.podIPs ?? []).map((p) => p.ip).join(',');
      default:
        return '';
    }
  };
}

/** The text of `kubectl describe pod`, with the events the reader finds. */
export function describePod(obj: KubeObject, ctx: DescribeContext): string {
  const pod = obj as DescribedPod;
  // kubectl searches pod events without a kind, by name, namespace and uid.
  const events: EventLike[] = eventsFor(ctx, { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace, uid: pod.metadata.uid });
  return renderPod(pod, events, ctx.now);
}

export function renderPod(pod: DescribedPod, events: EventLike[] | undefined, now: number): string {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  return tabbed((w) => {
    w.write(0, `Name:\t${pod.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    writeLabels(w, 'Labels', pod.metadata.labels);
    writeAnnotations(w, 'Annotations', pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, now)})\n`);
      w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(0, `Message:\t${status.message}\n`);
    w.write(0, `IP:\t${status.podIP ?? ''}\n`);
    const ips = status.podIPs ?? [];
    if (ips.length === 0) {
      w.write(0, 'IPs:\t<none>\n');
    } else {
      w.write(0, 'IPs:\n');
      for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
    }
    const owner = controlledBy(pod);
    if (owner) w.write(0, `Controlled By:\t${owner}\n`);
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);

    const resolve = fieldResolver(pod);
    if ((spec.initContainers ?? []).length > 0) {
      writeContainers(w, 'Init Containers', spec.initContainers ?? [], status.initContainerStatuses, resolve, '');
    }
    writeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, resolve, '');
    if ((spec.ephemeralContainers ?? []).length > 0) {
      writeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers ?? [], undefined, resolve, '');
    }
    const gates = spec.readinessGates ?? [];
    if (gates.length > 0) {
      w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const cond = (status.conditions ?? []).find((c) => c.type === g.conditionType);
        w.write(1, `${g.conditionType} \t${cond ? cond.status : '<none>'} \n`);
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions ?? []) w.write(1, `${c.type} \t${c.status} \n`);
    }
    writeVolumes(w, spec.volumes, '');
    w.write(0, `QoS Class:\t${podQOSClass(pod)}\n`);
    writeLabels(w, 'Node-Selectors', spec.nodeSelector);
    writeTolerations(w, 'Tolerations', spec.tolerations);
    const spread = [...(spec.topologySpreadConstraints ?? [])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : 1));
    if (spread.length > 0) {
      w.write(0, 'Topology Spread Constraints:\t');
      spread.forEach((t, i) => {
        if (i !== 0) w.write(0, '\t');
        w.write(0, `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded\n`);
      });
    }
    writeEvents(w, events, now);
  });
}
