// taint-eviction-controller: deletes pods from nodes with NoExecute taints they do not tolerate —
// at once, or when their tolerationSeconds run out (300 s for the not-ready/unreachable
// tolerations every pod gets by default). The pod first gets a DisruptionTarget condition, then a
// normal delete with its grace period: on an unreachable node it stays Terminating, because no
// kubelet is there to finish it, while its ReplicaSet already replaces it elsewhere.
import { rfc3339 } from '../machinery/clock.ts';
import { hasReason } from '../machinery/errors.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { type Node, type Pod, nodesRef, podKey, podsRef, splitKey } from './pod-types.ts';
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

export function createTaintEvictionController(): Controller {
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
      { resource: podsRef, keysFor: (e) => ((e.object as Pod).spec?.nodeName && e.type !== 'DELETED' ? [podKey(e.object)] : []) },
      { resource: nodesRef, keysFor: (e) => (e.type === 'DELETED' || !(e.object as Node).spec?.taints?.some((t) => t.effect === 'NoExecute') ? [] : [`node:${e.object.metadata.name}`]) },
    ],
    reconcile(key, ctx) {
      if (key.startsWith('node:')) {
        const nodeName = key.slice(5);
        let node: Node;
        try {
          node = ctx.client.get<Node>(nodesRef, undefined, nodeName);
        } catch (err) {
          if (hasReason(err, 'NotFound')) return;
          throw err;
        }
        for (const pod of ctx.client.list<Pod>(podsRef).items) if (pod.spec.nodeName === nodeName) check(ctx, pod, node);
        return;
      }
      const [namespace, name] = splitKey(key);
      try {
        const pod = ctx.client.get<Pod>(podsRef, namespace, name);
        if (!pod.spec.nodeName) return;
        check(ctx, pod, ctx.client.get<Node>(nodesRef, undefined, pod.spec.nodeName));
      } catch (err) {
        if (!hasReason(err, 'NotFound')) throw err;
      }
    },
  };
}
