import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplicaSetController } from './replicaset.ts';
import { FakeKubelet, TestCluster } from './workload-test-kit.ts';
import type { Pod, ReplicaSet } from './workload-types.ts';
import { PODS, REPLICASETS } from './workload-types.ts';
import { isPodActive } from './pod-state.ts';

function rsManifest(name: string, replicas: number, extra: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, tier: 'web' }, annotations: { note: 'x' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
      ...extra,
    },
  };
}

function setup(kubelet = new FakeKubelet()) {
  const cluster = new TestCluster([new ReplicaSetController(), kubelet]);
  return cluster;
}

const getRS = (c: TestCluster, name: string) => c.api.get<ReplicaSet>(REPLICASETS, 'default', name);
const active = (c: TestCluster) => c.pods().filter(isPodActive);

describe('ReplicaSet controller', () => {
  it('creates pods from the template with generateName, labels, annotations and a controller ref', () => {
    const c = setup();
    const rs = c.api.create(REPLICASETS, rsManifest('web', 3));
    c.runUntilIdle();
    const pods = c.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web', tier: 'web' });
      expect(p.metadata.annotations).toEqual({ note: 'x' });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    expect(c.eventMessages('SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    const status = getRS(c, 'web').status;
    expect(status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('replaces a deleted pod and deletes extras on scale-down', () => {
    const c = setup();
    c.api.create(REPLICASETS, rsManifest('web', 3));
    c.runUntilIdle();
    const victim = c.pods()[0]!;
    c.api.delete(PODS, 'default', victim.metadata.name!);
    c.runUntilIdle();
    expect(active(c)).toHaveLength(3);
    expect(c.pods().some((p) => p.metadata.name === victim.metadata.name)).toBe(false);

    const rs = getRS(c, 'web');
    c.api.update(REPLICASETS, { ...rs, spec: { ...rs.spec, replicas: 1 } });
    c.runUntilIdle();
    expect(active(c)).toHaveLength(1);
    expect(c.eventMessages('SuccessfulDelete')).toHaveLength(2);
    expect(getRS(c, 'web').status).toMatchObject({ replicas: 1, readyReplicas: 1, observedGeneration: 2 });
  });

  it('deletes not-ready pods before ready ones on scale-down', () => {
    const c = setup(new FakeKubelet({ brokenImages: ['broken'] }));
    c.api.create(REPLICASETS, rsManifest('web', 2));
    c.runUntilIdle();
    // An orphan with a broken image gets adopted: now 3 pods for 2 replicas, one never Ready.
    c.api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'broken' }] } });
    c.runUntilIdle();
    const left = active(c);
    expect(left).toHaveLength(2);
    expect(left.some((p) => p.metadata.name === 'stray')).toBe(false);
    expect(c.eventMessages('SuccessfulDelete')).toEqual(['Deleted pod: stray']);
  });

  it('adopts matching orphans and releases pods whose labels stop matching', () => {
    const c = setup();
    c.api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
    c.runUntilIdle();
    const rs = c.api.create(REPLICASETS, rsManifest('web', 2));
    c.runUntilIdle();
    const orphan = c.api.get<Pod>(PODS, 'default', 'orphan');
    expect(orphan.metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
    expect(active(c)).toHaveLength(2);

    c.api.patch(PODS, 'default', 'orphan', 'merge', { metadata: { labels: { app: 'debug' } } });
    c.runUntilIdle();
    expect(c.api.get<Pod>(PODS, 'default', 'orphan').metadata.ownerReferences).toBeUndefined();
    expect(active(c).filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });

  it('counts available pods only after minReadySeconds on the virtual clock', () => {
    const c = setup();
    c.api.create(REPLICASETS, rsManifest('web', 2, { minReadySeconds: 10 }));
    c.runUntilIdle();
    expect(getRS(c, 'web').status).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    c.advance(9_000);
    expect(getRS(c, 'web').status?.availableReplicas).toBe(0);
    c.advance(2_000);
    expect(getRS(c, 'web').status?.availableReplicas).toBe(2);
  });

  it('reports FailedCreate as an event and a ReplicaFailure condition, and recovers', () => {
    let quotaExceeded = true;
    const c = new TestCluster([new ReplicaSetController(), new FakeKubelet()], {
      strategyFor: (_group, kind) =>
        kind === 'Pod' && quotaExceeded
          ? { validateCreate: () => [{ type: 'FieldValueForbidden', field: 'spec', detail: 'exceeded quota' }] }
          : undefined,
    });
    c.api.create(REPLICASETS, rsManifest('web', 2));
    c.runUntilIdle();
    const failures = c.events.filter((e) => e.reason === 'FailedCreate');
    expect(failures[0]).toMatchObject({ type: 'Warning', kind: 'ReplicaSet', component: 'replicaset-controller' });
    expect(failures[0]!.message).toMatch(/^Error creating: /);
    // Slow start: the first batch is one pod, so a failure ends the sync after one attempt (the
    // status write wakes the controller once more, as upstream's informer would).
    expect(failures.length).toBeLessThanOrEqual(2);
    expect(getRS(c, 'web').status?.conditions).toEqual([
      expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }),
    ]);
    // The quota is raised: the backoff retry creates the pods and clears the condition.
    quotaExceeded = false;
    c.advance(5_000);
    expect(active(c)).toHaveLength(2);
    expect(getRS(c, 'web').status?.conditions).toBeUndefined();
  });

  it('converges to spec.replicas under random pod deletions and scale changes (model-based)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 8 }) }),
            fc.record({ op: fc.constant('kill' as const), i: fc.nat() }),
            fc.record({ op: fc.constant('settle' as const) }),
          ),
          { maxLength: 15 },
        ),
        (ops) => {
          const c = setup();
          c.api.create(REPLICASETS, rsManifest('web', 3));
          let want = 3;
          for (const o of ops) {
            if (o.op === 'scale') {
              const rs = getRS(c, 'web');
              c.api.update(REPLICASETS, { ...rs, spec: { ...rs.spec, replicas: o.n } });
              want = o.n;
            } else if (o.op === 'kill') {
              const pods = active(c);
              if (pods.length) c.api.delete(PODS, 'default', pods[o.i % pods.length]!.metadata.name!);
            } else c.runUntilIdle();
          }
          c.runUntilIdle();
          expect(active(c)).toHaveLength(want);
          expect(getRS(c, 'web').status?.replicas).toBe(want);
          expect(getRS(c, 'web').status?.readyReplicas).toBe(want);
        },
      ),
      { numRuns: 60 },
    );
  });
});
