// The scheduler's filter plugins, in upstream's order: each node is checked plugin by plugin and
// the first plugin that rejects it gives that node's reasons. "Unresolvable" rejections are ones
// preemption cannot fix (a taint, a selector); the rest might be fixed by evicting other pods.
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from './pod-types.ts';
import type { NodeInfo } from './scheduler-node-info.ts';
import { type Resources, podRequests } from './scheduler-resources.ts';

export type { NodeInfo } from './scheduler-node-info.ts';

export interface FilterRejection {
  plugin: string;
  reasons: string[];
  unresolvable: boolean;
}

// ---------- tolerations ----------

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function untoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: Taint['effect'][]): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !(tolerations ?? []).some((t) => tolerates(t, taint)));
}

// ---------- node affinity ----------

function matchesRequirement(labels: Record<string, string>, req: NodeSelectorRequirement): boolean {
  const has = req.key in labels;
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const bound = Number(req.values?.[0]);
      if (!has || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
  }
  return false;
}

/** One node selector term: its requirements are ANDed; an empty term matches nothing. */
export function matchesNodeSelectorTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fieldExprs = term.matchFields ?? [];
  if (exprs.length === 0 && fieldExprs.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  const fields = { 'metadata.name': node.metadata.name ?? '' };
  return exprs.every((r) => matchesRequirement(labels, r)) && fieldExprs.every((r) => matchesRequirement(fields, r));
}

export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  // Terms are ORed.
  return terms.some((term) => matchesNodeSelectorTerm(term, node));
}

// ---------- the filters ----------

function hostPorts(pod: Pod): string[] {
  return (pod.spec.containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`));
}

/** Runs the filters on one node; undefined when the pod fits there. `req` saves recomputing the
 * pod's requests for every node. */
export function filterNode(pod: Pod, info: NodeInfo, req: Resources = podRequests(pod)): FilterRejection | undefined {
  const node = info.node;
  const tolerations = pod.spec.tolerations;

  // NodeUnschedulable: a cordoned node, unless the pod tolerates the unschedulable taint.
  if (node.spec?.unschedulable) {
    const cordonTaint: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if (!(tolerations ?? []).some((t) => tolerates(t, cordonTaint))) {
      return { plugin: 'NodeUnschedulable', reasons: ['node(s) were unschedulable'], unresolvable: true };
    }
  }

  // NodeName: the pod asked for another node.
  if (pod.spec.nodeName && pod.spec.nodeName !== node.metadata.name) {
    return { plugin: 'NodeName', reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  }

  // TaintToleration: NoSchedule and NoExecute taints must be tolerated.
  const taint = untoleratedTaint(node.spec?.taints, tolerations, ['NoSchedule', 'NoExecute']);
  if (taint) {
    return { plugin: 'TaintToleration', reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
  }

  // NodeAffinity: nodeSelector and required node affinity.
  if (!matchesNodeSelectorAndAffinity(pod, node)) {
    return { plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  }

  // NodePorts: a hostPort already taken on the node.
  const wanted = hostPorts(pod);
  if (wanted.length) {
    const taken = new Set(info.pods.flatMap(hostPorts));
    if (wanted.some((p) => taken.has(p))) {
      return { plugin: 'NodePorts', reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
    }
  }

  // NodeResourcesFit: requests against allocatable minus what bound pods already request.
  const reasons: string[] = [];
  if (info.requested.pods + 1 > info.allocatable.pods) reasons.push('Too many pods');
  const free = (alloc: number, used: number) => alloc - used;
  if (req.milliCPU > 0 && req.milliCPU > free(info.allocatable.milliCPU, info.requested.milliCPU)) reasons.push('Insufficient cpu');
  if (req.memory > 0 && req.memory > free(info.allocatable.memory, info.requested.memory)) reasons.push('Insufficient memory');
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > free(info.allocatable.ephemeralStorage, info.requested.ephemeralStorage)) {
    reasons.push('Insufficient ephemeral-storage');
  }
  for (const [name, amount] of Object.entries(req.scalar)) {
    if (amount > 0 && amount > free(info.allocatable.scalar[name] ?? 0, info.requested.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  if (reasons.length) return { plugin: 'NodeResourcesFit', reasons, unresolvable: false };
  return undefined;
}

/** "0/3 nodes are available: <reasons>. preemption: 0/3 nodes are available: <why preemption can't help>."
 * A PreFilter rejection (`preFilter`) takes the place of the per-node reasons, and preemption cannot
 * help on any node (it is UnschedulableAndUnresolvable). */
export function unschedulableMessage(pod: Pod, totalNodes: number, rejections: FilterRejection[], preFilter?: string): string {
  if (totalNodes === 0) return 'no nodes available to schedule pods';
  const histogram = (items: string[]) => {
    const counts = new Map<string, number>();
    for (const r of items) counts.set(r, (counts.get(r) ?? 0) + 1);
    // Upstream sorts the "<count> <reason>" strings, so the count takes part in the order.
    return [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
  };
  const notHelpful = 'Preemption is not helpful for scheduling';
  let msg = `0/${totalNodes} nodes are available: ${preFilter ?? histogram(rejections.flatMap((r) => r.reasons)).join(', ')}.`;
  if (pod.spec.preemptionPolicy === 'Never') return `${msg} preemption: not eligible due to preemptionPolicy=Never.`;
  const preemption =
    preFilter !== undefined
      ? Array.from({ length: totalNodes }, () => notHelpful)
      : rejections.map((r) => (r.unresolvable ? notHelpful : 'No preemption victims found for incoming pod'));
  msg += ` preemption: 0/${totalNodes} nodes are available: ${histogram(preemption).join(', ')}.`;
  return msg;
}
