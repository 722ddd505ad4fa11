import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeploymentController } from './deployment.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceController, maxEndpointsPerSlice } from './endpointslice.ts';
import { isPodReady } from './pod-state.ts';
import { ReplicaSetController } from './replicaset.ts';
import { FakeKubelet, TestCluster, addControlPlaneNode, deploymentManifest, type FakeKubeletOptions } from './workload-test-kit.ts';
import type { EndpointSlice, Endpoints, Pod, Service } from './workload-types.ts';
import { DEPLOYMENTS, ENDPOINTS, ENDPOINTSLICES, PODS, SERVICES } from './workload-types.ts';

function setup(kubelet: FakeKubeletOptions = {}) {
  return new TestCluster([
    new DeploymentController(),
    new ReplicaSetController(),
    new EndpointsController(),
    new EndpointSliceController(),
    new FakeKubelet(kubelet),
  ]);
}

function service(name: string, spec: Partial<Service['spec']> = {}, labels?: Record<string, string>): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
  };
}

function pod(name: string, labels: Record<string, string>, image = 'app:1', ports?: Array<{ name: string; containerPort: number }>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'app', image, ports }] } };
}

const endpoints = (c: TestCluster, name: string) => c.api.get<Endpoints>(ENDPOINTS, 'default', name);
const slices = (c: TestCluster, svc: string) =>
  c.api.list<EndpointSlice>(ENDPOINTSLICES, { namespace: 'default' }).items.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);

describe('Endpoints controller', () => {
  it('lists ready pods under addresses and the rest under notReadyAddresses, with resolved ports', () => {
    const c = setup({ brokenImages: ['broken'] });
    c.api.create(SERVICES, service('web', {}, { team: 'a' }));
    c.api.create(PODS, pod('good', { app: 'web' }));
    c.api.create(PODS, pod('bad', { app: 'web' }, 'broken'));
    c.api.create(PODS, pod('other', { app: 'db' }));
    c.runUntilIdle();
    const ep = endpoints(c, 'web');
    const good = c.api.get<Pod>(PODS, 'default', 'good');
    const bad = c.api.get<Pod>(PODS, 'default', 'bad');
    expect(ep.metadata.labels).toEqual({ team: 'a' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: good.status!.podIP, nodeName: good.spec.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: 'good', uid: good.metadata.uid } }],
        notReadyAddresses: [{ ip: bad.status!.podIP, nodeName: bad.spec.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: 'bad', uid: bad.metadata.uid } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('publishNotReadyAddresses puts every pod under addresses; a selector-less service is left alone', () => {
    const c = setup({ brokenImages: ['broken'] });
    c.api.create(SERVICES, service('web', { publishNotReadyAddresses: true }));
    c.api.create(SERVICES, service('manual', { selector: undefined }));
    c.api.create(PODS, pod('bad', { app: 'web' }, 'broken'));
    c.runUntilIdle();
    expect(endpoints(c, 'web').subsets?.[0]?.addresses).toHaveLength(1);
    expect(() => endpoints(c, 'manual')).toThrow(/not found/);
  });

  it('resolves named targetPorts per pod and groups pods by the ports they serve', () => {
    const c = setup();
    c.api.create(SERVICES, service('web', { ports: [{ name: 'http', port: 80, targetPort: 'web' }] }));
    c.api.create(PODS, pod('a', { app: 'web' }, 'app:1', [{ name: 'web', containerPort: 8080 }]));
    c.api.create(PODS, pod('b', { app: 'web' }, 'app:1', [{ name: 'web', containerPort: 9090 }]));
    c.api.create(PODS, pod('c', { app: 'web' }, 'app:1', [{ name: 'other', containerPort: 1 }]));
    c.runUntilIdle();
    const subsets = endpoints(c, 'web').subsets!;
    expect(subsets.map((s) => [s.ports?.[0]?.port, s.addresses?.map((a) => a.targetRef?.name)])).toEqual([
      [8080, ['a']],
      [9090, ['b']],
    ]);
    const byPort = slices(c, 'web').map((s) => [s.ports?.[0]?.port, s.endpoints?.map((e) => e.targetRef?.name)]);
    expect(byPort).toEqual(expect.arrayContaining([[8080, ['a']], [9090, ['b']], [undefined, ['c']]]));
  });

  it('publishes the API server for the kubernetes Service', () => {
    const c = setup();
    c.api.create(SERVICES, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] },
    });
    addControlPlaneNode(c.api, '172.18.0.2');
    c.runUntilIdle();
    expect(endpoints(c, 'kubernetes').subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const slice = c.api.get<EndpointSlice>(ENDPOINTSLICES, 'default', 'kubernetes');
    expect(slice.endpoints).toEqual([{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
    expect(slice.ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
  });

  it('removes the Endpoints when the Service goes', () => {
    const c = setup();
    c.api.create(SERVICES, service('web'));
    c.runUntilIdle();
    expect(endpoints(c, 'web').subsets).toBeUndefined();
    c.api.delete(SERVICES, 'default', 'web');
    c.runUntilIdle();
    expect(() => endpoints(c, 'web')).toThrow(/not found/);
  });

  it('endpoint addresses equal the ready pods matching the selector (model-based)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('add' as const), app: fc.constantFrom('web', 'db'), broken: fc.boolean() }),
            fc.record({ op: fc.constant('remove' as const), i: fc.nat() }),
            fc.record({ op: fc.constant('relabel' as const), i: fc.nat(), app: fc.constantFrom('web', 'db') }),
          ),
          { maxLength: 12 },
        ),
        (ops) => {
          const c = setup({ brokenImages: ['broken'], terminateAfterMs: 2000 });
          c.api.create(SERVICES, service('web'));
          let n = 0;
          for (const o of ops) {
            const live = c.pods().filter((p) => !p.metadata.deletionTimestamp);
            if (o.op === 'add') c.api.create(PODS, pod(`p${n++}`, { app: o.app }, o.broken ? 'broken' : 'app:1'));
            else if (o.op === 'remove' && live.length) c.api.delete(PODS, 'default', live[o.i % live.length]!.metadata.name!);
            else if (o.op === 'relabel' && live.length) c.api.patch(PODS, 'default', live[o.i % live.length]!.metadata.name!, 'merge', { metadata: { labels: { app: o.app } } });
            c.runUntilIdle();
            const pods = c.pods().filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
            const ready = pods.filter(isPodReady).map((p) => p.metadata.name).sort();
            const notReady = pods.filter((p) => !isPodReady(p)).map((p) => p.metadata.name).sort();
            const subsets = endpoints(c, 'web').subsets ?? [];
            expect(subsets.flatMap((s) => s.addresses ?? []).map((a) => a.targetRef?.name).sort()).toEqual(ready);
            expect(subsets.flatMap((s) => s.notReadyAddresses ?? []).map((a) => a.targetRef?.name).sort()).toEqual(notReady);
            // Slices also keep terminating pods, marked terminating and not ready.
            const sliceEndpoints = slices(c, 'web').flatMap((s) => s.endpoints ?? []);
            expect(sliceEndpoints.filter((e) => e.conditions.ready).map((e) => e.targetRef?.name).sort()).toEqual(ready);
            const terminating = c.pods().filter((p) => p.metadata.labels?.app === 'web' && p.metadata.deletionTimestamp);
            expect(sliceEndpoints.filter((e) => e.conditions.terminating).map((e) => e.targetRef?.name).sort()).toEqual(terminating.map((p) => p.metadata.name).sort());
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('EndpointSlice controller', () => {
  it('writes a slice per service with upstream labels, ownerRef and conditions', () => {
    const c = setup();
    const svc = c.api.create(SERVICES, service('web', {}, { team: 'a' }));
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 2, 'app:1'));
    c.runUntilIdle();
    const [slice, ...more] = slices(c, 'web');
    expect(more).toHaveLength(0);
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice!.metadata.generateName).toBe('web-');
    expect(slice!.metadata.labels).toEqual({
      team: 'a',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice!.endpoints).toHaveLength(2);
    for (const e of slice!.endpoints!) {
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
      expect(e.targetRef?.kind).toBe('Pod');
      expect(e.nodeName).toMatch(/^node-/);
    }
  });

  it('keeps a terminating pod as serving/terminating, not ready, until it is gone', () => {
    const c = setup({ terminateAfterMs: 10_000 });
    c.api.create(SERVICES, service('web'));
    c.api.create(PODS, pod('a', { app: 'web' }));
    c.runUntilIdle();
    c.api.delete(PODS, 'default', 'a');
    c.runUntilIdle();
    expect(slices(c, 'web')[0]!.endpoints).toEqual([expect.objectContaining({ conditions: { ready: false, serving: true, terminating: true } })]);
    expect(endpoints(c, 'web').subsets).toBeUndefined();
    c.advance(11_000);
    expect(slices(c, 'web')).toHaveLength(1); // the empty placeholder
    expect(slices(c, 'web')[0]!.endpoints).toEqual([]);
  });

  it('splits more than 100 endpoints over several slices and packs them back on scale-down', () => {
    const c = setup();
    c.api.create(SERVICES, service('web'));
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 250, 'app:1'));
    c.runUntilIdle();
    let s = slices(c, 'web');
    expect(s.map((x) => x.endpoints?.length).sort()).toEqual([100, 100, 50]);
    const d = c.api.get<never>(DEPLOYMENTS, 'default', 'web') as unknown as { spec: { replicas: number } } & Record<string, unknown>;
    c.api.update(DEPLOYMENTS, { ...d, spec: { ...d.spec, replicas: 20 } } as never);
    c.runUntilIdle();
    s = slices(c, 'web');
    expect(s.reduce((n, x) => n + (x.endpoints?.length ?? 0), 0)).toBe(20);
    expect(s.every((x) => (x.endpoints?.length ?? 0) <= maxEndpointsPerSlice)).toBe(true);
    expect(s.some((x) => (x.endpoints?.length ?? 0) === 0)).toBe(false);
  });
});
