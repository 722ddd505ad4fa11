// The scheduler's cache is updated pod by pod from watch events, so a missed event would leave it
// believing a node is fuller or emptier than it is. These properties drive a whole cluster through
// random operations and compare the cache with sums recomputed from a fresh list, and check that
// the real scheduler never places more on a node than it can hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster.ts';
import type { WatchEvent } from '../machinery/types.ts';
import { type Node, type Pod, isTerminal, nodesRef, podsRef } from './pod-types.ts';
import { SchedulerCache } from './scheduler-cache.ts';
import { nodeInfo } from './scheduler-node-info.ts';

type Op =
  | { op: 'create'; cpu: number; memoryMi: number; owner: number }
  | { op: 'delete'; pick: number; grace: 0 | 30 }
  | { op: 'finish'; pick: number }
  | { op: 'cordon'; node: number; on: boolean }
  | { op: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('create' as const), cpu: fc.integer({ min: 0, max: 4_000 }), memoryMi: fc.integer({ min: 0, max: 4_096 }), owner: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat(), grace: fc.constantFrom(0 as const, 30 as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('finish' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cordon' as const), node: fc.integer({ min: 0, max: 1 }), on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40_000 }) }) },
);

const workers = ['wheelhouse-worker', 'wheelhouse-worker2'];
// Owners are made-up controllers: the cache counts pods per controller uid for spreading.
const ownerUids = ['owner-a', 'owner-b'];

function apply(c: Cluster, op: Op, serial: number): void {
  const pods = () => c.client.list<Pod>(podsRef, { namespace: 'default' }).items;
  const pick = (n: number) => {
    const all = pods();
    return all.length ? all[n % all.length] : undefined;
  };
  switch (op.op) {
    case 'create': {
      const requests: Record<string, string> = {};
      if (op.cpu) requests.cpu = `${op.cpu}m`;
      if (op.memoryMi) requests.memory = `${op.memoryMi}Mi`;
      const owner = ownerUids[op.owner];
      c.client.create(podsRef, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `p${serial}`,
          namespace: 'default',
          ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] } : {}),
        },
        spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], resources: { requests } }] },
      });
      break;
    }
    case 'delete': {
      const p = pick(op.pick);
      if (p) c.client.delete(podsRef, 'default', p.metadata.name!, { gracePeriodSeconds: op.grace });
      break;
    }
    case 'finish': {
      // A pod that ran to completion frees its node's resources.
      const p = pick(op.pick);
      if (p?.spec.nodeName && !p.metadata.deletionTimestamp) c.client.updateStatus(podsRef, { ...p, status: { ...p.status, phase: 'Succeeded' } });
      break;
    }
    case 'cordon':
      c.client.patch(nodesRef, undefined, workers[op.node]!, 'merge', { spec: { unschedulable: op.on } });
      break;
    case 'advance':
      c.advance(op.ms);
      break;
  }
  c.runUntilIdle();
}

describe('scheduler cache', () => {
  it('always matches the sums recomputed from a fresh list of nodes and pods', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 10, maxLength: 60, size: 'max' }), (ops) => {
        const c = createCluster({ seed: 3 });
        const cache = new SchedulerCache((p) => !p.spec.nodeName);
        const feed = (observe: (e: WatchEvent) => void) => (e: WatchEvent) => {
          if (e.type !== 'ERROR') observe(e);
        };
        c.client.watch(nodesRef, {}, feed((e) => cache.observeNode(e)));
        c.client.watch(podsRef, {}, feed((e) => cache.observePod(e)));
        ops.forEach((op, i) => apply(c, op, i));

        const allPods = c.client.list<Pod>(podsRef).items;
        for (const node of c.client.list<Node>(nodesRef).items) {
          const bound = allPods.filter((p) => p.spec.nodeName === node.metadata.name && !isTerminal(p));
          const fresh = nodeInfo(node, bound);
          const cached = cache.nodes().find((n) => n.name === node.metadata.name)!;
          expect(cached.requested).toEqual(fresh.requested);
          expect(cached.nonZeroRequested).toEqual(fresh.nonZeroRequested);
          expect(cached.pods.map((p) => p.metadata.uid).sort()).toEqual(bound.map((p) => p.metadata.uid).sort());
          for (const owner of ownerUids) expect(cached.ownedBy(owner)).toBe(fresh.ownedBy(owner));
        }
        const waiting = allPods.filter((p) => !p.spec.nodeName).map((p) => p.metadata.uid).sort();
        expect(cache.waiting().map((p) => p.metadata.uid).sort()).toEqual(waiting);
      }),
      { numRuns: 25 },
    );
  });

  it('lets the real scheduler place no more on a node than it can hold', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 10, maxLength: 60, size: 'max' }), (ops) => {
        const c = createCluster({ seed: 9 });
        ops.forEach((op, i) => apply(c, op, i));
        const allPods = c.client.list<Pod>(podsRef).items;
        for (const node of c.client.list<Node>(nodesRef).items) {
          const info = nodeInfo(
            node,
            allPods.filter((p) => p.spec.nodeName === node.metadata.name && !isTerminal(p)),
          );
          expect(info.requested.milliCPU).toBeLessThanOrEqual(info.allocatable.milliCPU);
          expect(info.requested.memory).toBeLessThanOrEqual(info.allocatable.memory);
          expect(info.requested.pods).toBeLessThanOrEqual(info.allocatable.pods);
        }
      }),
      { numRuns: 25 },
    );
  });
});
