// taint-eviction-controller: deletes pods from nodes with NoExecute taints they do not tolerate —
// at once, or when their tolerationSeconds run out (300 s for the not-ready/unreachable
// tolerations every pod gets by default). The pod first gets a DisruptionTarget condition, then a
// normal delete with its grace period: on an unreachable node it stays Terminating, because no
// kubelet is there to finish it, while its ReplicaSet already replaces it elsewhere.
import { rfc3339 } from '../machinery/clock.ts';
import { hasReason } from '../machinery/errors.ts';
import type { Controller, ControllerContext } from './controller.ts';
import type { WatchEvent } from '../machinery/types.ts';
import { type Node, type Pod, nodesRef, podKey, podsRef } from './pod-types.ts';
import { tolerates } from './scheduler-filters.ts';

/** When the pod must go: now (-Infinity), at a time, or never (undefined). */
export function evictionTime(pod: Pod, node: Node): number | undefined {
  let at: number | undefined;
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoExecute') continue;
    const matching = (pod.spec.tolerations ?? []).filter((t) => tolerates(t, taint));
    if (matching.length === 0) return -Infinity;
    // The shortest tolerationSeconds among matching tolerations counts; none set = forever.
    const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined);
    if (seconds.length === 0) continue;
    const added = Date.parse(taint.timeAdded ?? '') || 0;
    const due = added + Math.max(0, Math.min(...seconds)) * 1000;
    at = at === undefined ? due : Math.min(at, due);
  }
  return at;
}

function evict(ctx: ControllerContext, pod: Pod): void {
  ctx.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podKey(pod)}`);
  try {
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
    conditions.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.clock.now()), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    ctx.client.updateStatus(podsRef, { ...pod, status: { ...pod.status, conditions } });
    ctx.client.delete(podsRef, pod.metadata.namespace, pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
  } catch (err) {
    if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict')) throw err;
  }
}

function hasNoExecuteTaint(node: Node | undefined): boolean {
  return !!node?.spec?.taints?.some((t) => t.effect === 'NoExecute');
}

export function createTaintEvictionController(): Controller {
  // Informer caches (read-only objects from the watches): most pod changes happen on nodes with no
  // NoExecute taint and need no work at all, as in the upstream controller.
  const nodes = new Map<string, Node>();
  const pods = new Map<string, Pod>();
  const podsOnNode = new Map<string, Set<string>>(); // node → pod keys

  const observePod = (event: WatchEvent): string[] => {
    const pod = event.object as Pod;
    const key = podKey(pod);
    const before = pods.get(key)?.spec.nodeName;
    if (before) podsOnNode.get(before)?.delete(key);
    if (event.type === 'DELETED') {
      pods.delete(key);
      return [];
    }
    pods.set(key, pod);
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return [];
    let keys = podsOnNode.get(nodeName);
    if (!keys) podsOnNode.set(nodeName, (keys = new Set()));
    keys.add(key);
    return hasNoExecuteTaint(nodes.get(nodeName)) ? [key] : [];
  };

  const observeNode = (event: WatchEvent): string[] => {
    const name = event.object.metadata.name ?? '';
    if (event.type === 'DELETED') {
      nodes.delete(name);
      return [];
    }
    nodes.set(name, event.object as Node);
    return hasNoExecuteTaint(event.object as Node) ? [`node:${name}`] : [];
  };

  const check = (ctx: ControllerContext, pod: Pod, node: Node) => {
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    const at = evictionTime(pod, node);
    if (at === undefined) return;
    const now = ctx.clock.now();
    if (at <= now) evict(ctx, pod);
    else ctx.requeueAfter(podKey(pod), at - now);
  };
  return {
    name: 'taint-eviction-controller',
    watches: [
      { resource: podsRef, keysFor: observePod },
      { resource: nodesRef, keysFor: observeNode },
    ],
    reconcile(key, ctx) {
      if (key.startsWith('node:')) {
        const nodeName = key.slice(5);
        const node = nodes.get(nodeName);
        if (!node) return;
        for (const podKeyOnNode of [...(podsOnNode.get(nodeName) ?? [])]) {
          const pod = pods.get(podKeyOnNode);
          if (pod) check(ctx, pod, node);
        }
        return;
      }
      const pod = pods.get(key);
      const node = pod?.spec.nodeName ? nodes.get(pod.spec.nodeName) : undefined;
      if (pod && node) check(ctx, pod, node);
    },
  };
}
