import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KindStrategy } from '../kinds/strategy.ts';
import { CONFIGMAPS, DEPLOYMENTS, NAMESPACES, PODS, apiError, configMap, deployment, newServer, pod, t0 } from './test-kit.ts';
import type { KubeObject } from './types.ts';

describe('create and read', () => {
  it('stamps uid, resourceVersion, creationTimestamp, and generation for kinds that track it', () => {
    const api = newServer();
    const d = api.create<KubeObject>(DEPLOYMENTS, deployment('web'));
    expect(d.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.metadata.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(d.metadata.generation).toBe(1);
    expect(Number(d.metadata.resourceVersion)).toBeGreaterThan(0);
    const cm = api.create<KubeObject>(CONFIGMAPS, configMap('c'));
    expect(cm.metadata.generation).toBeUndefined();
    expect(Number(cm.metadata.resourceVersion)).toBe(Number(d.metadata.resourceVersion) + 1);
  });

  it('generates names from generateName with the upstream alphabet', () => {
    const api = newServer();
    const p = api.create<KubeObject>(PODS, { ...pod(''), metadata: { generateName: 'web-', namespace: 'default' } });
    expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const long = api.create<KubeObject>(CONFIGMAPS, { ...configMap(''), metadata: { generateName: 'x'.repeat(70), namespace: 'default' } });
    expect(long.metadata.name).toHaveLength(63);
  });

  it('never hands out stored state: changing a returned object changes nothing', () => {
    const api = newServer();
    const created = api.create<KubeObject>(CONFIGMAPS, configMap('c', { a: '1' }));
    (created.data as Record<string, string>).a = 'changed';
    const got = api.get<KubeObject>(CONFIGMAPS, 'default', 'c');
    expect(got.data).toEqual({ a: '1' });
    (got.data as Record<string, string>).a = 'again';
    expect(api.get<KubeObject>(CONFIGMAPS, 'default', 'c').data).toEqual({ a: '1' });
  });

  it('refuses duplicates, missing namespaces, missing names and unknown resources', () => {
    const api = newServer();
    api.create<KubeObject>(PODS, pod('a'));
    expect(apiError(() => api.create<KubeObject>(PODS, pod('a'))).message).toBe('pods "a" already exists');
    expect(apiError(() => api.create<KubeObject>(PODS, pod('a', { namespace: 'nope' }))).status).toMatchObject({ code: 404, message: 'namespaces "nope" not found' });
    expect(apiError(() => api.create<KubeObject>(PODS, { ...pod(''), metadata: { namespace: 'default' } })).message).toBe(
      'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    );
    expect(apiError(() => api.get({ resource: 'foos' }, 'default', 'x')).status).toMatchObject({ code: 404, message: 'the server could not find the requested resource' });
    expect(apiError(() => api.get(DEPLOYMENTS, 'default', 'x')).message).toBe('deployments.apps "x" not found');
  });

  it('answers bad bodies with 400s', () => {
    const api = newServer();
    expect(apiError(() => api.create<KubeObject>(PODS, 'nope' as never)).status.code).toBe(400);
    expect(apiError(() => api.create<KubeObject>(PODS, { ...pod('a'), apiVersion: 'apps/v1' })).message).toBe('the API version in the data (apps/v1) does not match the expected API version (v1)');
    expect(apiError(() => api.create<KubeObject>(PODS, { ...pod('a'), kind: 'Service' })).status.code).toBe(400);
    expect(apiError(() => api.create<KubeObject>(PODS, { ...pod('a'), metadata: 'x' as never })).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta',
    );
    expect(apiError(() => api.create<KubeObject>(PODS, { ...pod('a'), metadata: { name: 'a', namespace: 'default', resourceVersion: '5' } })).message).toBe(
      'resourceVersion should not be set on objects to be created',
    );
  });

  it('lists in namespace/name order with selectors and pages', () => {
    const api = newServer({ namespaces: ['default', 'b'] });
    api.create<KubeObject>(PODS, pod('z', { labels: { app: 'web' } }));
    api.create<KubeObject>(PODS, pod('a', { labels: { app: 'db' } }));
    api.create<KubeObject>(PODS, pod('m', { namespace: 'b', labels: { app: 'web' } }));
    expect(api.list(PODS).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['b/m', 'default/a', 'default/z']);
    expect(api.list(PODS, { namespace: 'default', labelSelector: 'app=web' }).items.map((p) => p.metadata.name)).toEqual(['z']);
    expect(api.list(PODS, { fieldSelector: 'metadata.name=a' }).items).toHaveLength(1);
    const page1 = api.list(PODS, { limit: 2 });
    expect(page1.items).toHaveLength(2);
    const page2 = api.list(PODS, { limit: 2, continue: page1.metadata.continue });
    expect(page2.items.map((p) => p.metadata.name)).toEqual(['z']);
    expect(page2.metadata.continue).toBeUndefined();
    expect(page1.kind).toBe('PodList');
    expect(page1.metadata.resourceVersion).toBe(String(api.store.revision));
  });
});

describe('update', () => {
  it('rejects a stale resourceVersion with Conflict and accepts an unconditional update', () => {
    const api = newServer();
    const cm = api.create<KubeObject>(CONFIGMAPS, configMap('c', { a: '1' }));
    const first = api.update<KubeObject>(CONFIGMAPS, { ...cm, data: { a: '2' } });
    expect(first.metadata.resourceVersion).not.toBe(cm.metadata.resourceVersion);
    expect(apiError(() => api.update<KubeObject>(CONFIGMAPS, { ...cm, data: { a: '3' } })).message).toBe(
      'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    );
    const { resourceVersion: _, ...meta } = cm.metadata;
    expect(api.update<KubeObject>(CONFIGMAPS, { ...cm, metadata: meta, data: { a: '4' } }).data).toEqual({ a: '4' });
  });

  it('bumps generation on spec changes only, and does not write no-op updates', () => {
    const api = newServer();
    const d = api.create<KubeObject>(DEPLOYMENTS, deployment('web'));
    const labelled = api.update<KubeObject>(DEPLOYMENTS, { ...d, metadata: { ...d.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = api.update<KubeObject>(DEPLOYMENTS, { ...labelled, spec: { ...(labelled.spec as object), replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
    const same = api.update<KubeObject>(DEPLOYMENTS, scaled);
    expect(same.metadata.resourceVersion).toBe(scaled.metadata.resourceVersion);
  });

  it('keeps status out of main updates and spec out of status updates', () => {
    const api = newServer();
    const d = api.create<KubeObject>(DEPLOYMENTS, { ...deployment('web'), status: { replicas: 9 } });
    expect(d.status).toBeUndefined();
    const withStatus = api.updateStatus<KubeObject>(DEPLOYMENTS, { ...d, status: { replicas: 1 }, spec: { ...(d.spec as object), replicas: 5 } });
    expect(withStatus.status).toEqual({ replicas: 1 });
    expect((withStatus.spec as { replicas: number }).replicas).toBe(1);
    expect(withStatus.metadata.generation).toBe(1);
    const main = api.update<KubeObject>(DEPLOYMENTS, { ...withStatus, status: { replicas: 7 } });
    expect(main.status).toEqual({ replicas: 1 });
    expect(apiError(() => api.updateStatus<KubeObject>(CONFIGMAPS, configMap('c'))).status.code).toBe(404);
  });

  it('runs the kind strategy and turns its field errors into Invalid', () => {
    const strategy: KindStrategy = {
      applyDefaults: (o) => {
        (o.spec as Record<string, unknown>).replicas ??= 1;
      },
      validateCreate: (o) => ((o.spec as { replicas: number }).replicas < 0 ? [{ type: 'FieldValueInvalid', field: 'spec.replicas', badValue: (o.spec as { replicas: number }).replicas, detail: 'must be greater than or equal to 0' }] : []),
      validateUpdate: () => [],
    };
    const api = newServer({ strategyFor: (g, k) => (g === 'apps' && k === 'Deployment' ? strategy : undefined) });
    const d = deployment('web');
    delete (d.spec as Record<string, unknown>).replicas;
    expect((api.create<KubeObject>(DEPLOYMENTS, d).spec as { replicas: number }).replicas).toBe(1);
    const e = apiError(() => api.create<KubeObject>(DEPLOYMENTS, deployment('bad', -1)));
    expect(e.message).toBe('Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(e.status.code).toBe(422);
  });

  it('a strategy that throws becomes a 500, not a crash', () => {
    const api = newServer({ strategyFor: (_g, k) => (k === 'ConfigMap' ? { applyDefaults: () => { throw new TypeError('boom'); } } : undefined) });
    expect(apiError(() => api.create<KubeObject>(CONFIGMAPS, configMap('c'))).status).toMatchObject({ code: 500, message: 'Internal error occurred: boom' });
  });
});

describe('scale subresource', () => {
  it('reads and writes spec.replicas through autoscaling/v1 Scale', () => {
    const api = newServer();
    api.create<KubeObject>(DEPLOYMENTS, deployment('web', 2));
    const scale = api.get(DEPLOYMENTS, 'default', 'web', { subresource: 'scale' });
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 2 }, status: { replicas: 0, selector: 'app=web' } });
    api.update<KubeObject>(DEPLOYMENTS, { ...scale, spec: { replicas: 5 } }, { subresource: 'scale' });
    expect(api.get<KubeObject>(DEPLOYMENTS, 'default', 'web')).toMatchObject({ spec: { replicas: 5 }, metadata: { generation: 2 } });
    api.patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { replicas: 1 } }, { subresource: 'scale' });
    expect((api.get<KubeObject>(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas).toBe(1);
    expect(apiError(() => api.get(CONFIGMAPS, 'default', 'x', { subresource: 'scale' })).status.code).toBe(404);
  });
});

describe('delete', () => {
  it('removes plain objects at once and answers with a Success Status', () => {
    const api = newServer();
    const cm = api.create<KubeObject>(CONFIGMAPS, configMap('c'));
    expect(api.delete(CONFIGMAPS, 'default', 'c')).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'c', kind: 'configmaps', uid: cm.metadata.uid } });
    expect(apiError(() => api.get(CONFIGMAPS, 'default', 'c')).status.code).toBe(404);
    expect(apiError(() => api.delete(CONFIGMAPS, 'default', 'c')).message).toBe('configmaps "c" not found');
  });

  it('checks preconditions', () => {
    const api = newServer();
    const cm = api.create<KubeObject>(CONFIGMAPS, configMap('c'));
    expect(apiError(() => api.delete(CONFIGMAPS, 'default', 'c', { preconditions: { uid: 'other' } })).message).toBe(
      `Operation cannot be fulfilled on configmaps "c": Precondition failed: UID in precondition: other, UID in object meta: ${cm.metadata.uid}`,
    );
    expect(apiError(() => api.delete(CONFIGMAPS, 'default', 'c', { preconditions: { resourceVersion: '1' } })).status.reason).toBe('Conflict');
  });

  it('holds objects with finalizers until the last one is removed', () => {
    const api = newServer();
    api.create<KubeObject>(CONFIGMAPS, { ...configMap('c'), metadata: { name: 'c', namespace: 'default', finalizers: ['example.com/hold'] } });
    const held = api.delete(CONFIGMAPS, 'default', 'c') as KubeObject;
    expect(held.metadata.deletionTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(held.metadata.deletionGracePeriodSeconds).toBe(0);
    const current = api.get<KubeObject>(CONFIGMAPS, 'default', 'c');
    expect(apiError(() => api.update<KubeObject>(CONFIGMAPS, { ...current, metadata: { ...current.metadata, finalizers: ['example.com/hold', 'new'] } })).message).toMatch(
      /metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers \[\]string\{"new"\}/,
    );
    api.update<KubeObject>(CONFIGMAPS, { ...current, metadata: { ...current.metadata, finalizers: [] } });
    expect(apiError(() => api.get(CONFIGMAPS, 'default', 'c')).status.code).toBe(404);
  });

  it('gives scheduled pods their grace period; grace 0 finishes the deletion', () => {
    const api = newServer();
    api.create<KubeObject>(PODS, pod('p', { spec: { nodeName: 'n1', terminationGracePeriodSeconds: 30, containers: [{ name: 'a', image: 'x' }] } }));
    const terminating = api.delete(PODS, 'default', 'p') as KubeObject;
    expect(terminating.metadata.deletionTimestamp).toBe('2025-01-01T00:00:30Z');
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(api.get<KubeObject>(PODS, 'default', 'p').metadata.deletionTimestamp).toBeDefined();
    // Deleting again with the same grace changes nothing; the kubelet's grace 0 removes it.
    expect((api.delete(PODS, 'default', 'p') as KubeObject).metadata.resourceVersion).toBe(terminating.metadata.resourceVersion);
    api.delete(PODS, 'default', 'p', { gracePeriodSeconds: 0 });
    expect(apiError(() => api.get(PODS, 'default', 'p')).status.code).toBe(404);
    // Unscheduled pods go at once.
    api.create<KubeObject>(PODS, pod('q'));
    api.delete(PODS, 'default', 'q');
    expect(apiError(() => api.get(PODS, 'default', 'q')).status.code).toBe(404);
  });

  it('dryRun changes nothing', () => {
    const api = newServer();
    const rv = api.store.revision;
    api.create<KubeObject>(CONFIGMAPS, configMap('c'), { dryRun: true });
    expect(api.store.revision).toBe(rv);
    expect(apiError(() => api.get(CONFIGMAPS, 'default', 'c')).status.code).toBe(404);
  });

  it('terminates namespaces: Terminating phase, creates forbidden, finalize lets it go', () => {
    const api = newServer({ namespaces: ['default', 'shop'] });
    const ns = api.get<KubeObject>(NAMESPACES, undefined, 'shop');
    expect(ns).toMatchObject({ spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' }, metadata: { labels: { 'kubernetes.io/metadata.name': 'shop' } } });
    const deleting = api.delete(NAMESPACES, undefined, 'shop') as KubeObject;
    expect(deleting).toMatchObject({ status: { phase: 'Terminating' } });
    expect(deleting.metadata.deletionTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(apiError(() => api.create<KubeObject>(CONFIGMAPS, configMap('c', {}, 'shop'))).message).toBe(
      'configmaps "c" is forbidden: unable to create new content in namespace shop because it is being terminated',
    );
    expect(apiError(() => api.delete(NAMESPACES, undefined, 'shop')).status.reason).toBe('Conflict');
    api.finalizeNamespace({ ...deleting, spec: { finalizers: [] } });
    expect(apiError(() => api.get(NAMESPACES, undefined, 'shop')).status.code).toBe(404);
    expect(apiError(() => api.delete(NAMESPACES, undefined, 'default')).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe('resourceVersion and generation (property)', () => {
  type Op = { kind: 'create' | 'label' | 'spec' | 'status' | 'delete' | 'noop'; i: number; v: number };
  const op = fc.record({ kind: fc.constantFrom('create', 'label', 'spec', 'status', 'delete', 'noop'), i: fc.nat(4), v: fc.nat(3) }) as fc.Arbitrary<Op>;

  it('every write gets a strictly greater resourceVersion; generation moves only with spec', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const api = newServer();
        let lastRv = api.store.revision;
        const generations = new Map<string, number>();
        for (const o of ops) {
          const name = `d${o.i}`;
          const existing = api.store.get(api.resolve(DEPLOYMENTS, 'get'), 'default', name);
          try {
            let result: KubeObject | undefined;
            if (o.kind === 'create') result = api.create<KubeObject>(DEPLOYMENTS, deployment(name, o.v));
            else if (!existing) continue;
            else if (o.kind === 'label') result = api.patch(DEPLOYMENTS, 'default', name, 'merge', { metadata: { labels: { v: String(o.v) } } });
            else if (o.kind === 'spec') result = api.patch(DEPLOYMENTS, 'default', name, 'merge', { spec: { replicas: o.v } });
            else if (o.kind === 'status') result = api.patch(DEPLOYMENTS, 'default', name, 'merge', { status: { replicas: o.v } }, { subresource: 'status' });
            else if (o.kind === 'noop') result = api.update<KubeObject>(DEPLOYMENTS, api.get(DEPLOYMENTS, 'default', name));
            else {
              api.delete(DEPLOYMENTS, 'default', name);
              generations.delete(name);
            }
            if (result) {
              const rv = Number(result.metadata.resourceVersion);
              const before = existing ? (existing.spec as { replicas: number }).replicas : undefined;
              const changedSpec = o.kind === 'spec' && before !== o.v;
              const prevGen = generations.get(name);
              if (o.kind === 'create') expect(result.metadata.generation).toBe(1);
              else expect(result.metadata.generation).toBe(changedSpec ? prevGen! + 1 : prevGen);
              generations.set(name, result.metadata.generation!);
              if (rv !== Number(existing?.metadata.resourceVersion)) expect(rv).toBeGreaterThan(lastRv);
            }
            expect(api.store.revision).toBeGreaterThanOrEqual(lastRv);
            lastRv = api.store.revision;
          } catch (e) {
            if (o.kind !== 'create') throw e;
            expect((e as { status?: { reason: string } }).status?.reason).toBe('AlreadyExists');
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('timestamps come from the virtual clock', () => {
    const api = newServer();
    (api.clock as unknown as { advance(ms: number): void }).advance(61_500);
    expect(api.create<KubeObject>(CONFIGMAPS, configMap('c')).metadata.creationTimestamp).toBe(new Date(t0 + 61_000).toISOString().replace('.000Z', 'Z'));
  });
});
