// How the endpoint controllers scale: 1,000 ready pods behind one Service (goal: well under a
// second). Two shapes: a Deployment scaled to 1,000 at once (the pods turn Ready in bursts, which
// coalesce into a few syncs) and pods arriving one by one, 7 ms of virtual time apart (every pod
// change is a sync; the Endpoints object, unlike its 100-endpoint slices, is rewritten whole).
// Runs the real API server and controller runtime with the stand-in kubelet of workload-test-kit.
import { describe, expect, test } from 'vitest';
import { DeploymentController } from './deployment.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceController } from './endpointslice.ts';
import { ReplicaSetController } from './replicaset.ts';
import { FakeKubelet, TestCluster, deploymentManifest } from './workload-test-kit.ts';
import type { EndpointSlice, Endpoints, Pod, Service } from './workload-types.ts';
import { DEPLOYMENTS, ENDPOINTS, ENDPOINTSLICES, PODS, SERVICES } from './workload-types.ts';

const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] },
};

function cluster(): TestCluster {
  const c = new TestCluster([new DeploymentController(), new ReplicaSetController(), new EndpointsController(), new EndpointSliceController(), new FakeKubelet({ readyAfterMs: 2_000 })]);
  c.api.create(SERVICES, service);
  return c;
}

function check(c: TestCluster): void {
  const ep = c.api.get<Endpoints>(ENDPOINTS, 'default', 'web');
  const ready = (ep.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const slices = c.api.list<EndpointSlice>(ENDPOINTSLICES, { namespace: 'default' }).items;
  const sliced = slices.reduce((n, s) => n + (s.endpoints ?? []).filter((e) => e.conditions.ready).length, 0);
  if (ready !== 1000 || sliced !== 1000 || slices.length !== 10) throw new Error(`endpoints: ${ready} ready, slices: ${slices.length} with ${sliced} ready`);
}

function timed(label: string, run: () => void): number {
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  console.log(`${label}: ${ms.toFixed(0)} ms`);
  return ms;
}

describe('endpoints', () => {
  test('1,000 ready pods behind one Service', { timeout: 300_000 }, async ({ bench }) => {
    let c = cluster();
    const result = await bench(
      'Deployment of 1,000 behind a Service, until Endpoints and slices list all Ready',
      {
        beforeEach() {
          c = cluster();
        },
      },
      () => {
        c.api.create(DEPLOYMENTS, deploymentManifest('web', 1000, 'app:1'));
        c.advance(10_000);
        check(c);
      },
    ).run({ iterations: 3, time: 0, warmup: false });
    console.log(`1,000 pods behind one Service (burst): mean ${result.latency.mean.toFixed(0)} ms, of which the Deployment, ReplicaSet and kubelet take most`);
    expect(result.latency.mean).toBeLessThan(10_000);
  });

  test('1,000 pods arriving one by one behind one Service', { timeout: 300_000 }, () => {
    const c = cluster();
    const ms = timed('1,000 pods one by one (2,000 endpoint syncs)', () => {
      for (let i = 0; i < 1000; i++) {
        c.api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'app:1' }] } } as Pod);
        c.advance(7);
      }
      c.advance(10_000);
    });
    check(c);
    expect(ms).toBeLessThan(60_000);
  });
});
