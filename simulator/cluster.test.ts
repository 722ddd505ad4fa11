import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from './cluster.ts';
import type { KubeObject } from './machinery/types.ts';

const names = (items: KubeObject[]) => items.map((o) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name));

describe('a fresh cluster looks like kind', () => {
  const cluster = createCluster({ seed: 1 });
  const { client } = cluster;

  it('has the four kind namespaces (and local-path-storage), labelled by name', () => {
    const ns = client.list({ resource: 'namespaces' }).items;
    expect(names(ns)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
    for (const n of ns) expect(n.metadata.labels?.['kubernetes.io/metadata.name']).toBe(n.metadata.name);
  });

  it('has three Ready nodes; the control plane is tainted', () => {
    const nodes = client.list({ resource: 'nodes' }).items;
    expect(names(nodes)).toEqual(['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2']);
    const cp = nodes[0]!;
    expect(cp.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'wheelhouse-control-plane' });
    expect((cp.spec as { taints: unknown[] }).taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    for (const n of nodes) {
      const status = n.status as { conditions: Array<{ type: string; status: string }>; nodeInfo: { kubeletVersion: string; containerRuntimeVersion: string }; allocatable: { pods: string }; addresses: Array<{ address: string }> };
      expect(status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(status.nodeInfo.kubeletVersion).toMatch(/^v1\.32\./);
      expect(status.nodeInfo.containerRuntimeVersion).toMatch(/^containerd:\/\//);
      expect(status.allocatable.pods).toBe('110');
      expect(status.addresses[0]!.address).toMatch(/^172\.18\.0\.\d+$/);
    }
  });

  it('serves the kubernetes Service and runs the system pods', () => {
    const svc = client.get<KubeObject>({ resource: 'services' }, 'default', 'kubernetes');
    expect(svc.spec).toMatchObject({ clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] });
    const pods = client.list({ resource: 'pods' }, { namespace: 'kube-system' }).items;
    const podNames = pods.map((p) => p.metadata.name!);
    for (const expected of ['etcd-wheelhouse-control-plane', 'kube-apiserver-wheelhouse-control-plane', 'kube-controller-manager-wheelhouse-control-plane', 'kube-scheduler-wheelhouse-control-plane']) {
      expect(podNames).toContain(expected);
    }
    expect(podNames.filter((n) => /^coredns-[a-z0-9]+-[a-z0-9]{5}$/.test(n))).toHaveLength(2);
    expect(podNames.filter((n) => /^kindnet-[a-z0-9]{5}$/.test(n))).toHaveLength(3);
    expect(pods.filter((p) => p.metadata.name!.startsWith('kube-proxy-'))).toHaveLength(3);
    for (const p of pods) expect((p.status as { phase: string }).phase).toBe('Running');
    expect(client.get<KubeObject>({ group: 'apps', resource: 'deployments' }, 'kube-system', 'coredns').status).toMatchObject({ readyReplicas: 2 });
  });

  it('gives every namespace a default ServiceAccount and the kube-root-ca.crt ConfigMap', () => {
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      expect(client.get({ resource: 'serviceaccounts' }, ns, 'default').metadata.name).toBe('default');
      expect(client.get({ resource: 'configmaps' }, ns, 'kube-root-ca.crt').metadata.name).toBe('kube-root-ca.crt');
    }
  });

  it('settles: controllers have nothing left to do and nothing failed', () => {
    expect(cluster.runUntilIdle().idle).toBe(true);
    expect(cluster.runtime.failures).toEqual([]);
  });
});

describe('determinism and snapshots', () => {
  function script(seed: number) {
    const c = createCluster({ seed });
    c.client.create({ resource: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-', namespace: 'default' }, data: { a: '1' } });
    c.client.create({ group: 'apps', resource: 'deployments' }, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    });
    c.advance(30_000);
    c.client.delete({ group: 'apps', resource: 'deployments' }, 'default', 'web');
    c.advance(60_000);
    return c;
  }

  it('the same seed and operations give identical snapshots; another seed differs', () => {
    const a = JSON.stringify(script(42).snapshot());
    const b = JSON.stringify(script(42).snapshot());
    expect(a).toBe(b);
    expect(JSON.stringify(script(43).snapshot())).not.toBe(a);
  });

  it('restore brings back objects, time and randomness; watches from before get 410', () => {
    const a = script(7);
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const b = createCluster({ seed: 999 });
    const errors: unknown[] = [];
    b.client.watch({ resource: 'pods' }, {}, (e) => e.type === 'ERROR' && errors.push(e.object));
    b.restore(snap);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
    const next = (c: typeof a) => c.client.create<KubeObject>({ resource: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'x-', namespace: 'default' } });
    const fromA = next(a);
    const fromB = next(b);
    expect(fromB.metadata.name).toBe(fromA.metadata.name);
    expect(fromB.metadata.uid).toBe(fromA.metadata.uid);
    expect(fromB.metadata.resourceVersion).toBe(fromA.metadata.resourceVersion);
  });

  it('a restored cluster carries on as if never saved: crash back-off, probe counts and event counts survive', () => {
    // A crash-looping pod and one whose readiness probe has failed twice of three: what happens
    // next depends on memory only the kubelet holds (the back-off delay, the failure count).
    const pods = { resource: 'pods' };
    const start = () => {
      const c = createCluster({ seed: 5 });
      c.client.create(pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] } });
      c.client.create(pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'probed', namespace: 'default' },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/missing', port: 80 }, periodSeconds: 10, failureThreshold: 3 } }] },
      });
      return c;
    };
    const watchKubelet = (c: Cluster) => {
      const crash = c.client.get<KubeObject & { status: { containerStatuses: Array<Record<string, unknown>> } }>(pods, 'default', 'crash').status.containerStatuses[0]!;
      const events = c.client.list<KubeObject & { reason: string; count: number }>({ resource: 'events' }, { namespace: 'default', fieldSelector: 'involvedObject.name=probed' }).items;
      return { crash: { restartCount: crash.restartCount, state: crash.state, lastState: crash.lastState }, probedEvents: events.map((e) => `${e.reason} x${e.count}`) };
    };
    const continuous = start();
    continuous.advance(95_000);
    const saved = JSON.parse(JSON.stringify(continuous.snapshot()));
    const restored = createCluster({ seed: 1 });
    restored.restore(saved);
    for (const c of [continuous, restored]) c.advance(200_000);
    const expected = watchKubelet(continuous);
    expect((expected.crash.restartCount as number) > 3).toBe(true);
    expect(expected.probedEvents.some((e) => e.startsWith('Unhealthy x'))).toBe(true);
    expect(watchKubelet(restored)).toEqual(expected);
  });

  it('notifies subscribers of every change', () => {
    const c = createCluster();
    const seen: string[] = [];
    const stop = c.subscribe((ch) => seen.push(`${ch.type} ${ch.resource.plural} ${ch.object.metadata.name}`));
    c.client.create({ resource: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } });
    stop();
    c.client.delete({ resource: 'configmaps' }, 'default', 'x');
    expect(seen).toEqual(['ADDED configmaps x']);
  });

  it('exposes fault switches for the node and kubelet controllers', () => {
    const c = createCluster();
    c.stopNode('wheelhouse-worker');
    c.killContainer('default', 'p', 'app');
    c.makeImageUnpullable('nginx:broken');
    expect(c.faults.isNodeStopped('wheelhouse-worker')).toBe(true);
    expect(c.faults.takeContainerKills('default', 'p')).toEqual(['app']);
    expect(c.faults.takeContainerKills('default', 'p')).toEqual([]);
    expect(c.faults.isImageUnpullable('nginx:broken')).toBe(true);
    c.startNode('wheelhouse-worker');
    expect(c.faults.isNodeStopped('wheelhouse-worker')).toBe(false);
  });
});
