import { describe, expect, it } from 'vitest';
import { CONFIGMAPS, PODS, configMap, newServer, pod } from './test-kit.ts';
import type { WatchEvent } from './types.ts';

function collect() {
  const events: WatchEvent[] = [];
  const summary = () => events.map((e) => `${e.type} ${e.type === 'ERROR' ? (e.object as unknown as { code: number }).code : e.object.metadata.name}`);
  return { events, summary, on: (e: WatchEvent) => events.push(e) };
}

describe('watch', () => {
  it('from now: ADDED for what exists, then live changes with the new resourceVersion', () => {
    const api = newServer();
    api.create(CONFIGMAPS, configMap('a'));
    const w = collect();
    api.watch(CONFIGMAPS, {}, w.on);
    api.create(CONFIGMAPS, configMap('b'));
    api.patch(CONFIGMAPS, 'default', 'a', 'merge', { data: { x: '1' } });
    api.delete(CONFIGMAPS, 'default', 'b');
    expect(w.summary()).toEqual(['ADDED a', 'ADDED b', 'MODIFIED a', 'DELETED b']);
    const rvs = w.events.slice(1).map((e) => Number(e.object.metadata.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
    expect(Number(w.events[3]!.object.metadata.resourceVersion)).toBe(api.store.revision);
  });

  it('replays from a resourceVersion, and stops after unsubscribe', () => {
    const api = newServer();
    const a = api.create(CONFIGMAPS, configMap('a'));
    api.create(CONFIGMAPS, configMap('b'));
    api.delete(CONFIGMAPS, 'default', 'a');
    const w = collect();
    const stop = api.watch(CONFIGMAPS, { resourceVersion: a.metadata.resourceVersion }, w.on);
    expect(w.summary()).toEqual(['ADDED b', 'DELETED a']);
    stop();
    api.create(CONFIGMAPS, configMap('c'));
    expect(w.events).toHaveLength(2);
  });

  it('answers a resourceVersion older than the history with an ERROR 410 Expired', () => {
    const api = newServer({ historySize: 5 });
    for (let i = 0; i < 20; i++) api.create(CONFIGMAPS, configMap(`c${i}`));
    const w = collect();
    api.watch(CONFIGMAPS, { resourceVersion: '2' }, w.on);
    expect(w.events).toHaveLength(1);
    expect(w.events[0]!.type).toBe('ERROR');
    expect(w.events[0]!.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    expect((w.events[0]!.object as unknown as { message: string }).message).toMatch(/^too old resource version: 2 \(\d+\)$/);
    api.create(CONFIGMAPS, configMap('later'));
    expect(w.events).toHaveLength(1);
  });

  it('filters by namespace, labels and fields; leaving the view is DELETED, entering it ADDED', () => {
    const api = newServer({ namespaces: ['default', 'other'] });
    const w = collect();
    api.watch(PODS, { namespace: 'default', labelSelector: 'app=web' }, w.on);
    api.create(PODS, pod('p', { labels: { app: 'db' } }));
    api.create(PODS, pod('q', { labels: { app: 'web' }, namespace: 'other' }));
    api.patch(PODS, 'default', 'p', 'merge', { metadata: { labels: { app: 'web' } } });
    api.patch(PODS, 'default', 'p', 'merge', { metadata: { labels: { tier: 'x' } } });
    api.patch(PODS, 'default', 'p', 'merge', { metadata: { labels: { app: 'db' } } });
    api.delete(PODS, 'default', 'p');
    expect(w.summary()).toEqual(['ADDED p', 'MODIFIED p', 'DELETED p']);
    const f = collect();
    api.watch(PODS, { fieldSelector: 'metadata.name=q' }, f.on);
    expect(f.summary()).toEqual(['ADDED q']);
  });

  it('delivers in order even when a watcher writes from its callback', () => {
    const api = newServer();
    const seen: string[] = [];
    api.watch(CONFIGMAPS, {}, (e) => {
      if (e.object.metadata.name === 'a' && e.type === 'ADDED') api.create(CONFIGMAPS, configMap('from-callback'));
    });
    api.watch(CONFIGMAPS, {}, (e) => seen.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`));
    api.create(CONFIGMAPS, configMap('a'));
    const rvs = seen.map((s) => Number(s.split(' ')[2]));
    expect(seen.map((s) => s.split(' ')[1])).toEqual(['a', 'from-callback']);
    expect(rvs[0]).toBeLessThan(rvs[1]!);
  });

  it('event objects are frozen so no watcher can change what others see', () => {
    const api = newServer();
    const w = collect();
    api.watch(CONFIGMAPS, {}, w.on);
    api.create(CONFIGMAPS, configMap('a'));
    expect(Object.isFrozen(w.events[0]!.object)).toBe(true);
  });

  it('rejects bad selectors and resourceVersions with 400s', () => {
    const api = newServer();
    expect(() => api.watch(PODS, { labelSelector: 'a in b' }, () => {})).toThrow(/unable to parse requirement/);
    expect(() => api.watch(PODS, { fieldSelector: 'spec.foo=1' }, () => {})).toThrow('field label not supported: spec.foo');
    expect(() => api.watch(PODS, { resourceVersion: 'abc' }, () => {})).toThrow(/invalid resource version/);
  });

  it('fans out cheaply to many watchers over many objects', () => {
    const api = newServer();
    for (let i = 0; i < 2000; i++) api.create(CONFIGMAPS, configMap(`c${i}`));
    let delivered = 0;
    for (let i = 0; i < 200; i++) api.watch(CONFIGMAPS, { resourceVersion: String(api.store.revision) }, () => delivered++);
    const start = performance.now();
    for (let i = 0; i < 500; i++) api.patch(CONFIGMAPS, 'default', `c${i}`, 'merge', { data: { v: '1' } });
    const elapsed = performance.now() - start;
    expect(delivered).toBe(200 * 500);
    expect(elapsed).toBeLessThan(1500);
  });
});
