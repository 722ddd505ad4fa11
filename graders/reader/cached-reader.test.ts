// The grade-run cache: one list per kind and namespace however many checks ask, label queries and
// gets answered from the list, and a namespace answered from an all-namespaces list.
import { describe, expect, test } from 'vitest';
import { createCluster } from '../../simulator/cluster.ts';
import { cachedReader } from './cached-reader.ts';
import type { ClusterReader } from './cluster-reader.ts';
import { simulatorReader } from './simulator-reader.ts';

function counting(inner: ClusterReader) {
  const calls: string[] = [];
  return {
    calls,
    reader: { ...inner, list: (kind: string, q?: { namespace?: string }) => (calls.push(`${kind} ${q?.namespace ?? '*'}`), inner.list(kind, q)) } as ClusterReader,
  };
}

describe('cachedReader', () => {
  test('one list per kind and namespace, shared by gets, label queries and events', async () => {
    const cluster = createCluster({ seed: 2 });
    const { calls, reader } = counting(simulatorReader(cluster.client));
    const cached = cachedReader(reader);
    const coredns = await cached.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' });
    expect(coredns.length).toBe(2);
    expect(coredns.every((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')).toBe(true);
    expect(await cached.get('Pod', coredns[0]!.metadata.name!, 'kube-system')).toEqual(coredns[0]);
    expect(await cached.get('Pod', 'nope', 'kube-system')).toBeUndefined();
    await cached.list('Pod', { namespace: 'kube-system' });
    await cached.get('Node', 'wheelhouse-worker');
    await cached.get('Node', 'wheelhouse-worker2');
    await cached.eventsFor(coredns[0]!);
    await cached.eventsFor(coredns[1]!);
    expect(calls).toEqual(['Pod kube-system', 'Node *', 'Event kube-system']);
    expect(cached.stats().lists).toEqual(calls);
  });

  test('an all-namespaces list answers a one-namespace question without a request', async () => {
    const cluster = createCluster({ seed: 2 });
    const { calls, reader } = counting(simulatorReader(cluster.client));
    const cached = cachedReader(reader);
    const all = await cached.list('Pod');
    const system = await cached.list('Pod', { namespace: 'kube-system' });
    expect(system.length).toBeGreaterThan(0);
    expect(system.length).toBeLessThanOrEqual(all.length);
    expect(calls).toEqual(['Pod *']);
  });

  test('unknown kinds are a typed error', async () => {
    const cached = cachedReader(simulatorReader(createCluster({ seed: 2 }).client));
    await expect(cached.list('Gizmo')).rejects.toMatchObject({ reason: 'unknown-kind' });
  });
});
