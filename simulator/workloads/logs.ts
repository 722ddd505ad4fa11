// Container logs, as `kubectl logs` reads them through the kubelet.
//
// How to use (kubectl emulation, the HTTP API's pods/log, graders):
//   const logs = new ContainerLogs(runtime);                 // the cluster holds one
//   const r = logs.read(pod, { container: 'app', previous: true, tailLines: 5, timestamps: false }, clock.now());
//   if (r.ok) print(r.text); else fail(400, r.message);       // r.message is the API server's wording
//
// A pod's container keeps its current instance and the one before it (what `--previous` shows);
// older instances are garbage-collected, as on a real node. Lines are computed from the image's
// behaviour model on the virtual clock, merged with access-log lines written by requests.
import type { KubeObject } from '../machinery/types.ts';
import type { ContainerRuntime } from './container-runtime.ts';
import type { LogLine } from './container-model.ts';

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
}

export type LogResult = { ok: true; text: string } | { ok: false; message: string };

interface StateLike {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { containerID?: string };
}
interface StatusLike {
  name: string;
  containerID?: string;
  state?: StateLike;
  lastState?: StateLike;
}
interface PodLike extends KubeObject {
  spec?: { containers?: Array<{ name: string }>; initContainers?: Array<{ name: string }> };
  status?: { containerStatuses?: StatusLike[]; initContainerStatuses?: StatusLike[] };
}

/** Which container instance the kubelet reads for these options, decided from pod status as the
 * kubelet does: a crash-looping container shows its last run, with or without --previous. */
function pickInstance(status: StatusLike | undefined, container: string, podName: string, previous: boolean): { id: string } | { error: string } {
  const state = status?.state ?? {};
  const last = status?.lastState ?? {};
  const idOf = (cid: string | undefined) => (cid ?? '').replace(/^[a-z]+:\/\//, '');
  if (previous) {
    if (!last.terminated?.containerID) return { error: `previous terminated container "${container}" in pod "${podName}" not found` };
    return { id: idOf(last.terminated.containerID) };
  }
  if (state.running) return { id: idOf(status?.containerID) };
  if (state.terminated) {
    const id = state.terminated.containerID || last.terminated?.containerID;
    return id ? { id: idOf(id) } : { error: `container "${container}" in pod "${podName}" is terminated` };
  }
  if (last.terminated) {
    return last.terminated.containerID ? { id: idOf(last.terminated.containerID) } : { error: `container "${container}" in pod "${podName}" is terminated` };
  }
  const reason = state.waiting?.reason ?? 'ContainerCreating';
  if (reason === 'ErrImagePull') return { error: `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled` };
  if (reason === 'ImagePullBackOff') return { error: `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image` };
  return { error: `container "${container}" in pod "${podName}" is waiting to start: ${reason}` };
}

/** RFC 3339 with nanoseconds, as the kubelet prefixes lines with --timestamps. */
function nanoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export class ContainerLogs {
  readonly runtime: ContainerRuntime;

  constructor(runtime: ContainerRuntime) {
    this.runtime = runtime;
  }

  read(pod: PodLike, opts: LogOptions, now: number): LogResult {
    const podName = pod.metadata.name ?? '';
    const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
    const container = opts.container ?? pod.spec?.containers?.[0]?.name ?? '';
    if (!names.includes(container)) return { ok: false, message: `container ${container} is not valid for pod ${podName}` };

    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    const picked = pickInstance(statuses.find((st) => st.name === container), container, podName, !!opts.previous);
    if ('error' in picked) return { ok: false, message: picked.error };
    const target = this.runtime.container(picked.id);
    if (!target) return { ok: true, text: '' };
    let lines: LogLine[] = this.runtime.logLines(target, now);
    const start = target.startedAt!;
    const since = opts.sinceTime ? Date.parse(opts.sinceTime) : opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : undefined;
    if (since !== undefined && Number.isFinite(since)) lines = lines.filter((l) => start + l.atMs >= since);
    if (opts.tailLines !== undefined && opts.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tailLines));
    let text = lines.map((l) => `${opts.timestamps ? `${nanoTime(start + l.atMs)} ` : ''}${l.text}\n`).join('');
    if (opts.limitBytes !== undefined && opts.limitBytes >= 0) text = text.slice(0, opts.limitBytes);
    return { ok: true, text };
  }
}
