// The check library's building blocks.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createCluster } from '../../simulator/cluster.ts';
import { simulatorReader } from '../reader/simulator-reader.ts';
import { normalizeImage, sameImage, imageTag } from './containers.ts';
import { fieldManager, creator } from './managed-fields.ts';
import { closestName, editDistance, resolveIntOrPercent } from './numbers.ts';
import { objectName } from './objects.ts';
import { controllerChain } from './owners.ts';
import { lowestDesired, parseScaling } from './rollout-history.ts';
import type { KubeEvent, KubeObject } from '../reader/cluster-reader.ts';

describe('check building blocks', () => {
  test('objects are named the way kubectl names them', () => {
    expect(objectName('Deployment', 'catalog', 'rollout')).toBe('deployment/catalog in namespace rollout');
    expect(objectName('Node', 'wheelhouse-worker')).toBe('node/wheelhouse-worker');
  });

  test('int-or-percent resolves as the Deployment controller does', () => {
    expect(resolveIntOrPercent('25%', 4, true)).toBe(1);
    expect(resolveIntOrPercent('25%', 4, false)).toBe(1);
    expect(resolveIntOrPercent('30%', 4, true)).toBe(2);
    expect(resolveIntOrPercent('30%', 4, false)).toBe(1);
    expect(resolveIntOrPercent(2, 4, false)).toBe(2);
    expect(resolveIntOrPercent('x', 4, false)).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50 }), (pct, total) => {
        const down = resolveIntOrPercent(`${pct}%`, total, false)!;
        const up = resolveIntOrPercent(`${pct}%`, total, true)!;
        return down <= up && up - down <= 1 && down <= total && up <= total;
      }),
    );
  });

  test('edit distance and "did you mean"', () => {
    expect(editDistance('bookstore', 'book-store')).toBe(1);
    expect(closestName(['default', 'bookshop', 'apps'], 'bookstore', 3)).toBe('bookshop');
    expect(closestName(['default', 'apps'], 'bookstore', 3)).toBeUndefined();
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => editDistance(a, b) === editDistance(b, a) && (editDistance(a, b) === 0) === (a === b)));
  });

  test('image references: docker.io and library/ are the same image', () => {
    expect(normalizeImage('docker.io/bookstore/catalog:1.0')).toBe('bookstore/catalog:1.0');
    expect(sameImage('docker.io/library/nginx:1.27', 'nginx:1.27')).toBe(true);
    expect(sameImage('bookstore/catalog:v1.0', 'bookstore/catalog:1.0')).toBe(false);
    expect(imageTag('localhost:5000/app')).toBe('latest');
  });

  test('scaling events in upstream and older wording', () => {
    const e = (message: string, at: string): KubeEvent => ({ apiVersion: 'v1', kind: 'Event', metadata: {}, involvedObject: {}, message, firstTimestamp: at });
    expect(parseScaling(e('Scaled up replica set web-1 from 0 to 4', '2025-01-01T00:00:00Z'))).toMatchObject({ replicaSet: 'web-1', from: 0, to: 4 });
    expect(parseScaling(e('Scaled down replica set web-1 to 3 from 4', '2025-01-01T00:00:00Z'))).toMatchObject({ from: 4, to: 3 });
    expect(parseScaling(e('Scaled up replica set web-2 to 1', '2025-01-01T00:00:00Z'))).toMatchObject({ from: undefined, to: 1 });
    const events = [
      e('Scaled up replica set a from 0 to 4', '2025-01-01T00:00:00Z'),
      e('Scaled up replica set b from 0 to 1', '2025-01-01T00:01:00Z'),
      e('Scaled down replica set a from 4 to 2', '2025-01-01T00:01:10Z'),
      e('Scaled up replica set b from 1 to 4', '2025-01-01T00:02:00Z'),
      e('Scaled down replica set a from 2 to 0', '2025-01-01T00:03:00Z'),
    ];
    expect(lowestDesired(events, () => true)).toMatchObject({ lowest: 3 });
  });

  test('field managers: the owner of spec.replicas, and who created the object', () => {
    const obj = (entries: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'X', metadata: { managedFields: entries } });
    const recorded = obj([
      { manager: 'kubectl-client-side-apply', operation: 'Update', time: '2025-01-01T00:00:00Z', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
      { manager: 'kubectl-edit', operation: 'Update', time: '2025-01-01T00:05:00Z', fieldsV1: { 'f:metadata': { 'f:labels': {} } } },
    ]);
    expect(fieldManager(recorded, ['spec', 'replicas'])?.manager).toBe('kubectl-client-side-apply');
    const unrecorded = obj([
      { manager: 'kubectl-client-side-apply', operation: 'Update', time: '2025-01-01T00:00:00Z', fieldsV1: {} },
      { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: '2025-01-01T00:09:00Z', fieldsV1: {} },
      { manager: 'kubectl-edit', operation: 'Update', time: '2025-01-01T00:05:00Z', fieldsV1: {} },
    ]);
    expect(fieldManager(unrecorded, ['spec', 'replicas'])?.manager).toBe('kubectl-edit');
    expect(creator(unrecorded)?.manager).toBe('kubectl-client-side-apply');
  });

  test('the controller chain follows uids, not names', async () => {
    const cluster = createCluster({ seed: 5 });
    const reader = simulatorReader(cluster.client);
    const coredns = (await reader.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' }))[0]!;
    const chain = await controllerChain(reader, coredns);
    expect(chain.map((o) => o.kind)).toEqual(['ReplicaSet', 'Deployment']);
    const forged = { ...coredns, metadata: { ...coredns.metadata, ownerReferences: [{ ...coredns.metadata.ownerReferences![0]!, uid: 'not-the-uid' }] } };
    expect(await controllerChain(reader, forged)).toEqual([]);
  });
});
