import { describe, expect, it } from 'vitest';
import { conflict } from '../machinery/errors.ts';
import { CONFIGMAPS, configMap, newServer } from '../machinery/test-kit.ts';
import type { VirtualClock } from '../machinery/clock.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { ControllerRuntime } from './runtime.ts';

function setup(controller: Controller, options: { max?: number } = {}) {
  const api = newServer();
  const clock = api.clock as VirtualClock;
  const runtime = new ControllerRuntime({ client: api, clock, random: api.random, maxReconcilesPerRun: options.max });
  runtime.add(controller);
  runtime.start();
  return { api, clock, runtime };
}

function recording(reconcile: (key: string, ctx: ControllerContext) => void = () => {}) {
  const calls: Array<{ key: string; at: number }> = [];
  const controller: Controller = {
    name: 'test-controller',
    watches: [{ resource: CONFIGMAPS, keysFor: (e) => [`${e.object.metadata.namespace}/${e.object.metadata.labels?.group ?? e.object.metadata.name}`] }],
    reconcile(key, ctx) {
      calls.push({ key, at: ctx.clock.now() });
      reconcile(key, ctx);
    },
  };
  return { controller, calls };
}

describe('controller runtime', () => {
  it('sees existing objects, and de-duplicates keys queued before a reconcile', () => {
    const { controller, calls } = recording();
    const api = newServer();
    api.create(CONFIGMAPS, configMap('pre'));
    const runtime = new ControllerRuntime({ client: api, clock: api.clock as VirtualClock, random: api.random });
    runtime.add(controller);
    runtime.start();
    for (let i = 0; i < 10; i++) api.create(CONFIGMAPS, { ...configMap(`c${i}`), metadata: { name: `c${i}`, namespace: 'default', labels: { group: 'g' } } });
    expect(runtime.pending()).toBe(2);
    expect(runtime.runUntilIdle()).toMatchObject({ reconciles: 2, idle: true });
    expect(calls.map((c) => c.key)).toEqual(['default/pre', 'default/g']);
  });

  it('requeueAfter fires on the virtual clock, in time order, earliest request winning', () => {
    const { controller, calls } = recording((key, ctx) => {
      if (key === 'default/a' && calls.filter((c) => c.key === key).length === 1) {
        ctx.requeueAfter(key, 5_000);
        ctx.requeueAfter(key, 3_000);
      }
      if (key === 'default/b' && calls.filter((c) => c.key === key).length === 1) ctx.requeueAfter(key, 1_000);
    });
    const { api, clock, runtime } = setup(controller);
    const start = clock.now();
    api.create(CONFIGMAPS, configMap('a'));
    api.create(CONFIGMAPS, configMap('b'));
    runtime.advance(10_000);
    expect(calls.map((c) => [c.key, c.at - start])).toEqual([
      ['default/a', 0],
      ['default/b', 0],
      ['default/b', 1_000],
      ['default/a', 3_000],
    ]);
    expect(clock.now() - start).toBe(10_000);
  });

  it('retries failed reconciles with growing backoff and keeps the others running', () => {
    let failuresLeft = 3;
    const { controller, calls } = recording((key) => {
      if (key === 'default/bad' && failuresLeft-- > 0) throw conflict({ group: '', resource: 'configmaps' }, 'bad');
      if (key === 'default/bug') throw new TypeError('controller bug');
    });
    const { api, clock, runtime } = setup(controller);
    const bugs: string[] = [];
    runtime.onBug = (name, key, error) => bugs.push(`${name} ${key} ${String(error)}`);
    const start = clock.now();
    api.create(CONFIGMAPS, configMap('bad'));
    api.create(CONFIGMAPS, configMap('good'));
    api.create(CONFIGMAPS, configMap('bug'));
    runtime.advance(1_000);
    const bad = calls.filter((c) => c.key === 'default/bad').map((c) => c.at - start);
    expect(bad).toEqual([0, 5, 15, 35]);
    expect(calls.some((c) => c.key === 'default/good')).toBe(true);
    expect(runtime.failures.some((f) => f.key === 'default/bug')).toBe(true);
    // Conflicts are normal; only the TypeError is a bug.
    expect(bugs.length).toBeGreaterThan(0);
    expect(bugs.every((b) => b === 'test-controller default/bug TypeError: controller bug')).toBe(true);
  });

  it('sends bugs to ControllerRuntime.reportBug when the runtime has no onBug (the test setup fails the test)', () => {
    const { controller } = recording(() => {
      throw new TypeError('controller bug');
    });
    const { api, runtime } = setup(controller);
    const reported: string[] = [];
    const before = ControllerRuntime.reportBug;
    ControllerRuntime.reportBug = (name, key) => reported.push(`${name} ${key}`);
    try {
      api.create(CONFIGMAPS, configMap('x'));
      runtime.runUntilIdle();
    } finally {
      ControllerRuntime.reportBug = before;
    }
    expect(reported).toEqual(['test-controller default/x']);
  });

  it('reports a hot loop instead of hanging', () => {
    const { controller } = recording((key, ctx) => {
      const cm = ctx.client.get<KubeObject>(CONFIGMAPS, 'default', key.split('/')[1]!);
      ctx.client.update(CONFIGMAPS, { ...cm, data: { n: String(Number((cm.data as Record<string, string> | undefined)?.n ?? 0) + 1) } });
    });
    const { api, runtime } = setup(controller, { max: 500 });
    api.create(CONFIGMAPS, configMap('loop'));
    const report = runtime.runUntilIdle();
    expect(report.idle).toBe(false);
    expect(report.reconciles).toBe(500);
    expect(report.busy).toEqual([{ controller: 'test-controller', queued: 1 }]);
  });

  it('runs a controller that coalesces bursts only once the others are idle, so a burst costs one sync', () => {
    const api = newServer();
    const runtime = new ControllerRuntime({ client: api, clock: api.clock as VirtualClock, random: api.random });
    // A writer makes ten configmaps, one per reconcile, all at the same instant.
    const writer: Controller = {
      name: 'writer',
      watches: [{ resource: CONFIGMAPS, keysFor: (e) => (e.object.metadata.name === 'seed' && e.type === 'ADDED' ? ['0'] : []) }],
      reconcile(key, ctx) {
        api.create(CONFIGMAPS, configMap(`w${key}`));
        if (Number(key) < 9) ctx.requeueAfter(String(Number(key) + 1), 0);
      },
    };
    const coalescing = recording();
    const eager = recording();
    runtime.add(writer);
    runtime.add({ ...coalescing.controller, name: 'coalescing', coalesceBursts: true, watches: [{ resource: CONFIGMAPS, keysFor: () => ['default/all'] }] });
    runtime.add({ ...eager.controller, name: 'eager', watches: [{ resource: CONFIGMAPS, keysFor: () => ['default/all'] }] });
    runtime.start();
    api.create(CONFIGMAPS, configMap('seed'));
    runtime.runUntilIdle();
    expect(api.list(CONFIGMAPS, { namespace: 'default' }).items).toHaveLength(11);
    expect(coalescing.calls).toHaveLength(1);
    expect(eager.calls.length).toBeGreaterThan(5);
  });

  it('tick catches the virtual clock up with a real-time driver', () => {
    const { controller } = recording();
    const { clock, runtime } = setup(controller);
    const start = clock.now();
    runtime.tick(start + 250);
    runtime.tick(start + 100); // the past: nothing moves back
    expect(clock.now()).toBe(start + 250);
  });

  it('records events like client-go: named <object>.<hex>, repeats counted', () => {
    const { controller } = recording((key, ctx) => {
      const cm = ctx.client.get<KubeObject>(CONFIGMAPS, 'default', key.split('/')[1]!);
      ctx.recorder.event(cm, 'Warning', 'Failed', 'it broke');
      ctx.recorder.event(cm, 'Warning', 'Failed', 'it broke');
      ctx.recorder.event(cm, 'Normal', 'Fine', 'ok', { fieldPath: 'spec.containers{web}', host: 'node-1' });
    });
    const { api, runtime } = setup(controller);
    api.create(CONFIGMAPS, configMap('x'));
    runtime.runUntilIdle();
    const events = api.list<KubeObject>({ resource: 'events' }).items;
    expect(events).toHaveLength(2);
    const failed = events.find((e) => e.reason === 'Failed')!;
    expect(failed.metadata.name).toMatch(/^x\.[0-9a-f]{16}$/);
    expect(failed).toMatchObject({
      count: 2,
      type: 'Warning',
      source: { component: 'test-controller' },
      reportingComponent: 'test-controller',
      involvedObject: { kind: 'ConfigMap', name: 'x', namespace: 'default', apiVersion: 'v1' },
      firstTimestamp: '2025-01-01T00:00:00Z',
    });
    const fine = events.find((e) => e.reason === 'Fine')!;
    expect(fine).toMatchObject({ count: 1, source: { component: 'test-controller', host: 'node-1' }, involvedObject: { fieldPath: 'spec.containers{web}' } });
  });
});
