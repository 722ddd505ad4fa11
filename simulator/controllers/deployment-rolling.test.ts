import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxSurge, maxUnavailable, newRSNewReplicas, planOldScaleDown, planProportionalScale, resolveFenceposts } from './deployment-rolling.ts';
import { computePodTemplateHash, equalIgnoreHash } from './pod-template-hash.ts';
import { podsToDelete } from './pod-ranking.ts';
import type { Deployment, Pod, ReplicaSet } from './workload-types.ts';

function deployment(replicas: number, surge: number | string = '25%', unavailable: number | string = '25%'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {},
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  };
}

function rs(name: string, replicas: number, available: number, created: string, annotations?: Record<string, string>): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, uid: name, creationTimestamp: created, annotations },
    spec: { replicas, selector: {}, template: {} },
    status: { replicas, availableReplicas: available },
  };
}

describe('rolling-update maths', () => {
  it('rounds maxSurge up and maxUnavailable down, and never lets both be zero', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual({ surge: 3, unavailable: 2 });
    expect(resolveFenceposts('25%', '25%', 3)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(0, '10%', 5)).toEqual({ surge: 0, unavailable: 1 });
    expect(resolveFenceposts(2, 1, 100)).toEqual({ surge: 2, unavailable: 1 });
    expect(maxUnavailable(deployment(2, 0, 5))).toBe(2); // capped at replicas
    expect(maxSurge({ ...deployment(4), spec: { ...deployment(4).spec, strategy: { type: 'Recreate' } } })).toBe(0);
  });

  it('grows the new ReplicaSet only into the surge room', () => {
    const d = deployment(10, 3, 2);
    const old = rs('old', 10, 10, '2025-01-01T00:00:00Z');
    const next = rs('new', 0, 0, '2025-01-01T00:01:00Z');
    expect(newRSNewReplicas(d, [old, next], next)).toBe(3);
    expect(newRSNewReplicas(d, [rs('old', 8, 8, '2025-01-01T00:00:00Z'), rs('new', 5, 0, 'x')], rs('new', 5, 0, 'x'))).toBe(5);
  });

  it('scales old ReplicaSets down by available − minAvailable, unhealthy pods first, oldest first', () => {
    const d = deployment(10, 3, 2);
    const older = rs('older', 2, 0, '2025-01-01T00:00:00Z'); // unhealthy
    const old = rs('old', 8, 8, '2025-01-01T00:01:00Z');
    const next = rs('new', 3, 3, '2025-01-01T00:02:00Z');
    const steps = planOldScaleDown(d, [older, old, next], [older, old], next);
    // maxScaledDown = 13 − 8 − 0 = 5: first the 2 unhealthy, then available 11 − 8 = 3 from `old`.
    expect(steps.map((s) => [s.rs.metadata.name, s.to])).toEqual([
      ['older', 0],
      ['old', 5],
    ]);
  });

  it('shares a scale change proportionally (upstream example: 8+5 of 10/+3 → 15)', () => {
    const d = deployment(15, 3, 2);
    const annotations = { 'deployment.kubernetes.io/max-replicas': '13' };
    const plan = planProportionalScale(d, [rs('old', 8, 8, '2025-01-01T00:00:00Z', annotations), rs('new', 5, 0, '2025-01-01T00:01:00Z', annotations)]);
    expect(plan.direction).toBe('up');
    expect(plan.steps.map((s) => [s.rs.metadata.name, s.to])).toEqual([
      ['old', 11],
      ['new', 7],
    ]);
  });

  it('never plans more than replicas + maxSurge nor negative sizes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (replicas, sizes, surge) => {
        const d = deployment(replicas, surge, 1);
        const active = sizes.map((n, i) => rs(`rs${i}`, n, n, `2025-01-01T00:0${i}:00Z`, { 'deployment.kubernetes.io/max-replicas': String(sizes.reduce((a, b) => a + b, 0)) }));
        const plan = planProportionalScale(d, active);
        const total = plan.steps.reduce((n, s) => n + s.to, 0);
        expect(plan.steps.every((s) => s.to >= 0)).toBe(true);
        expect(total).toBe(replicas > 0 ? replicas + maxSurge(d) : 0);
      }),
    );
  });
});

describe('pod-template-hash', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };

  it('is stable, upstream-shaped, and changes with the template and collisionCount', () => {
    const h = computePodTemplateHash(template);
    expect(h).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computePodTemplateHash(structuredClone(template))).toBe(h);
    expect(computePodTemplateHash({ ...template, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } })).not.toBe(h);
    expect(computePodTemplateHash(template, 1)).not.toBe(computePodTemplateHash(template, 0));
  });

  it('treats templates equal when only the hash label (or key order) differs', () => {
    const withHash = { metadata: { labels: { 'pod-template-hash': 'abc', app: 'web' } }, spec: template.spec };
    expect(equalIgnoreHash(template, withHash)).toBe(true);
    expect(equalIgnoreHash(template, { ...template, spec: { containers: [{ name: 'app', image: 'x' }] } })).toBe(false);
  });
});

describe('scale-down victims (ActivePods order)', () => {
  const now = Date.parse('2025-01-01T01:00:00Z');
  function pod(name: string, o: { node?: string; phase?: string; readySince?: string; restarts?: number; created?: string; cost?: string }): Pod {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, uid: name, creationTimestamp: o.created ?? '2025-01-01T00:00:00Z', annotations: o.cost ? { 'controller.kubernetes.io/pod-deletion-cost': o.cost } : undefined },
      spec: { nodeName: o.node },
      status: {
        phase: o.phase ?? 'Running',
        conditions: o.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince }] : [],
        containerStatuses: [{ name: 'app', restartCount: o.restarts ?? 0 }],
      },
    };
  }

  it('prefers unscheduled, then pending, then not ready, then cheaper, then doubled-up, then ready-for-less-time, then more restarts, then newer', () => {
    const pods = [
      pod('ready-long', { node: 'a', readySince: '2025-01-01T00:00:00Z' }),
      pod('unscheduled', { phase: 'Pending' }),
      pod('pending', { node: 'b', phase: 'Pending' }),
      pod('not-ready', { node: 'c' }),
      pod('costly', { node: 'd', readySince: '2025-01-01T00:59:00Z', cost: '100' }),
      pod('ready-short', { node: 'e', readySince: '2025-01-01T00:59:59Z' }),
    ];
    expect(podsToDelete(pods, 5, now).map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'not-ready', 'ready-short', 'ready-long']);
    expect(podsToDelete(pods, 20, now)).toHaveLength(6);
    const restarts = [pod('calm', { node: 'x', restarts: 0 }), pod('crashy', { node: 'y', restarts: 4 })];
    expect(podsToDelete(restarts, 1, now)[0]?.metadata.name).toBe('crashy');
    const doubled = [pod('alone', { node: 'x', readySince: '2025-01-01T00:00:00Z' }), pod('d1', { node: 'y', readySince: '2025-01-01T00:00:00Z' }), pod('d2', { node: 'y', readySince: '2025-01-01T00:00:00Z' })];
    expect(podsToDelete(doubled, 1, now)[0]?.metadata.name).toMatch(/^d/);
  });

  it('picks the same pods with the fast path (few victims) as with a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ node: fc.constantFrom(undefined, 'a', 'b'), phase: fc.constantFrom('Pending', 'Running'), ready: fc.boolean(), restarts: fc.integer({ min: 0, max: 3 }), age: fc.integer({ min: 1, max: 3000 }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        (specs, count) => {
          const pods = specs.map((s, i) =>
            pod(`p${i}`, { node: s.node, phase: s.phase, readySince: s.ready ? new Date(now - s.age * 1000).toISOString() : undefined, restarts: s.restarts, created: new Date(now - s.age * 2000).toISOString() }),
          );
          const fast = podsToDelete(pods, count, now).map((p) => p.metadata.name);
          expect(new Set(fast).size).toBe(Math.min(count, pods.length));
          if (pods.length > 9) {
            // More than 8 victims takes the full-sort path: its first `count` must be the same pods.
            const full = podsToDelete(pods, 9, now).map((p) => p.metadata.name);
            expect(fast).toEqual(full.slice(0, count));
          }
        },
      ),
    );
  });
});
