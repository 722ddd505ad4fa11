// What the kubelet writes to pod status: the phase from the container states (upstream getPhase)
// and the five conditions in 1.32's order — PodReadyToStartContainers, Initialized, Ready,
// ContainersReady, PodScheduled — each keeping its lastTransitionTime until its status changes.
import type { ContainerStatus, PodCondition, PodSpec, PodStatus } from './pod-types.ts';

export function podPhase(spec: PodSpec, init: ContainerStatus[], app: ContainerStatus[], podIsTerminal = false): NonNullable<PodStatus['phase']> {
  let pendingInit = 0;
  let failedInit = 0;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') continue;
    const s = init.find((x) => x.name === c.name);
    if (!s) pendingInit++;
    else if (s.state.running) pendingInit++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInit++;
      } else pendingInit++;
    } else pendingInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.containers) {
    const s = app.find((x) => x.name === c.name);
    if (!s) unknown++;
    else if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const policy = spec.restartPolicy ?? 'Always';
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || (failedInit > 0 && policy !== 'Never')) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running + stopped === spec.containers.length && spec.containers.length > 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function names(list: ContainerStatus[], pred: (s: ContainerStatus) => boolean): string[] {
  return list.filter(pred).map((s) => s.name);
}

/** The kubelet-owned conditions, in order, keeping transition times from the previous status. */
export function podConditions(opts: {
  spec: PodSpec;
  phase: NonNullable<PodStatus['phase']>;
  sandboxReady: boolean;
  init: ContainerStatus[];
  app: ContainerStatus[];
  previous: PodCondition[];
  now: string;
}): PodCondition[] {
  const { spec, phase, init, app } = opts;
  const out: PodCondition[] = [];
  const terminalCompleted = phase === 'Succeeded' || phase === 'Failed';

  out.push({ type: 'PodReadyToStartContainers', status: opts.sandboxReady ? 'True' : 'False' });

  const incompleteInit = (spec.initContainers ?? [])
    .filter((c) => c.restartPolicy !== 'Always')
    .filter((c) => init.find((s) => s.name === c.name)?.state.terminated?.exitCode !== 0)
    .map((c) => c.name);
  if (incompleteInit.length === 0 || (phase === 'Succeeded' && incompleteInit.length === 0)) out.push({ type: 'Initialized', status: 'True' });
  else if (terminalCompleted && phase === 'Succeeded') out.push({ type: 'Initialized', status: 'True', reason: 'PodCompleted' });
  else out.push({ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incompleteInit.join(' ')}]` });

  const declared = spec.containers.map((c) => c.name);
  const unknownNames = declared.filter((n) => !app.some((s) => s.name === n));
  const unready = names(app, (s) => !s.ready);
  let containersReady: PodCondition;
  if (terminalCompleted) containersReady = { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  else if (unknownNames.length || unready.length) {
    const parts: string[] = [];
    if (unknownNames.length) parts.push(`containers with unknown status: [${unknownNames.join(' ')}]`);
    if (unready.length) parts.push(`containers with unready status: [${unready.join(' ')}]`);
    containersReady = { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: parts.join(', ') };
  } else containersReady = { type: 'ContainersReady', status: 'True' };

  let ready: PodCondition;
  if (terminalCompleted) ready = { type: 'Ready', status: 'False', reason: 'PodCompleted' };
  else if (out[1]!.status !== 'True') ready = { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: containersReady.message ?? `containers with unready status: [${declared.join(' ')}]` };
  else if (containersReady.status !== 'True') ready = { ...containersReady, type: 'Ready' };
  else ready = { type: 'Ready', status: 'True' };
  out.push(ready, containersReady);

  const scheduled = opts.previous.find((c) => c.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True' as const };
  const result = out.map((c) => {
    const old = opts.previous.find((p) => p.type === c.type);
    return { ...c, lastProbeTime: null, lastTransitionTime: old && old.status === c.status ? (old.lastTransitionTime ?? opts.now) : opts.now };
  });
  result.push({ ...scheduled, lastProbeTime: null, lastTransitionTime: scheduled.lastTransitionTime ?? opts.now });
  return result.map((c) => orderedCondition(c));
}

/** Field order as the API server prints conditions (kubectl -o yaml sorts anyway; this is for JSON). */
function orderedCondition(c: PodCondition): PodCondition {
  const o: PodCondition = { type: c.type, status: c.status } as PodCondition;
  o.lastProbeTime = c.lastProbeTime ?? null;
  if (c.lastTransitionTime) o.lastTransitionTime = c.lastTransitionTime;
  if (c.reason) o.reason = c.reason;
  if (c.message) o.message = c.message;
  return o;
}
