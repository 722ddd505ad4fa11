import { describe, expect, it } from 'vitest';
import { strategyFor } from '../kinds/index.ts';
import { sharedResultsClient } from './shared-results-client.ts';
import { PODS, newServer, pod } from './test-kit.ts';
import type { ApiClient, KubeObject } from './types.ts';

/** True when nothing anywhere in the tree is frozen: the caller may change it all. */
function ownedCopy(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Object.isFrozen(value)) return false;
  return Object.values(value).every(ownedCopy);
}

/** Every verb that returns an object, run in order against one pod; returns what each gave back. */
function everyResult(client: ApiClient): Record<string, unknown> {
  const created = client.create(PODS, pod('web', { spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx:1.27' }] } }));
  const got = client.get<KubeObject>(PODS, 'default', 'web');
  const updated = client.update(PODS, { ...got, metadata: { ...got.metadata, labels: { app: 'web' } } });
  const status = client.updateStatus(PODS, { ...updated, status: { phase: 'Running' } });
  const unchanged = client.updateStatus(PODS, { ...status });
  const patched = client.patch(PODS, 'default', 'web', 'merge', { metadata: { annotations: { a: 'b' } } });
  const dryRun = client.patch(PODS, 'default', 'web', 'merge', { metadata: { annotations: { a: 'c' } } }, { dryRun: true });
  const listed = client.list(PODS, { namespace: 'default' }).items[0];
  const deleting = client.delete(PODS, 'default', 'web');
  const again = client.delete(PODS, 'default', 'web');
  const gone = client.delete(PODS, 'default', 'web', { gracePeriodSeconds: 0 });
  return { created, got, updated, status, unchanged, patched, dryRun, listed, deleting, again, gone };
}

describe('results the API hands out', () => {
  it('are the caller\'s own copies: nothing in them is frozen, so changing them changes nothing stored', () => {
    const api = newServer({ strategyFor });
    for (const [verb, result] of Object.entries(everyResult(api))) expect(ownedCopy(result), verb).toBe(true);
  });

  it('through sharedResultsClient are the stored objects themselves, frozen, and equal to the copies', () => {
    const copies = everyResult(newServer({ strategyFor }));
    const shared = everyResult(sharedResultsClient(newServer({ strategyFor })));
    expect(shared).toEqual(copies);
    for (const verb of ['created', 'got', 'updated', 'status', 'unchanged', 'patched', 'listed', 'deleting', 'again', 'gone']) {
      expect(Object.isFrozen(shared[verb]), verb).toBe(true);
      expect(() => {
        (shared[verb] as KubeObject).metadata.name = 'changed';
      }, verb).toThrow(TypeError);
    }
  });

  it('cannot be asked for over HTTP: the option is a symbol, which JSON cannot carry', () => {
    const api = newServer({ strategyFor });
    const fromJson = JSON.parse(JSON.stringify({ shareResult: true })) as object;
    api.create(PODS, pod('web'));
    expect(Object.isFrozen(api.get(PODS, 'default', 'web', fromJson))).toBe(false);
  });
});
