// default-scheduler: picks a node for every pod that has none. Filter (which nodes can take the
// pod at all), score (prefer the emptiest node, spread a workload's pods, avoid PreferNoSchedule
// taints, follow preferred affinity), bind. When no node fits, the pod gets
// PodScheduled=False/Unschedulable and a FailedScheduling event saying why, and waits for the
// cluster to change — a node added or uncordoned, a pod deleted, the claim it names created — or
// for the periodic retry of unschedulable pods (every 5 minutes upstream).
import type { ApiServer } from '../machinery/api-server.ts';
import { rfc3339 } from '../machinery/clock.ts';
import { hasReason } from '../machinery/errors.ts';
import type { Random } from '../machinery/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { bindPod } from './pod-binding.ts';
import { type Node, type Pod, type PodCondition, isTerminal, nodesRef, podKey, podsRef, splitKey } from './pod-types.ts';
import { SchedulerCache } from './scheduler-cache.ts';
import { type FilterRejection, filterNode, unschedulableMessage } from './scheduler-filters.ts';
import type { NodeInfo } from './scheduler-node-info.ts';
import { type ClusterView, interPodAffinityFilter, podTopologySpreadFilter } from './scheduler-pod-topology.ts';
import { type Resources, podRequests } from './scheduler-resources.ts';
import { pluginScores } from './scheduler-scores.ts';
import { type ClaimLookup, claimNames, volumeBindingPreFilter } from './scheduler-volume-binding.ts';

export const schedulerName = 'default-scheduler';
/** Key that retries every unschedulable pod (a node or pod changed). */
export const retryUnschedulableKey = '~unschedulable';
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at least this often. */
export const unschedulableRetryMs = 5 * 60_000;

function wantsScheduling(pod: Pod): boolean {
  return !pod.spec.nodeName && !pod.metadata.deletionTimestamp && !isTerminal(pod) && (pod.spec.schedulerName ?? schedulerName) === schedulerName;
}

/** A pod with scheduling gates waits, untouched, until every gate is removed (upstream's
 * SchedulingGates PreEnqueue plugin). */
function isGated(pod: Pod): boolean {
  return ((pod.spec as { schedulingGates?: unknown[] }).schedulingGates ?? []).length > 0;
}

export const schedulingGatedMessage = 'Scheduling is blocked due to non-empty scheduling gates';

/** The resource scores of a feasible node, 0..200: NodeResourcesFit (least allocated) and
 * NodeResourcesBalancedAllocation, weight 1 each. `request` is the pod's request with the
 * scorer's non-zero defaults. The other plugins are in scheduler-scores.ts. */
export function scoreNode(request: Resources, info: NodeInfo): number {
  const used = { cpu: request.milliCPU + info.nonZeroRequested.milliCPU, mem: request.memory + info.nonZeroRequested.memory };
  const alloc = info.allocatable;
  const free = (a: number, u: number) => (a <= 0 ? 0 : Math.max(0, Math.floor(((a - u) * 100) / a)));
  const least = Math.floor((free(alloc.milliCPU, used.cpu) + free(alloc.memory, used.mem)) / 2);
  const cpuFrac = alloc.milliCPU > 0 ? Math.min(1, used.cpu / alloc.milliCPU) : 1;
  const memFrac = alloc.memory > 0 ? Math.min(1, used.mem / alloc.memory) : 1;
  const balanced = Math.floor((1 - Math.abs(cpuFrac - memFrac) / 2) * 100);
  return least + balanced;
}

/** No node fits: the per-node rejections, or the PreFilter message that rejected every node at once. */
export type ScheduleResult = { node: string } | { rejections: FilterRejection[]; totalNodes: number; preFilter?: string };

/** One scheduling cycle for one pod against the scheduler's picture of the cluster: the node
 * filters in upstream's order, then the scores (scoreNode's resource scores plus TaintToleration,
 * NodeAffinity, PodTopologySpread and InterPodAffinity from scheduler-scores.ts). Ties break at random, as upstream. */
export function schedulePod(pod: Pod, cluster: ClusterView & { nodes: readonly NodeInfo[]; claim?: ClaimLookup }, random: Random): ScheduleResult {
  const request = podRequests(pod);
  // PreFilter: a missing claim rejects the pod outright; what the pod-to-pod filters need is
  // counted once, before the node loop.
  const volumes = cluster.claim ? volumeBindingPreFilter(pod, cluster.claim) : undefined;
  if (volumes !== undefined) return { rejections: [], totalNodes: cluster.nodes.length, preFilter: volumes };
  const spread = podTopologySpreadFilter(pod, cluster);
  const affinity = interPodAffinityFilter(pod, cluster);
  const feasible: NodeInfo[] = [];
  const rejections: FilterRejection[] = [];
  for (const info of cluster.nodes) {
    const rejected = filterNode(pod, info, request) ?? spread?.(info) ?? affinity?.(info);
    if (rejected) rejections.push(rejected);
    else feasible.push(info);
  }
  if (feasible.length === 0) return { rejections, totalNodes: cluster.nodes.length };
  const scoring = podRequests(pod, true);
  const plugins = pluginScores(pod, feasible, cluster);
  let best: NodeInfo[] = [];
  let bestScore = -1;
  for (const [i, info] of feasible.entries()) {
    const s = scoreNode(scoring, info) + plugins[i]!;
    if (s > bestScore) {
      bestScore = s;
      best = [info];
    } else if (s === bestScore) best.push(info);
  }
  const chosen = best.length === 1 ? best[0]! : best[random.int(best.length)]!;
  return { node: chosen.name };
}

function setUnschedulable(ctx: ControllerContext, pod: Pod, message: string, reason = 'Unschedulable'): void {
  const now = rfc3339(ctx.clock.now());
  const conditions = [...(pod.status?.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === 'PodScheduled');
  const old = i >= 0 ? conditions[i] : undefined;
  const next: PodCondition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : now,
    reason,
    message,
  };
  if (old && old.status === 'False' && old.reason === next.reason && old.message === next.message) return;
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  try {
    ctx.client.updateStatus(podsRef, { ...pod, status: { ...(pod.status ?? {}), phase: pod.status?.phase ?? 'Pending', conditions } });
  } catch (err) {
    if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict')) throw err;
  }
}

export function createScheduler(api: ApiServer): Controller {
  const seen = new Map<string, string>();
  const cache = new SchedulerCache(wantsScheduling);
  const attempt = (ctx: ControllerContext, pod: Pod) => {
    if (!wantsScheduling(pod)) return;
    // The API server sets this condition when a gated pod is created; we make sure it is there.
    if (isGated(pod)) return setUnschedulable(ctx, pod, schedulingGatedMessage, 'SchedulingGated');
    const result = schedulePod(
      pod,
      {
        nodes: cache.nodes(),
        nodesWithRequiredAntiAffinity: cache.nodesWithRequiredAntiAffinity(),
        namespaceLabels: (ns) => cache.namespaceLabels(ns),
        claim: (ns, name) => cache.claim(ns, name),
      },
      ctx.random,
    );
    if ('node' in result) {
      try {
        const bound = bindPod(api, pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', pod.metadata.uid ?? '', result.node);
        cache.assume(bound, result.node);
        ctx.recorder.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${podKey(pod)} to ${result.node}`);
      } catch (err) {
        if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict')) throw err;
      }
      return;
    }
    const message = unschedulableMessage(pod, result.totalNodes, result.rejections, result.preFilter);
    ctx.recorder.event(pod, 'Warning', 'FailedScheduling', message);
    setUnschedulable(ctx, pod, message);
    ctx.requeueAfter(podKey(pod), unschedulableRetryMs);
  };

  return {
    name: schedulerName,
    watches: [
      {
        resource: podsRef,
        keysFor(event) {
          cache.observePod(event);
          const pod = event.object as Pod;
          if (event.type === 'DELETED') return pod.spec?.nodeName ? [retryUnschedulableKey] : [];
          if (wantsScheduling(pod)) return [podKey(pod)];
          // A bound pod that finished frees its requests.
          return isTerminal(pod) ? [retryUnschedulableKey] : [];
        },
      },
      {
        resource: { group: '', resource: 'persistentvolumeclaims' },
        // Upstream's queueing hint: a claim created (or changed) in a waiting pod's namespace with a
        // name the pod uses may let it through.
        keysFor(event) {
          cache.observeClaim(event);
          if (event.type === 'DELETED') return [];
          const { namespace = 'default', name = '' } = event.object.metadata;
          const wanted = cache.waiting().some((p) => (p.metadata.namespace ?? 'default') === namespace && claimNames(p).includes(name));
          return wanted ? [retryUnschedulableKey] : [];
        },
      },
      // Namespace labels, for pod affinity terms with a namespaceSelector.
      { resource: { group: '', resource: 'namespaces' }, keysFor: (event) => (cache.observeNamespace(event), []) },
      {
        resource: nodesRef,
        // Heartbeats change nodes every few seconds; only what scheduling looks at wakes the queue.
        keysFor(event) {
          cache.observeNode(event);
          const node = event.object as Node;
          const name = node.metadata.name ?? '';
          const signature = JSON.stringify([node.metadata.labels, node.spec?.taints, node.spec?.unschedulable, node.status?.allocatable]);
          if (event.type === 'DELETED') {
            seen.delete(name);
            return [];
          }
          if (seen.get(name) === signature) return [];
          seen.set(name, signature);
          return [retryUnschedulableKey];
        },
      },
    ],
    reconcile(key, ctx) {
      if (key === retryUnschedulableKey) {
        const waiting = cache
          .waiting()
          .filter((p) => wantsScheduling(p) && !isGated(p) && p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False'))
          // Upstream's queue order: higher priority first, then the oldest.
          .sort((a, b) => (b.spec.priority ?? 0) - (a.spec.priority ?? 0) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
        for (const pod of waiting) attempt(ctx, pod);
        return;
      }
      const [namespace, name] = splitKey(key);
      let pod: Pod;
      try {
        pod = ctx.client.get<Pod>(podsRef, namespace, name);
      } catch (err) {
        if (hasReason(err, 'NotFound')) return;
        throw err;
      }
      attempt(ctx, pod);
    },
  };
}
