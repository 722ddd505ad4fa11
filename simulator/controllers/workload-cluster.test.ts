// The workload controllers inside a whole simulated cluster (createCluster): the kind-like seed,
// the garbage collector and the scheduler from the other controllers, with the stand-in kubelet
// until the real one is registered.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import { createGarbageCollector } from './garbage-collector.ts';
import { createScheduler } from './scheduler.ts';
import { isPodActive } from './pod-state.ts';
import { workloadControllerFactories } from './workload-index.ts';
import { FakeKubelet, deploymentManifest } from './workload-test-kit.ts';
import type { Deployment, EndpointSlice, Endpoints, Pod, ReplicaSet } from './workload-types.ts';
import { DEPLOYMENTS, ENDPOINTS, ENDPOINTSLICES, PODS, REPLICASETS, SERVICES } from './workload-types.ts';

function cluster() {
  return createCluster({
    controllers: [({ api }) => createGarbageCollector(api.store), ({ api }) => createScheduler(api), ...workloadControllerFactories(), () => new FakeKubelet({ readyAfterMs: 1_000, terminateAfterMs: 2_000, bind: false })],
  });
}

describe('workload controllers in a seeded cluster', () => {
  it('leaves the seeded kubernetes endpoints as they are and settles without churn', () => {
    const c = cluster();
    const before = c.api.get<Endpoints>(ENDPOINTS, 'default', 'kubernetes').metadata.resourceVersion;
    const report = c.advance(5_000);
    expect(report.idle).toBe(true);
    expect(c.api.get<Endpoints>(ENDPOINTS, 'default', 'kubernetes').metadata.resourceVersion).toBe(before);
    expect(c.runtime.failures).toEqual([]);
  });

  it('runs a Deployment behind a Service, and deleting it cascades through ReplicaSets to pods', () => {
    const c = cluster();
    c.client.create(SERVICES, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
    c.client.create(DEPLOYMENTS, deploymentManifest('web', 3, 'nginx:1.27'));
    c.advance(10_000);
    const d = c.client.get<Deployment>(DEPLOYMENTS, 'default', 'web');
    expect(d.status).toMatchObject({ replicas: 3, availableReplicas: 3, updatedReplicas: 3 });
    const pods = c.client.list<Pod>(PODS, { namespace: 'default' }).items.filter(isPodActive);
    expect(pods).toHaveLength(3);
    // The real scheduler placed them on worker nodes.
    expect(pods.every((p) => p.spec.nodeName?.startsWith('wheelhouse-worker'))).toBe(true);
    const slice = c.client.list<EndpointSlice>(ENDPOINTSLICES, { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' }).items[0]!;
    expect(slice.endpoints?.filter((e) => e.conditions.ready)).toHaveLength(3);
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);

    c.client.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Background' });
    c.advance(10_000);
    expect(c.client.list<ReplicaSet>(REPLICASETS, { namespace: 'default' }).items).toHaveLength(0);
    expect(c.client.list<Pod>(PODS, { namespace: 'default' }).items).toHaveLength(0);
    expect(c.client.get<Endpoints>(ENDPOINTS, 'default', 'web').subsets).toBeUndefined();
    expect(c.runtime.failures).toEqual([]);
  });
});
