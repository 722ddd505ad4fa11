import { describe, expect, it } from 'vitest';
import { reply } from './service-app.ts';
import { testContext } from './test-context.ts';

describe('the shared service app', () => {
  it('names the pod and version in headers and JSON on every route, including 404s', async () => {
    const { app } = testContext('catalog');
    for (const path of ['/healthz', '/readyz', '/api/info', '/nope']) {
      const res = await app.request(path);
      expect(res.headers.get('X-Served-By')).toBe('catalog-abc');
      expect(res.headers.get('X-App-Version')).toBe('1.2.3');
      expect(await res.json()).toMatchObject({ service: 'catalog', pod: 'catalog-abc', version: '1.2.3' });
    }
  });

  it('readiness waits for start-up and fails during shutdown; liveness does not', async () => {
    const { app, ctx } = testContext('catalog');
    expect((await app.request('/readyz')).status).toBe(503);
    ctx.health.markStarted();
    expect((await app.request('/readyz')).status).toBe(200);
    ctx.health.beginShutdown();
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).toContain('shutting down');
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('ERROR_RATE fails only the requests the dice pick, and only on /api/ routes', async () => {
    const rolls = [0.1, 0.9];
    const { app } = testContext('catalog', { ERROR_RATE: '0.5' }, { random: () => rolls.shift() ?? 0 });
    app.get('/api/things', (c) => c.json({ ok: true }));
    expect((await app.request('/api/things')).status).toBe(500);
    expect((await app.request('/api/things')).status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/api/info')).status).toBe(200);
  });

  it('EXTRA_LATENCY_MS delays /api/ routes, not probes', async () => {
    const waits: number[] = [];
    const { app } = testContext('catalog', { EXTRA_LATENCY_MS: '250' }, { sleep: async (ms) => void waits.push(ms) });
    app.get('/api/things', (c) => c.json({ ok: true }));
    await app.request('/healthz');
    expect(waits).toEqual([]);
    await app.request('/api/things');
    expect(waits).toEqual([250]);
  });

  it('counts requests by route template, not raw path', async () => {
    const { app, ctx } = testContext('catalog');
    app.get('/api/books/:id', (c) => reply(c, ctx.identity, { id: c.req.param('id') }));
    await app.request('/api/books/1');
    await app.request('/api/books/2');
    await app.request('/no/such/path');
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/api\/books\/:id",status="200",service="catalog"\} 2/);
    expect(metrics).toMatch(/route="unmatched",status="404"/);
    expect(metrics).toMatch(/bookstore_app_info\{version="1.2.3",pod="catalog-abc",service="catalog"\} 1/);
  });

  it('logs one JSON line per request, probes at debug', async () => {
    const { app, lines } = testContext('catalog');
    await app.request('/api/info');
    await app.request('/healthz');
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.route, l.level])).toEqual([['/api/info', 30], ['/healthz', 20]]);
    expect(requests[0]).toMatchObject({ service: 'catalog', pod: 'catalog-abc', version: '1.2.3', status: 200 });
  });

  it('/api/info lists the failure switches that are on', async () => {
    const { app } = testContext('catalog', { FAILURE_MODE: 'deadlock' });
    expect(await (await app.request('/api/info')).json()).toMatchObject({ failureMode: 'deadlock', failureSwitches: { DEADLOCK_AFTER_SECONDS: 30 } });
  });
});
