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

/** log2 bucket of how long ago t was; -1 for "not in the past". */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6; // upstream takes log2 of nanoseconds
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Negative when a should be deleted before b: the later time first, zero/unknown time first of all. */
function laterFirst(a: number | undefined, b: number | undefined, now: number, uidA: string, uidB: string): number {
  if (a === undefined || b === undefined) return a === undefined ? -1 : 1;
  const diff = logRank(a, now) - logRank(b, now);
  if (diff !== 0) return diff; // smaller rank = more recent = delete first
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

/** Everything the order looks at, worked out once per pod before sorting. */
interface Ranked {
  pod: Pod;
  unassigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  readySince: number | undefined;
  restarts: number;
  created: number | undefined;
  uid: string;
}

/** The facts are kept per (frozen, shared) pod object: a scale-down of a large ReplicaSet ranks
 * the same pods again and again, one or two victims at a time. */
const factsOf = new WeakMap<Pod, Ranked>();

function rankOf(pod: Pod): Ranked {
  let facts = factsOf.get(pod);
  if (!facts) {
    const ready = isPodReady(pod);
    facts = {
      pod,
      unassigned: !pod.spec.nodeName,
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

/** onNode: active related pods per node; more of them on a pod's node makes it go first. */
function compare(a: Ranked, b: Ranked, now: number, onNode: Map<string, number>): number {
  if (a.unassigned !== b.unassigned && (a.pod.spec.nodeName ?? '') !== (b.pod.spec.nodeName ?? '')) return a.unassigned ? -1 : 1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  const rankA = onNode.get(a.pod.spec.nodeName ?? '') ?? 0;
  const rankB = onNode.get(b.pod.spec.nodeName ?? '') ?? 0;
  if (rankA !== rankB) return rankB - rankA;
  if (a.ready && b.ready && a.readySince !== b.readySince) {
    const c = laterFirst(a.readySince, b.readySince, now, a.uid, b.uid);
    if (c !== 0) return c;
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) return laterFirst(a.created, b.created, now, a.uid, b.uid);
  return 0;
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
  const ranked = pods.map(rankOf);
  // A rolling update usually removes one or two pods at a time: pick them without a full sort.
  if (count <= 8) {
    const picked: Pod[] = [];
    for (let n = 0; n < count; n++) {
      let best = 0;
      for (let i = 1; i < ranked.length; i++) if (compare(ranked[i]!, ranked[best]!, now, onNode) < 0) best = i;
      picked.push(ranked[best]!.pod);
      ranked.splice(best, 1);
    }
    return picked;
  }
  ranked.sort((a, b) => compare(a, b, now, onNode));
  return ranked.slice(0, count).map((r) => r.pod);
}
