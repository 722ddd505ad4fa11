// Four of upstream's default score plugins (kube-scheduler v1.32 default profile), each scoring
// the feasible nodes, normalising to 0..100 over them and weighted as upstream:
// TaintToleration ×3 (avoid PreferNoSchedule taints), NodeAffinity ×2 (preferred node affinity),
// PodTopologySpread ×2 (ScheduleAnyway constraints, or the cluster's default spreading of a
// workload's pods over hosts and zones) and InterPodAffinity ×2 (preferred pod (anti-)affinity,
// both ways). The resource scores (LeastAllocated, BalancedAllocation) are in scheduler.ts.
import { controllerOf } from './ownership.ts';
import type { Node, Pod, Taint, Toleration } from './pod-types.ts';
import { matchesNodeSelectorTerm, tolerates } from './scheduler-filters.ts';
import {
  type AffinityTerm,
  type ClusterView,
  type SpreadConstraint,
  type TopologyNode,
  compileTerm,
  incomingTermMatcher,
  namespaceOf,
  spreadConstraints,
  termMatches,
} from './scheduler-pod-topology.ts';

export const maxNodeScore = 100;
export const taintTolerationWeight = 3;
export const nodeAffinityWeight = 2;
export const interPodAffinityWeight = 2;
export const podTopologySpreadWeight = 2;
/** InterPodAffinityArgs.hardPodAffinityWeight's default: what a bound pod's required affinity term
 * matching the incoming pod is worth. */
export const hardPodAffinityWeight = 1;

// ---------- normalisation ----------

/** helper.DefaultNormalizeScore: scales 0..max(scores) to 0..100 (integer division); `reverse`
 * turns it round. All zero stays zero, or becomes all 100 when reversed. */
export function defaultNormalizeScore(scores: readonly number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map((s) => (reverse ? maxNodeScore : s));
  return scores.map((s) => {
    const scaled = Math.trunc((maxNodeScore * s) / max);
    return reverse ? maxNodeScore - scaled : scaled;
  });
}

/** InterPodAffinity's NormalizeScore: min..max onto 0..100 (scores may be negative); all 0 when
 * every node scored the same. */
export function minMaxNormalizeScore(scores: readonly number[]): number[] {
  if (scores.length === 0) return [];
  const min = Math.min(...scores);
  const diff = Math.max(...scores) - min;
  // Upstream computes in float64 and truncates; the same order of operations keeps its rounding.
  return scores.map((s) => (diff > 0 ? Math.trunc(maxNodeScore * ((s - min) / diff)) : 0));
}

// ---------- TaintToleration ----------

/** The node's PreferNoSchedule taints that none of the pod's tolerations tolerates. Only
 * tolerations for PreferNoSchedule (or for every effect) count, as upstream's PreScore keeps. */
export function intolerablePreferNoScheduleTaints(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined): number {
  const relevant = (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  return (taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !relevant.some((t) => tolerates(t, taint))).length;
}

/** Fewest intolerable PreferNoSchedule taints → 100. */
export function taintTolerationScores(pod: Pod, nodes: readonly Node[]): number[] {
  return defaultNormalizeScore(
    nodes.map((n) => intolerablePreferNoScheduleTaints(n.spec?.taints, pod.spec.tolerations)),
    true,
  );
}

// ---------- NodeAffinity ----------

/** Sum of the weights of the preferred terms the node matches. Weight-0 and empty terms are
 * skipped upstream; an empty term matches nothing here anyway. */
export function preferredNodeAffinityScore(pod: Pod, node: Node): number {
  let score = 0;
  for (const t of pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) if (t.weight !== 0 && matchesNodeSelectorTerm(t.preference, node)) score += t.weight;
  return score;
}

/** The best-matching node → 100, the others in proportion. */
export function nodeAffinityScores(pod: Pod, nodes: readonly Node[]): number[] {
  return defaultNormalizeScore(
    nodes.map((n) => preferredNodeAffinityScore(pod, n)),
    false,
  );
}

// ---------- InterPodAffinity ----------

interface WeightedTerm {
  term: AffinityTerm;
  weight: number;
}

type Affinity = NonNullable<Pod['spec']['affinity']>['podAffinity'];

function weighted(owner: Pod, terms: NonNullable<Affinity>['preferredDuringSchedulingIgnoredDuringExecution']): WeightedTerm[] {
  return (terms ?? []).map((t) => ({ term: compileTerm(owner, t.podAffinityTerm), weight: t.weight }));
}

/** A bound pod's terms that can score the incoming pod: required affinity (at the hard weight),
 * preferred affinity (+) and preferred anti-affinity (−). */
interface ExistingTerms {
  affinity: WeightedTerm[];
  antiAffinity: WeightedTerm[];
}

const noTerms: ExistingTerms = { affinity: [], antiAffinity: [] };
const existingCache = new WeakMap<Pod, ExistingTerms>();

function existingTerms(pod: Pod): ExistingTerms {
  const a = pod.spec.affinity;
  if (!a?.podAffinity && !a?.podAntiAffinity) return noTerms;
  let terms = existingCache.get(pod);
  if (terms) return terms;
  const hard = (a.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => ({ term: compileTerm(pod, t), weight: hardPodAffinityWeight }));
  terms = {
    affinity: [...(hardPodAffinityWeight > 0 ? hard : []), ...weighted(pod, a.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution)],
    antiAffinity: weighted(pod, a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  };
  // Store objects are frozen, so their terms cannot go stale.
  if (Object.isFrozen(pod)) existingCache.set(pod, terms);
  return terms;
}

/** Topology key → value → summed weight: upstream's scoreMap. */
type TopologyScore = Map<string, Map<string, number>>;

function add(scores: TopologyScore, node: Node, topologyKey: string, amount: number): void {
  const value = node.metadata.labels?.[topologyKey];
  if (value === undefined) return;
  let byValue = scores.get(topologyKey);
  if (!byValue) scores.set(topologyKey, (byValue = new Map()));
  byValue.set(value, (byValue.get(value) ?? 0) + amount);
}

/** PreScore: walks every bound pod once and sums weights per topology domain. Undefined when
 * nothing scored (upstream skips the plugin then). */
export function interPodAffinityPreScore(pod: Pod, view: ClusterView): TopologyScore | undefined {
  const affinity = weighted(pod, pod.spec.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
  const anti = weighted(pod, pod.spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
  const incomingMatch = incomingTermMatcher(view);
  const incomingNsLabels = view.namespaceLabels(namespaceOf(pod)) ?? {};
  const scores: TopologyScore = new Map();
  const incomingHasTerms = affinity.length > 0 || anti.length > 0;
  for (const info of view.nodes) {
    // Without terms of its own, the pod is scored only by bound pods that have some.
    if (!incomingHasTerms && info.hasPodAffinityTerms === false) continue;
    for (const existing of info.pods) {
      // The incoming pod's preferences toward the bound pod…
      for (const t of affinity) if (incomingMatch(t.term, existing)) add(scores, info.node, t.term.topologyKey, t.weight);
      for (const t of anti) if (incomingMatch(t.term, existing)) add(scores, info.node, t.term.topologyKey, -t.weight);
      // …and the bound pod's toward the incoming one (symmetry).
      const theirs = existingTerms(existing);
      for (const t of theirs.affinity) if (termMatches(t.term, pod, incomingNsLabels)) add(scores, info.node, t.term.topologyKey, t.weight);
      for (const t of theirs.antiAffinity) if (termMatches(t.term, pod, incomingNsLabels)) add(scores, info.node, t.term.topologyKey, -t.weight);
    }
  }
  return scores.size ? scores : undefined;
}

/** Score: the sums of the domains the node is in, over every topology key. */
export function interPodAffinityRawScore(scores: TopologyScore, node: Node): number {
  let total = 0;
  for (const [key, byValue] of scores) {
    const value = node.metadata.labels?.[key];
    if (value !== undefined) total += byValue.get(value) ?? 0;
  }
  return total;
}

export function interPodAffinityScores(pod: Pod, nodes: readonly Node[], view: ClusterView): number[] {
  const scores = interPodAffinityPreScore(pod, view);
  if (!scores) return nodes.map(() => 0);
  return minMaxNormalizeScore(nodes.map((n) => interPodAffinityRawScore(scores, n)));
}

// ---------- PodTopologySpread ----------

const hostnameKey = 'kubernetes.io/hostname';

/** PodTopologySpreadArgs' System defaulting: a pod with no constraints of its own is spread by
 * host (maxSkew 3) and by zone (maxSkew 5) among the pods of its workload. */
const systemDefaults = [
  { topologyKey: hostnameKey, maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5 },
];

interface SoftConstraint {
  topologyKey: string;
  maxSkew: number;
  /** The pods that count, beyond "same namespace, not terminating". */
  selector?: SpreadConstraint['selector'];
  /** Default constraints count the pods of the same controller (upstream: the selectors of the
   * ReplicaSet, StatefulSet or Services that select the pod; for a workload's pods the same set). */
  controller?: string;
}

/** The ScheduleAnyway constraints to score with, and whether a node must carry every key to be
 * scored at all (only for the pod's own constraints). Undefined: the plugin has nothing to do. */
function softConstraints(pod: Pod): { constraints: SoftConstraint[]; requireAll: boolean } | undefined {
  if (pod.spec.topologySpreadConstraints?.length) {
    const constraints = spreadConstraints(pod, 'ScheduleAnyway');
    return constraints.length ? { constraints, requireAll: true } : undefined;
  }
  const controller = controllerOf(pod)?.uid;
  return controller ? { constraints: systemDefaults.map((c) => ({ ...c, controller })), requireAll: false } : undefined;
}

function countMatching(info: TopologyNode, c: SoftConstraint, namespace: string): number {
  if (c.controller && info.ownedBy) return info.ownedBy(c.controller);
  let n = 0;
  for (const p of info.pods) {
    // Terminating pods are on their way out and do not count.
    if (p.metadata.deletionTimestamp || namespaceOf(p) !== namespace) continue;
    if (c.controller ? controllerOf(p)?.uid === c.controller : c.selector!.matches(p.metadata.labels)) n++;
  }
  return n;
}

/**
 * Upstream's PodTopologySpread score: per node, over its constraints, matching pods in the node's
 * domain × ln(domains + 2) + (maxSkew − 1), rounded; then reversed onto 0..100 as
 * 100 × (max + min − score) / max, so the emptiest domain gets 100. A node missing a key of the
 * pod's own constraints scores 0.
 */
export function podTopologySpreadScores(pod: Pod, feasible: readonly TopologyNode[], view: ClusterView): number[] {
  const soft = softConstraints(pod);
  if (!soft) return feasible.map(() => 0);
  const { constraints, requireAll } = soft;
  const namespace = namespaceOf(pod);
  const labels = (info: TopologyNode) => info.node.metadata.labels ?? {};
  const eligible = (info: TopologyNode) => !requireAll || constraints.every((c) => Object.hasOwn(labels(info), c.topologyKey));
  const scored = feasible.filter(eligible);
  // Matching pods per domain for the keys other than hostname, counted over the whole cluster
  // for the domains the scored nodes are in.
  const domains = constraints.map((c) => {
    const counts = new Map<string, number>();
    if (c.topologyKey === hostnameKey) return counts;
    for (const info of scored) counts.set(labels(info)[c.topologyKey] ?? '', 0);
    for (const info of view.nodes) {
      const value = labels(info)[c.topologyKey];
      if (value === undefined || !counts.has(value) || !eligible(info)) continue;
      counts.set(value, counts.get(value)! + countMatching(info, c, namespace));
    }
    return counts;
  });
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === hostnameKey ? scored.length : domains[i]!.size) + 2));
  const raw = feasible.map((info) => {
    if (!eligible(info)) return undefined;
    let score = 0;
    constraints.forEach((c, i) => {
      const value = labels(info)[c.topologyKey];
      if (value === undefined) return;
      const count = c.topologyKey === hostnameKey ? countMatching(info, c, namespace) : (domains[i]!.get(value) ?? 0);
      score += count * weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(score);
  });
  const present = raw.filter((s): s is number => s !== undefined);
  const max = Math.max(0, ...present);
  const min = Math.min(...present);
  return raw.map((s) => (s === undefined ? 0 : max === 0 ? maxNodeScore : Math.trunc((maxNodeScore * (max + min - s)) / max)));
}

// ---------- together ----------

/** The four plugins' weighted sum for each feasible node, in the order given. `view` is the
 * whole cluster: spreading and inter-pod affinity count pods on every node, feasible or not. */
export function pluginScores(pod: Pod, feasible: readonly TopologyNode[], view: ClusterView): number[] {
  const nodes = feasible.map((info) => info.node);
  const taints = taintTolerationScores(pod, nodes);
  const nodeAffinity = nodeAffinityScores(pod, nodes);
  const spread = podTopologySpreadScores(pod, feasible, view);
  const interPod = interPodAffinityScores(pod, nodes, view);
  return nodes.map(
    (_, i) =>
      taintTolerationWeight * taints[i]! + nodeAffinityWeight * nodeAffinity[i]! + podTopologySpreadWeight * spread[i]! + interPodAffinityWeight * interPod[i]!,
  );
}
