// The pod row of `kubectl get pods`: READY, the STATUS algorithm and RESTARTS, as upstream's
// server-side printer computes them. STATUS is not status.phase: it is the most telling reason
// found in the init containers, then the containers (walked last to first), then deletion.
import type { KubeObject } from '../machinery/types.ts';
import { age, humanDuration, parseTime } from './duration.ts';
import { ageColumn, column, nameColumn, type KindPrinter, type TableRowCondition } from './table.ts';

interface ContainerStateLike {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; signal?: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string };
}

export interface ContainerStatusLike {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerStateLike;
  lastState?: ContainerStateLike;
  image?: string;
  imageID?: string;
  containerID?: string;
}

interface ConditionLike {
  type: string;
  status: string;
  reason?: string;
}

export interface PodLike extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: { name: string; image?: string }[];
    initContainers?: { name: string; restartPolicy?: string }[];
    readinessGates?: { conditionType: string }[];
  };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: ConditionLike[];
    initContainerStatuses?: ContainerStatusLike[];
    containerStatuses?: ContainerStatusLike[];
    nominatedNodeName?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
  };
}

/** What the printer works out for a pod; the API server puts these in the row's cells. */
export interface PodSummary {
  ready: string; // "1/2"
  status: string; // "Running", "Init:0/1", "CrashLoopBackOff", "Terminating", …
  restarts: string; // "0", "3 (2m ago)"
}

/** A sidecar: an init container that keeps running beside the app containers. */
function isRestartableInit(container: { restartPolicy?: string } | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionTrue(conditions: ConditionLike[] | undefined, type: string): boolean {
  for (const c of conditions ?? []) {
    if (c.type === type) return c.status === 'True';
  }
  return false;
}

/** READY, STATUS and RESTARTS for one pod at time `now`. */
export function podSummary(pod: PodLike, now: number): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  const phase = status.phase ?? '';
  let reason = status.reason || phase;

  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = new Map<string, { restartPolicy?: string }>();
  for (const ic of spec.initContainers ?? []) {
    initSpecs.set(ic.name, ic);
    if (isRestartableInit(ic)) totalContainers++;
  }
  const initCount = (spec.initContainers ?? []).length;

  const later = (a: number | undefined, finishedAt: string | undefined): number | undefined => {
    const t = parseTime(finishedAt);
    if (t === undefined) return a;
    return a === undefined || t > a ? t : a;
  };

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const lastTerminated = c.lastState?.terminated;
    if (lastTerminated) lastRestart = later(lastRestart, lastTerminated.finishedAt);
    const sidecar = isRestartableInit(initSpecs.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      if (lastTerminated) lastSidecarRestart = later(lastSidecarRestart, lastTerminated.finishedAt);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Last to first, so the first container's reason is the one left standing.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const lastTerminated = c.lastState?.terminated;
      if (lastTerminated) lastRestart = later(lastRestart, lastTerminated.finishedAt);
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // One container finished but another still runs: the pod as a whole is not "Completed".
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  }

  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

/** Just the STATUS column, in the learner's words "what kubectl says the pod is doing". */
export function podStatusText(pod: PodLike, now: number): string {
  return podSummary(pod, now).status;
}

function readinessGatesCell(pod: PodLike): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  let trueCount = 0;
  for (const gate of gates) {
    const cond = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
    if (cond?.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

const COMPLETED: Record<string, TableRowCondition> = {
  Succeeded: { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
  Failed: { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
};

export const podPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Ready', 'How many of the pod’s containers are ready to serve traffic, out of how many.'),
    column('Status', 'The aggregate status of the pod’s containers.'),
    column('Restarts', 'How many times the pod’s containers have restarted, and when the last restart was.'),
    ageColumn(),
    column('IP', 'The IP address allocated to the pod.', { priority: 1 }),
    column('Node', 'The node the pod is scheduled to.', { priority: 1 }),
    column('Nominated Node', 'The node the scheduler nominated after preempting pods there.', { priority: 1 }),
    column('Readiness Gates', 'How many of the pod’s extra readiness conditions are true.', { priority: 1 }),
  ],
  row(obj, now) {
    const pod = obj as PodLike;
    const summary = podSummary(pod, now);
    // The server converts to its internal version first, which fills podIPs from a lone podIP.
    const podIP = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
    const cells = [
      pod.metadata.name ?? '',
      summary.ready,
      summary.status,
      summary.restarts,
      age(pod.metadata.creationTimestamp, now),
      podIP,
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGatesCell(pod),
    ];
    const condition = COMPLETED[pod.status?.phase ?? ''];
    return condition ? { cells, conditions: [{ ...condition }] } : { cells };
  },
};
