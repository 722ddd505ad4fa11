import { describe, expect, it } from 'vitest';
import { lifecycleCluster } from './pod-lifecycle-test-kit.ts';
import type { Node, Pod } from './pod-types.ts';

describe('node lifecycle: a stopped node', () => {
  it('goes Unknown after the 50 s grace, is tainted, and its pods are evicted after 300 s', () => {
    const c = lifecycleCluster();
    c.client.create({ group: 'apps', resource: 'deployments' }, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    });
    c.advance(20_000);
    const webPods = () => c.client.list<Pod>({ resource: 'pods' }, { namespace: 'default', labelSelector: 'app=web' }).items;
    expect(webPods().every((p) => p.status?.phase === 'Running')).toBe(true);
    const victim = webPods()[0]!;
    const nodeName = victim.spec.nodeName!;
    const node = () => c.client.get<Node>({ resource: 'nodes' }, undefined, nodeName);
    const ready = () => node().status?.conditions?.find((x) => x.type === 'Ready');

    c.stopNode(nodeName);
    c.advance(40_000);
    expect(ready()?.status).toBe('True');
    c.advance(25_000);
    expect(ready()).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node().spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const onNode = webPods().filter((p) => p.spec.nodeName === nodeName);
    expect(onNode.every((p) => p.status?.conditions?.find((x) => x.type === 'Ready')?.status === 'False')).toBe(true);

    c.advance(270_000); // unreachable since ~55 s after the stop; 300 s toleration
    expect(webPods().filter((p) => p.spec.nodeName === nodeName).every((p) => !p.metadata.deletionTimestamp)).toBe(true);
    c.advance(30_000);
    const evicted = webPods().filter((p) => p.spec.nodeName === nodeName);
    expect(evicted.every((p) => p.metadata.deletionTimestamp)).toBe(true); // Terminating: no kubelet to finish
    expect(c.events(evicted[0]!.metadata.name!).map((e) => e.reason)).toContain('TaintManagerEviction');
    c.advance(10_000);
    const replacements = webPods().filter((p) => !p.metadata.deletionTimestamp);
    expect(replacements.length).toBe(2);
    expect(replacements.every((p) => p.spec.nodeName !== nodeName && p.status?.phase === 'Running')).toBe(true);

    c.startNode(nodeName);
    c.advance(15_000);
    expect(ready()?.status).toBe('True');
    expect(node().spec?.taints ?? []).toEqual([]);
    expect(webPods().filter((p) => p.spec.nodeName === nodeName)).toEqual([]); // the kubelet finished the evicted pods
  });

  it('cordon taints the node unschedulable', () => {
    const c = lifecycleCluster();
    c.client.patch({ resource: 'nodes' }, undefined, 'wheelhouse-worker', 'merge', { spec: { unschedulable: true } });
    c.runUntilIdle();
    const n = c.client.get<Node>({ resource: 'nodes' }, undefined, 'wheelhouse-worker');
    expect(n.spec?.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
  });
});
