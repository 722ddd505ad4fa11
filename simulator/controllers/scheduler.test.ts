import { describe, expect, it } from 'vitest';
import { lifecycleCluster, podManifest } from './pod-lifecycle-test-kit.ts';
import type { Node, Pod } from './pod-types.ts';
import { filterNode, unschedulableMessage } from './scheduler-filters.ts';
import { nodeInfo } from './scheduler-node-info.ts';

const pods = { resource: 'pods' };
const pvcs = { resource: 'persistentvolumeclaims' };

function node(name: string, extra: Partial<Node['spec']> = {}, labels: Record<string, string> = {}): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: extra, status: { allocatable: { cpu: '8', memory: '16Gi', pods: '110' } } };
}
function pod(spec: Partial<Pod['spec']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

describe('scheduler filters', () => {
  it('rejects in upstream plugin order with upstream reasons', () => {
    const cp = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    expect(filterNode(pod(), nodeInfo(cp, []))?.reasons).toEqual(['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
    expect(filterNode(pod(), nodeInfo(node('w', { unschedulable: true }), []))?.reasons).toEqual(['node(s) were unschedulable']);
    expect(filterNode(pod({ nodeSelector: { disk: 'ssd' } }), nodeInfo(node('w'), []))?.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    expect(filterNode(pod({ nodeSelector: { disk: 'ssd' } }), nodeInfo(node('w', {}, { disk: 'ssd' }), []))).toBeUndefined();
    const big = pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '9', memory: '32Gi' } } }] });
    expect(filterNode(big, nodeInfo(node('w'), []))?.reasons).toEqual(['Insufficient cpu', 'Insufficient memory']);
    const half = pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '5' } } }] });
    expect(filterNode(half, nodeInfo(node('w'), [half]))?.reasons).toEqual(['Insufficient cpu']);
    const tolerant = pod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(filterNode(tolerant, nodeInfo(cp, []))).toBeUndefined();
  });

  it('words the FailedScheduling message like upstream, reasons sorted', () => {
    const big = pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] });
    const cp = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    const rejections = [cp, node('w1'), node('w2')].map((n) => filterNode(big, nodeInfo(n, []))!);
    expect(unschedulableMessage(big, 3, rejections)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
});

describe('default-scheduler in a cluster', () => {
  it('reports Unschedulable, then schedules when a node is labelled', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('picky', { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] }));
    c.runUntilIdle();
    const cond = c.pod('picky').status?.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(cond?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    expect(c.events('picky')[0]).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', source: { component: 'default-scheduler' } });
    c.client.patch({ resource: 'nodes' }, undefined, 'wheelhouse-worker2', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    c.runUntilIdle();
    expect(c.pod('picky').spec.nodeName).toBe('wheelhouse-worker2');
    expect(c.events('picky').at(-1)).toMatchObject({ reason: 'Scheduled', message: 'Successfully assigned default/picky to wheelhouse-worker2' });
  });

  it('keeps a pod whose claim does not exist Unschedulable (VolumeBinding PreFilter), and schedules it once the claim is created', () => {
    const c = lifecycleCluster();
    const volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'task-pv-claim' } }];
    c.client.create(pods, podManifest('task-pv-pod', { volumes, containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }));
    c.runUntilIdle();
    const message =
      '0/3 nodes are available: persistentvolumeclaim "task-pv-claim" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    expect(c.pod('task-pv-pod').spec.nodeName).toBeUndefined();
    expect(c.pod('task-pv-pod').status?.conditions?.find((x) => x.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    expect(c.events('task-pv-pod')[0]).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', message, source: { component: 'default-scheduler' } });
    // A claim of another name, or in another namespace, changes nothing.
    const claim = (name: string, namespace = 'default') => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    c.client.create(pvcs, claim('other'));
    c.client.create(pvcs, claim('task-pv-claim', 'kube-system'));
    c.runUntilIdle();
    expect(c.pod('task-pv-pod').spec.nodeName).toBeUndefined();
    // The claim appears: the waiting pod is retried at once, not after the 5-minute retry.
    c.client.create(pvcs, claim('task-pv-claim'));
    c.runUntilIdle();
    expect(c.pod('task-pv-pod').spec.nodeName).toMatch(/^wheelhouse-worker2?$/);
    expect(c.events('task-pv-pod').at(-1)).toMatchObject({ reason: 'Scheduled' });
  });

  it('keeps a pod whose claim is being deleted Unschedulable', () => {
    const c = lifecycleCluster();
    c.client.create(pvcs, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'old', namespace: 'default', finalizers: ['example.com/hold'] },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    c.client.delete(pvcs, 'default', 'old');
    c.client.create(pods, podManifest('late', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'old' } }], containers: [{ name: 'c', image: 'nginx' }] }));
    c.runUntilIdle();
    expect(c.pod('late').status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      '0/3 nodes are available: persistentvolumeclaim "old" is being deleted. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('leaves a pod with scheduling gates alone (SchedulingGated) until the gates are removed', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('gated', { schedulingGates: [{ name: 'example.com/foo' }], containers: [{ name: 'c', image: 'nginx' }] } as Partial<Pod['spec']>));
    c.runUntilIdle();
    expect(c.pod('gated').spec.nodeName).toBeUndefined();
    expect(c.pod('gated').status?.conditions?.find((x) => x.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    });
    expect(c.events('gated').filter((e) => e.reason === 'FailedScheduling')).toEqual([]);
    c.client.patch(pods, 'default', 'gated', 'json', [{ op: 'remove', path: '/spec/schedulingGates' }]);
    c.runUntilIdle();
    expect(c.pod('gated').spec.nodeName).toMatch(/^wheelhouse-worker2?$/);
  });

  it('keeps pods with required anti-affinity on separate nodes; the one left over waits with the upstream reasons', () => {
    const c = lifecycleCluster();
    const apart = {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] },
    };
    for (let i = 0; i < 3; i++) {
      c.client.create(pods, { ...podManifest(`db${i}`, { affinity: apart, containers: [{ name: 'c', image: 'nginx' }] }), metadata: { name: `db${i}`, namespace: 'default', labels: { app: 'db' } } });
    }
    c.runUntilIdle();
    const placed = [0, 1].map((i) => c.pod(`db${i}`).spec.nodeName);
    expect(new Set(placed)).toEqual(new Set(['wheelhouse-worker', 'wheelhouse-worker2']));
    expect(c.pod('db2').spec.nodeName).toBeUndefined();
    expect(c.pod('db2').status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
    // Deleting one of the first two makes room: the waiting pod is retried and placed there.
    const freed = c.pod('db0').spec.nodeName;
    c.client.delete(pods, 'default', 'db0', { gracePeriodSeconds: 0 });
    c.runUntilIdle();
    expect(c.pod('db2').spec.nodeName).toBe(freed);
  });

  it('refuses a spread constraint whose topology key no node carries, and counts only matching pods on labelled nodes', () => {
    const c = lifecycleCluster();
    const spread = (key: string) => [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }];
    const web = (name: string, key: string) => ({ ...podManifest(name, { topologySpreadConstraints: spread(key), containers: [{ name: 'c', image: 'nginx' }] }), metadata: { name, namespace: 'default', labels: { app: 'web' } } });
    c.client.create(pods, web('zoned', 'topology.kubernetes.io/zone'));
    c.runUntilIdle();
    expect(c.pod('zoned').status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // Spread over hostnames, which kind's nodes carry. The tainted control plane still counts as a
    // domain (nodeTaintsPolicy defaults to Ignore) and will never hold a pod, so only one pod per
    // worker fits within maxSkew 1: the known surprise that nodeTaintsPolicy: Honor fixes.
    const nodesOf = (names: string[]) => names.map((n) => c.pod(n).spec.nodeName);
    for (let i = 0; i < 4; i++) c.client.create(pods, web(`w${i}`, 'kubernetes.io/hostname'));
    c.runUntilIdle();
    expect(nodesOf(['w0', 'w1', 'w2', 'w3']).filter(Boolean).sort()).toEqual(['wheelhouse-worker', 'wheelhouse-worker2']);
    expect(c.pod('w3').status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toContain("2 node(s) didn't match pod topology spread constraints.");
    const honor = (name: string) => {
      const constraint = { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', labelSelector: { matchLabels: { app: 'api' } } };
      return { ...podManifest(name, { topologySpreadConstraints: [constraint], containers: [{ name: 'c', image: 'nginx' }] }), metadata: { name, namespace: 'default', labels: { app: 'api' } } };
    };
    for (let i = 0; i < 4; i++) c.client.create(pods, honor(`a${i}`));
    c.runUntilIdle();
    const placed = nodesOf(['a0', 'a1', 'a2', 'a3']);
    expect(placed.filter((n) => n === 'wheelhouse-worker').length).toBe(2);
    expect(placed.filter((n) => n === 'wheelhouse-worker2').length).toBe(2);
  });

  it('spreads a ReplicaSet over the workers and never uses the control plane', () => {
    const c = lifecycleCluster();
    for (let i = 0; i < 6; i++) c.client.create(pods, { ...podManifest(`p${i}`, { containers: [{ name: 'c', image: 'nginx' }] }) });
    c.runUntilIdle();
    const placed = [0, 1, 2, 3, 4, 5].map((i) => c.pod(`p${i}`).spec.nodeName);
    expect(placed.every((n) => n === 'wheelhouse-worker' || n === 'wheelhouse-worker2')).toBe(true);
    expect(new Set(placed).size).toBe(2);
  });
});
