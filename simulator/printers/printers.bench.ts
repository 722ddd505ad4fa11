// How long the printers take for what a learner types most: `kubectl get pods` over 100 pods
// (server Table + client rendering) and a full `kubectl describe pod` with events.
import { describe, expect, test } from 'vitest';
import type { KubeList, KubeObject, ListOptions, ResourceRef } from '../machinery/types.ts';
import { describe as describeObject } from '../describe/index.ts';
import { buildTable, renderGet } from './index.ts';
import { kindPod, NOW, podEvent } from './test-fixtures.ts';

const pods: KubeObject[] = Array.from({ length: 100 }, (_, i) => kindPod({ name: `web-59bbf76844-${String(i).padStart(5, '0')}` }));
const target = kindPod();
const ref = { name: target.metadata.name ?? '', uid: target.metadata.uid ?? '' };
const events = ['Scheduled', 'Pulled', 'Created', 'Started', 'Unhealthy', 'BackOff'].map((reason, i) =>
  podEvent(ref, reason, `event ${reason} happened`, `2026-11-21T21:00:0${i}Z`, `2026-11-21T21:05:0${i}Z`, i + 1),
);
const reader = {
  list<T extends KubeObject>(r: ResourceRef, _opts?: ListOptions): KubeList<T> {
    const items = r.resource === 'events' ? events : [];
    return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: items as T[] };
  },
};

// Vitest 5 benchmarks run inside a test through its `bench` fixture; the reporter prints the table.
describe('printers', () => {
  test('get pods and describe pod', async ({ bench }) => {
    const result = await bench.compare(
      bench('get pods: Table for 100 pods', () => {
        buildTable({ kind: 'Pod' }, pods, { now: NOW, resourceVersion: '9' });
      }),
      bench('get pods: Table + render, 100 pods', () => {
        const table = buildTable({ kind: 'Pod' }, pods, { now: NOW, resourceVersion: '9' });
        renderGet([{ table, kind: 'Pod', namespaced: true }], { namespace: 'default' });
      }),
      bench('get pods -o wide -A --show-labels, 100 pods', () => {
        const table = buildTable({ kind: 'Pod' }, pods, { now: NOW });
        renderGet([{ table, kind: 'Pod', namespaced: true }], { wide: true, allNamespaces: true, showLabels: true });
      }),
      bench('describe pod (containers, volumes, 6 events)', () => {
        describeObject(target, reader, NOW);
      }),
    );
    // The goal is a few milliseconds; fail only on a gross regression (mean latency is in ms).
    expect(result.get('get pods: Table + render, 100 pods').latency.mean).toBeLessThan(50);
    expect(result.get('describe pod (containers, volumes, 6 events)').latency.mean).toBeLessThan(50);
  });
});
