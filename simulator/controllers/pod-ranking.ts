// Which pods a ReplicaSet deletes first when it has too many: upstream's ActivePodsWithRanks.
// The cheapest pod to lose goes first: one that is not yet on a node, not yet running, not yet
// Ready, cheaper by its deletion-cost annotation, doubled up on a node, Ready for less time,
// restarted more, created more recently. Times compare on a log2 scale (LogarithmicScaleDown,
// on by default) so pods of about the same age are chosen between by UID, pseudo-randomly.
import { isPodActive, isPodReady, maxContainerRestarts, podReadySince } from './pod-state.ts';
import type { Pod } from './workload-types.ts';
import { parseTime } from './workload-types.ts';

const phaseOrder: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export const podDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[podDeletionCostAnnotation];
  const n = raw === undefined ? 0 : Number(raw);
  return Number.isInteger(n) ? n : 0;
}

/** log2 bucket of how long ago t was; -1 for "not in the past", -2 for no time at all (goes first). */
function logRank(t: number | undefined, now: number): number {
  if (t === undefined) return -2;
  const d = (now - t) * 1e6; // upstream takes log2 of nanoseconds
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** What never changes for a pod object, worked out once per (frozen, shared) object: a scale-down
 * of a large ReplicaSet ranks the same pods again and again, one or two victims at a time. */
interface Facts {
  unassigned: boolean;
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readySince: number | undefined;
  restarts: number;
  created: number | undefined;
  uid: string;
}

const factsOf = new WeakMap<Pod, Facts>();

function factsFor(pod: Pod): Facts {
  let facts = factsOf.get(pod);
  if (!facts) {
    const ready = isPodReady(pod);
    facts = {
      unassigned: !pod.spec.nodeName,
      node: pod.spec.nodeName ?? '',
      phase: phaseOrder[pod.status?.phase ?? ''] ?? 0,
      ready,
      cost: deletionCost(pod),
      readySince: ready ? podReadySince(pod) : undefined,
      restarts: maxContainerRestarts(pod),
      created: parseTime(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid ?? '',
    };
    // Only a frozen pod cannot change under the cache.
    if (Object.isFrozen(pod)) factsOf.set(pod, facts);
  }
  return facts;
}

/** A pod's facts plus what depends on this call (the time, the pods per node), as numbers. */
interface Ranked extends Facts {
  pod: Pod;
  /** Active related pods on the same node: more makes it go first. */
  onNode: number;
  readyRank: number;
  createdRank: number;
}

function ranked(pod: Pod, now: number, onNode: Map<string, number>): Ranked {
  const f = factsFor(pod);
  return { ...f, pod, onNode: onNode.get(f.node) ?? 0, readyRank: logRank(f.readySince, now), createdRank: logRank(f.created, now) };
}

/** Negative when a should be deleted before b. Times compare by log2 bucket, then by UID. */
function compare(a: Ranked, b: Ranked): number {
  if (a.unassigned !== b.unassigned && a.node !== b.node) return a.unassigned ? -1 : 1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.onNode !== b.onNode) return b.onNode - a.onNode;
  if (a.ready && b.ready && a.readySince !== b.readySince) {
    // The more recently Ready goes first.
    const c = a.readyRank - b.readyRank || byUid(a, b);
    if (c !== 0) return c;
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) return a.createdRank - b.createdRank || byUid(a, b);
  return 0;
}

function byUid(a: Ranked, b: Ranked): number {
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/**
 * The `count` pods to delete from `pods`. `related` are all active pods of the same owner family
 * (upstream: pods of every ReplicaSet of the same Deployment) used to spot pods doubled up on a node.
 */
export function podsToDelete(pods: Pod[], count: number, now: number, related: Pod[] = pods): Pod[] {
  if (count <= 0) return [];
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  }
  const candidates = pods.map((p) => ranked(p, now, onNode));
  // A rolling update usually removes one or two pods at a time: pick them without a full sort.
  if (count <= 8) {
    const picked: Pod[] = [];
    for (let n = 0; n < count; n++) {
      let best = 0;
      for (let i = 1; i < candidates.length; i++) if (compare(candidates[i]!, candidates[best]!) < 0) best = i;
      picked.push(candidates[best]!.pod);
      candidates.splice(best, 1);
    }
    return picked;
  }
  candidates.sort(compare);
  return candidates.slice(0, count).map((r) => r.pod);
}
