import { describe, expect, it } from 'vitest';
import { lifecycleCluster, podManifest } from './pod-lifecycle-test-kit.ts';
import type { Node, Pod } from './pod-types.ts';
import { filterNode, nodeInfo, unschedulableMessage } from './scheduler-filters.ts';

const pods = { resource: 'pods' };

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

  it('spreads a ReplicaSet over the workers and never uses the control plane', () => {
    const c = lifecycleCluster();
    for (let i = 0; i < 6; i++) c.client.create(pods, { ...podManifest(`p${i}`, { containers: [{ name: 'c', image: 'nginx' }] }) });
    c.runUntilIdle();
    const placed = [0, 1, 2, 3, 4, 5].map((i) => c.pod(`p${i}`).spec.nodeName);
    expect(placed.every((n) => n === 'wheelhouse-worker' || n === 'wheelhouse-worker2')).toBe(true);
    expect(new Set(placed).size).toBe(2);
  });
});
