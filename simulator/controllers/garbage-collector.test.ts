import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../machinery/clock.ts';
import { CONFIGMAPS, DEPLOYMENTS, PODS, REPLICASETS, apiError, deployment, newServer, pod } from '../machinery/test-kit.ts';
import type { KubeObject, OwnerReference } from '../machinery/types.ts';
import { sharedResultsClient } from '../machinery/shared-results-client.ts';
import { createGarbageCollector } from './garbage-collector.ts';
import { ControllerRuntime } from './runtime.ts';

function setup() {
  const api = newServer();
  // The client a cluster gives its controllers: results are the stored, frozen objects.
  const runtime = new ControllerRuntime({ client: sharedResultsClient(api), clock: api.clock as VirtualClock, random: api.random });
  runtime.add(createGarbageCollector(api.store));
  runtime.start();
  return { api, runtime };
}

const ownedBy = (o: KubeObject, block = true): OwnerReference => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: block });

function chain(api: ReturnType<typeof setup>['api']) {
  const d = api.create(DEPLOYMENTS, deployment('web'));
  const rs = api.create(REPLICASETS, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', ownerReferences: [ownedBy(d)] }, spec: { selector: { matchLabels: { app: 'web' } }, template: {} } });
  for (const n of ['a', 'b']) api.create(PODS, { ...pod(`web-1-${n}`), metadata: { name: `web-1-${n}`, namespace: 'default', ownerReferences: [ownedBy(rs)] } });
  return { d, rs };
}

const exists = (fn: () => unknown) => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

describe('garbage collector', () => {
  it('Background: the owner goes at once, dependents afterwards, recursively', () => {
    const { api, runtime } = setup();
    chain(api);
    runtime.runUntilIdle();
    api.delete(DEPLOYMENTS, 'default', 'web');
    expect(exists(() => api.get(DEPLOYMENTS, 'default', 'web'))).toBe(false);
    expect(api.list(REPLICASETS).items).toHaveLength(1);
    runtime.runUntilIdle();
    expect(api.list(REPLICASETS).items).toHaveLength(0);
    expect(api.list(PODS).items).toHaveLength(0);
  });

  it('Foreground: dependents go first, then the owner', () => {
    const { api, runtime } = setup();
    chain(api);
    runtime.runUntilIdle();
    const owner = api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Foreground' }) as KubeObject;
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    runtime.runUntilIdle();
    expect(api.list(PODS).items).toHaveLength(0);
    expect(api.list(REPLICASETS).items).toHaveLength(0);
    expect(exists(() => api.get(DEPLOYMENTS, 'default', 'web'))).toBe(false);
  });

  it('Orphan: dependents stay and lose the ownerReference', () => {
    const { api, runtime } = setup();
    chain(api);
    runtime.runUntilIdle();
    api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Orphan' });
    runtime.runUntilIdle();
    expect(apiError(() => api.get(DEPLOYMENTS, 'default', 'web')).status.code).toBe(404);
    const rs = api.get<KubeObject>(REPLICASETS, 'default', 'web-1');
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(api.list(PODS).items).toHaveLength(2);
  });

  it('collects objects whose owner never existed, and keeps ones with a living owner', () => {
    const { api, runtime } = setup();
    const keeper = api.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    api.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'orphan', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: 'no-such-uid' }] } });
    api.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'both', namespace: 'default', ownerReferences: [ownedBy(keeper, false), { apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: 'no-such-uid' }] } });
    runtime.runUntilIdle();
    expect(api.list(CONFIGMAPS).items.map((c) => c.metadata.name)).toEqual(['both', 'owner']);
    expect(api.get<KubeObject>(CONFIGMAPS, 'default', 'both').metadata.ownerReferences).toHaveLength(1);
  });

  it('property: after a cascading delete of any owner in a random forest, nothing it owned survives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(30), { minLength: 1, maxLength: 25 }),
        fc.nat(24),
        fc.constantFrom<'Background' | 'Foreground'>('Background', 'Foreground'),
        (parents, victimIndex, policy) => {
          const { api, runtime } = setup();
          const made: KubeObject[] = [];
          parents.forEach((p, i) => {
            const ownerRefs = i > 0 && p % (i + 1) < i ? [ownedBy(made[p % i]!)] : undefined;
            made.push(api.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `o${i}`, namespace: 'default', ...(ownerRefs ? { ownerReferences: ownerRefs } : {}) } }));
          });
          runtime.runUntilIdle();
          const victim = made[victimIndex % made.length]!;
          // Everything transitively owned by the victim.
          const doomed = new Set([victim.metadata.uid!]);
          for (const o of made) if (o.metadata.ownerReferences?.some((r) => doomed.has(r.uid))) doomed.add(o.metadata.uid!);
          api.delete(CONFIGMAPS, 'default', victim.metadata.name!, { propagationPolicy: policy });
          expect(runtime.runUntilIdle().idle).toBe(true);
          const left = new Set(api.list(CONFIGMAPS).items.map((c) => c.metadata.uid!));
          for (const uid of doomed) expect(left.has(uid)).toBe(false);
          for (const o of made) if (!doomed.has(o.metadata.uid!)) expect(left.has(o.metadata.uid!)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
