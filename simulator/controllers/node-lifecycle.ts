// node-lifecycle-controller (kube-controller-manager): watches each node's heartbeat (its Lease,
// renewed by the kubelet every 10 s). When nothing was heard for the grace period — 50 s since
// 1.32 — the node's conditions go Unknown ("Kubelet stopped posting node status."), its pods are
// marked not Ready, and it is tainted node.kubernetes.io/unreachable (NoSchedule and NoExecute).
// It also turns spec.unschedulable (kubectl cordon) into the node.kubernetes.io/unschedulable
// taint. When the kubelet posts Ready again the taints go away.
import { rfc3339 } from '../machinery/clock.ts';
import { hasReason } from '../machinery/errors.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { type Node, type NodeCondition, type Pod, type Taint, leasesRef, nodesRef, podsRef } from './pod-types.ts';

export const nodeMonitorGracePeriodMs = 50_000;
/** nodeMonitorPeriod: how often the controller looks at node health. */
export const nodeMonitorPeriodMs = 5_000;

const managedTaintKeys = new Set(['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unschedulable']);

export function desiredTaints(node: Node, now: string): Taint[] {
  const current = node.spec?.taints ?? [];
  const keep = current.filter((t) => !managedTaintKeys.has(t.key));
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const existing = (key: string, effect: Taint['effect']) => current.find((t) => t.key === key && t.effect === effect);
  const add = (key: string, effect: Taint['effect']) => {
    const old = existing(key, effect);
    keep.push(old ?? (effect === 'NoExecute' ? { key, effect, timeAdded: now } : { key, effect }));
  };
  if (node.spec?.unschedulable) add('node.kubernetes.io/unschedulable', 'NoSchedule');
  if (ready?.status === 'Unknown') {
    add('node.kubernetes.io/unreachable', 'NoSchedule');
    add('node.kubernetes.io/unreachable', 'NoExecute');
  } else if (ready?.status === 'False') {
    add('node.kubernetes.io/not-ready', 'NoSchedule');
    add('node.kubernetes.io/not-ready', 'NoExecute');
  }
  return keep;
}

function markPodsNotReady(ctx: ControllerContext, nodeName: string): void {
  const now = rfc3339(ctx.clock.now());
  for (const pod of ctx.client.list<Pod>(podsRef).items) {
    if (pod.spec.nodeName !== nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const conditions = pod.status?.conditions ?? [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const next = conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: now } : c));
    try {
      ctx.client.updateStatus(podsRef, { ...pod, status: { ...pod.status, conditions: next } });
      ctx.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    } catch (err) {
      if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict')) throw err;
    }
  }
}

export function createNodeLifecycleController(): Controller {
  return {
    name: 'node-controller',
    watches: [
      { resource: nodesRef, keysFor: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata.name ?? '']) },
      { resource: leasesRef, keysFor: (e) => (e.object.metadata.namespace === 'kube-node-lease' && e.type !== 'DELETED' ? [e.object.metadata.name ?? ''] : []) },
    ],
    reconcile(name, ctx) {
      let node: Node;
      try {
        node = ctx.client.get<Node>(nodesRef, undefined, name);
      } catch (err) {
        if (hasReason(err, 'NotFound')) return;
        throw err;
      }
      const now = ctx.clock.now();
      let lease: (KubeObject & { spec?: { renewTime?: string } }) | undefined;
      try {
        lease = ctx.client.get(leasesRef, 'kube-node-lease', name);
      } catch (err) {
        if (!hasReason(err, 'NotFound')) throw err;
      }
      const conditions = node.status?.conditions ?? [];
      const ready = conditions.find((c) => c.type === 'Ready');
      const heardAt = Math.max(Date.parse(lease?.spec?.renewTime ?? '') || 0, Date.parse(ready?.lastHeartbeatTime ?? '') || 0);
      const deadline = heardAt + nodeMonitorGracePeriodMs;

      if (ready && ready.status !== 'Unknown' && now > deadline) {
        const t = rfc3339(now);
        const next: NodeCondition[] = conditions.map((c) =>
          ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type)
            ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: t }
            : c,
        );
        node = ctx.client.updateStatus<Node>(nodesRef, { ...node, status: { ...node.status, conditions: next } });
        ctx.recorder.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
        markPodsNotReady(ctx, name);
      }

      const taints = desiredTaints(node, rfc3339(now));
      if (JSON.stringify(taints) !== JSON.stringify(node.spec?.taints ?? [])) {
        const spec = { ...(node.spec ?? {}) };
        if (taints.length) spec.taints = taints;
        else delete spec.taints;
        ctx.client.update(nodesRef, { ...node, spec });
      }

      // Check again at the first monitor tick after the heartbeat would be too old.
      const still = node.status?.conditions?.find((c) => c.type === 'Ready');
      if (still?.status !== 'Unknown' && heardAt > 0) {
        const tick = Math.ceil((deadline + 1) / nodeMonitorPeriodMs) * nodeMonitorPeriodMs;
        ctx.requeueAfter(name, Math.max(1, tick - now));
      }
    },
  };
}
