// Two filter plugins that look at other pods, not just the node: PodTopologySpread (spread
// matching pods evenly over zones, hosts, …) and InterPodAffinity (run near, or away from,
// matching pods). As upstream, each has a PreFilter half that counts pods per topology domain once
// per scheduling attempt, and a Filter half that checks one node against those counts. They run
// after NodeResourcesFit, spread first. ScheduleAnyway constraints and preferred terms are scored
// in scheduler-scores.ts.
import { type Requirement, type Selector, nothing, selectorFromLabelSelector, selectorOf } from '../machinery/selectors.ts';
import type { LabelSelector } from '../machinery/selectors.ts';
import type { Node, Pod, PodAffinityTerm } from './pod-types.ts';
import { type FilterRejection, matchesNodeSelectorAndAffinity, untoleratedTaint } from './scheduler-filters.ts';

/** What these filters read of a node: the Node and the pods bound to it. A NodeInfo is one. */
export interface TopologyNode {
  readonly node: Node;
  readonly pods: readonly Pod[];
  /** Shortcuts a NodeInfo keeps: non-terminating pods per controller uid, and whether any pod here
   * has pod (anti-)affinity terms. Without them the pods are looked at one by one. */
  ownedBy?(controllerUid: string): number;
  readonly hasPodAffinityTerms?: boolean;
}

export interface ClusterView {
  /** Every node in the cluster, not only those that passed the earlier filters: domains are counted over all of them. */
  nodes: readonly TopologyNode[];
  namespaceLabels(ns: string): Record<string, string> | undefined;
  /** Optional shortcut: the nodes holding a pod with required anti-affinity (upstream's cache keeps
   * this list). Without it every node's pods are looked at. */
  nodesWithRequiredAntiAffinity?: readonly TopologyNode[];
}

export type NodeFilter = (node: TopologyNode) => FilterRejection | undefined;

export const spreadPlugin = 'PodTopologySpread';
export const affinityPlugin = 'InterPodAffinity';
export const spreadConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const spreadMissingLabel = `${spreadConstraintsNotMatch} (missing required label)`;
export const affinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const antiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
export const existingAntiAffinityNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";

export function namespaceOf(pod: Pod): string {
  return pod.metadata.namespace ?? 'default';
}

function labelsOf(node: Node): Record<string, string> {
  return node.metadata.labels ?? {};
}

/** A spec's selector; one that does not parse selects nothing (validation normally stops it earlier). */
function compileSelector(sel: LabelSelector | null | undefined, extra: Requirement[]): Selector {
  let base: Selector;
  try {
    base = selectorFromLabelSelector(sel);
  } catch {
    return nothing;
  }
  return extra.length ? selectorOf([...base.requirements, ...extra]) : base;
}

/** `key=<the pod's value>` for each listed key the pod has; keys it lacks are ignored. */
function labelKeyRequirements(pod: Pod, keys: string[] | undefined, operator: 'in' | 'notin'): Requirement[] {
  const labels = pod.metadata.labels ?? {};
  return (keys ?? []).filter((k) => Object.hasOwn(labels, k)).map((key) => ({ key, operator, values: [labels[key]!] }));
}

// ---------- PodTopologySpread ----------

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorTaints: boolean;
}

/** The pod's constraints of one kind: DoNotSchedule ones filter; ScheduleAnyway ones (and the
 * cluster's default constraints, which are all ScheduleAnyway) only score (scheduler-scores.ts). */
export function spreadConstraints(pod: Pod, when: 'DoNotSchedule' | 'ScheduleAnyway' = 'DoNotSchedule'): SpreadConstraint[] {
  return (pod.spec.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      // matchLabelKeys narrows the selector to pods sharing the incoming pod's values (e.g. one
      // Deployment revision), merged here by the scheduler as in v1.32.
      selector: compileSelector(c.labelSelector, labelKeyRequirements(pod, c.matchLabelKeys, 'in')),
      minDomains: c.minDomains ?? 1,
      honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    }));
}

/** PreFilter once for the pod, then a Filter per node. Undefined when the pod has no DoNotSchedule constraint. */
export function podTopologySpreadFilter(pod: Pod, view: ClusterView): NodeFilter | undefined {
  const constraints = spreadConstraints(pod);
  if (constraints.length === 0) return undefined;
  const ns = namespaceOf(pod);
  // Matching pods per domain (topology value), per constraint. A domain is present, possibly with
  // 0, when some eligible node has that value: that is what minDomains counts.
  const counts = constraints.map(() => new Map<string, number>());
  for (const info of view.nodes) {
    const labels = labelsOf(info.node);
    // A node missing any of the constraints' keys is no domain for any of them.
    if (!constraints.every((c) => Object.hasOwn(labels, c.topologyKey))) continue;
    let affinityMatch: boolean | undefined;
    let taintsOk: boolean | undefined;
    constraints.forEach((c, i) => {
      // nodeAffinityPolicy Honor (the default): nodes the pod could never go to are no domains.
      if (c.honorNodeAffinity && !(affinityMatch ??= matchesNodeSelectorAndAffinity(pod, info.node))) return;
      if (c.honorTaints && !(taintsOk ??= !untoleratedTaint(info.node.spec?.taints, pod.spec.tolerations, ['NoSchedule', 'NoExecute']))) return;
      let matching = 0;
      for (const p of info.pods) {
        // Terminating pods are on their way out and do not count.
        if (p.metadata.deletionTimestamp || namespaceOf(p) !== ns) continue;
        if (c.selector.matches(p.metadata.labels)) matching++;
      }
      const value = labels[c.topologyKey]!;
      counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + matching);
    });
  }
  // The global minimum; 0 while fewer domains than minDomains exist, so the pod can open a new one.
  const minimums = constraints.map((c, i) => {
    const domains = counts[i]!;
    if (domains.size < c.minDomains) return 0;
    // With no domain at all (minDomains 0 cannot pass validation) nothing can be skewed.
    let min = Number.POSITIVE_INFINITY;
    for (const n of domains.values()) min = Math.min(min, n);
    return min;
  });
  const podLabels = pod.metadata.labels ?? {};
  const selfMatch = constraints.map((c) => (c.selector.matches(podLabels) ? 1 : 0));

  return (info) => {
    const labels = labelsOf(info.node);
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (!Object.hasOwn(labels, c.topologyKey)) {
        // No label, no domain: evicting pods cannot change that.
        return { plugin: spreadPlugin, reasons: [spreadMissingLabel], unresolvable: true };
      }
      const skew = (counts[i]!.get(labels[c.topologyKey]!) ?? 0) + selfMatch[i]! - minimums[i]!;
      if (skew > c.maxSkew) return { plugin: spreadPlugin, reasons: [spreadConstraintsNotMatch], unresolvable: false };
    }
    return undefined;
  };
}

// ---------- InterPodAffinity ----------

export interface AffinityTerm {
  selector: Selector;
  namespaces: ReadonlySet<string>;
  namespaceSelector: Selector;
  topologyKey: string;
}

export function compileTerm(owner: Pod, term: PodAffinityTerm): AffinityTerm {
  // matchLabelKeys / mismatchLabelKeys take the owner's label values (upstream's API server merges
  // them into the selector when the pod is created; ours does not, so it happens here). Only with
  // a labelSelector, as validation requires.
  const extra = term.labelSelector
    ? [...labelKeyRequirements(owner, term.matchLabelKeys, 'in'), ...labelKeyRequirements(owner, term.mismatchLabelKeys, 'notin')]
    : [];
  // No namespaces and no namespaceSelector means the owner's own namespace.
  const own = !term.namespaces?.length && !term.namespaceSelector;
  return {
    selector: compileSelector(term.labelSelector, extra),
    namespaces: new Set(own ? [namespaceOf(owner)] : (term.namespaces ?? [])),
    namespaceSelector: compileSelector(term.namespaceSelector, []),
    topologyKey: term.topologyKey,
  };
}

const termCache = new WeakMap<Pod, AffinityTerm[]>();

/** A bound pod's required anti-affinity terms, compiled once per pod object. */
function existingAntiAffinityTerms(pod: Pod): AffinityTerm[] {
  const raw = pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!raw?.length) return [];
  let terms = termCache.get(pod);
  if (terms) return terms;
  terms = raw.map((t) => compileTerm(pod, t));
  // Store objects are frozen, so their terms cannot go stale; anything else is compiled each time.
  if (Object.isFrozen(pod)) termCache.set(pod, terms);
  return terms;
}

/** True when the pod has required anti-affinity terms: what upstream's cache indexes nodes by. */
export function hasRequiredAntiAffinity(pod: Pod): boolean {
  return (pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
}

export function termMatches(term: AffinityTerm, target: Pod, nsLabels: Record<string, string> | undefined): boolean {
  const inNamespace = term.namespaces.has(namespaceOf(target)) || (nsLabels !== undefined && term.namespaceSelector.matches(nsLabels));
  return inNamespace && term.selector.matches(target.metadata.labels);
}

// Counts keyed by topology pair: key and value joined by a character labels cannot hold.
const pairKey = (key: string, value: string) => `${key}\n${value}`;

function bump(counts: Map<string, number>, node: Node, topologyKey: string): void {
  const labels = labelsOf(node);
  if (!Object.hasOwn(labels, topologyKey)) return;
  const k = pairKey(topologyKey, labels[topologyKey]!);
  counts.set(k, (counts.get(k) ?? 0) + 1);
}

/** Matches the incoming pod's terms against bound pods, looking up (and caching for one
 * scheduling attempt) the labels of the bound pods' namespaces for namespaceSelector. */
export function incomingTermMatcher(view: ClusterView): (term: AffinityTerm, target: Pod) => boolean {
  const nsLabelCache = new Map<string, Record<string, string> | undefined>();
  const nsLabels = (name: string) => {
    if (!nsLabelCache.has(name)) nsLabelCache.set(name, view.namespaceLabels(name));
    return nsLabelCache.get(name);
  };
  // An empty namespaceSelector ({}) selects every namespace; an absent one, none.
  return (t, p) => termMatches(t, p, t.namespaceSelector === nothing ? undefined : t.namespaceSelector.empty ? {} : nsLabels(namespaceOf(p)));
}

/** PreFilter once for the pod, then a Filter per node. Undefined when the pod has no required
 * (anti-)affinity and no bound pod's required anti-affinity selects it. */
export function interPodAffinityFilter(pod: Pod, view: ClusterView): NodeFilter | undefined {
  const ns = namespaceOf(pod);
  const affinityTerms = (pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => compileTerm(pod, t));
  const antiTerms = (pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => compileTerm(pod, t));

  // Domains where a bound pod's anti-affinity term selects the incoming pod.
  const existingAnti = new Map<string, number>();
  const incomingNsLabels = view.namespaceLabels(ns) ?? {};
  for (const info of view.nodesWithRequiredAntiAffinity ?? view.nodes) {
    for (const p of info.pods) {
      for (const t of existingAntiAffinityTerms(p)) if (termMatches(t, pod, incomingNsLabels)) bump(existingAnti, info.node, t.topologyKey);
    }
  }
  if (existingAnti.size === 0 && affinityTerms.length === 0 && antiTerms.length === 0) return undefined;

  // Domains holding pods that match all the affinity terms, and pods that match each anti-affinity term.
  const affinityCounts = new Map<string, number>();
  const antiCounts = new Map<string, number>();
  const incomingMatch = incomingTermMatcher(view);
  if (affinityTerms.length || antiTerms.length) {
    for (const info of view.nodes) {
      for (const p of info.pods) {
        if (affinityTerms.length && affinityTerms.every((t) => incomingMatch(t, p))) for (const t of affinityTerms) bump(affinityCounts, info.node, t.topologyKey);
        for (const t of antiTerms) if (incomingMatch(t, p)) bump(antiCounts, info.node, t.topologyKey);
      }
    }
  }
  // The first pod of a group that is affine to itself: nothing matches yet anywhere, but it
  // matches its own terms, so it may go to any node that has the topology keys.
  const firstOfItsGroup = affinityCounts.size === 0 && affinityTerms.length > 0 && affinityTerms.every((t) => incomingMatch(t, pod));

  return (info) => {
    const labels = labelsOf(info.node);
    if (affinityTerms.length) {
      let podsThere = true;
      for (const t of affinityTerms) {
        // Unresolvable: evicting pods never brings the pods this one wants to be near.
        if (!Object.hasOwn(labels, t.topologyKey)) return { plugin: affinityPlugin, reasons: [affinityRulesNotMatch], unresolvable: true };
        if (!((affinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey]!)) ?? 0) > 0)) podsThere = false;
      }
      if (!podsThere && !firstOfItsGroup) return { plugin: affinityPlugin, reasons: [affinityRulesNotMatch], unresolvable: true };
    }
    if (antiCounts.size) {
      for (const t of antiTerms) {
        if (!Object.hasOwn(labels, t.topologyKey)) continue;
        if ((antiCounts.get(pairKey(t.topologyKey, labels[t.topologyKey]!)) ?? 0) > 0) {
          return { plugin: affinityPlugin, reasons: [antiAffinityRulesNotMatch], unresolvable: false };
        }
      }
    }
    if (existingAnti.size) {
      for (const [key, value] of Object.entries(labels)) {
        if ((existingAnti.get(pairKey(key, value)) ?? 0) > 0) return { plugin: affinityPlugin, reasons: [existingAntiAffinityNotMatch], unresolvable: false };
      }
    }
    return undefined;
  };
}
