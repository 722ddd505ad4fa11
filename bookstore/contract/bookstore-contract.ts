// The Bookstore contract: what every image promises, checked over HTTP. It runs against the real
// services (bookstore/integration) and, later, against the simulator's behaviour models, so a lab
// behaves the same on both backends.
//   bookstoreContract(target)  — call inside a vitest file; it declares the tests.
import { describe, expect, it } from 'vitest';
import { answered, type ContractReply, type ContractResponse, type ContractService, type ContractTarget, type ServiceUnderTest } from './contract-target.ts';

const version = '9.9-contract';
const identityEnv = { APP_VERSION: version, COLOR: '#16a34a', SHUTDOWN_DELAY_SECONDS: '0' };

export function bookstoreContract(target: ContractTarget): void {
  /** The instances one test started; stopped when that test ends, so tests can run side by side. */
  class Session {
    readonly instances: ServiceUnderTest[] = [];

    async start(service: ContractService, env: Record<string, string> = {}): Promise<ServiceUnderTest> {
      const instance = await target.start(service, { ...identityEnv, ...env });
      this.instances.push(instance);
      return instance;
    }

    async started(service: ContractService, env: Record<string, string> = {}): Promise<ServiceUnderTest> {
      const s = await this.start(service, env);
      await until(`${service} to listen`, async () => typeof (await status(s, '/healthz')) === 'number');
      return s;
    }

    async ready(service: ContractService, env: Record<string, string> = {}): Promise<ServiceUnderTest> {
      const s = await this.started(service, env);
      await until(`${service} to be ready`, async () => (await status(s, '/readyz')) === 200);
      return s;
    }
  }

  const declared = new Set<string>();
  function check(name: string, body: (t: Session) => Promise<void>): void {
    declared.add(name);
    const limitation = target.limitations?.[name];
    if (limitation !== undefined) {
      it.skip(`${name} [not in this target: ${limitation}]`, () => {});
      return;
    }
    it(name, async () => {
      const session = new Session();
      try {
        await body(session);
      } finally {
        await Promise.all(session.instances.map((s) => s.stop()));
      }
    });
  }

  /** Polls until `check` passes (or fails after timeoutMs of target time). */
  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    for (let waited = 0; ; waited += 100) {
      if (await check()) return;
      if (waited >= timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await target.sleep(100);
    }
  }

  async function get(s: ServiceUnderTest, path: string, timeoutMs?: number): Promise<ContractResponse> {
    const reply = await s.request(path, { timeoutMs });
    if (!answered(reply)) throw new Error(`GET ${path}: ${reply.error}`);
    return reply;
  }

  const status = async (s: ServiceUnderTest, path: string, timeoutMs = 1000): Promise<number | string> => {
    const reply: ContractReply = await s.request(path, { timeoutMs });
    return answered(reply) ? reply.status : reply.error;
  };

  function expectIdentity(reply: ContractResponse, service: string): void {
    expect(reply.headers['x-app-version']).toBe(version);
    const pod = reply.headers['x-served-by'];
    expect(pod).toBeTruthy();
    if (reply.headers['content-type']?.includes('json')) {
      const body = JSON.parse(reply.body) as Record<string, unknown>;
      expect(body).toMatchObject({ service, pod, version });
    }
  }

  describe('every service', () => {
    for (const service of ['catalog', 'orders', 'payments-worker'] as const) {
      check(`${service}: /healthz, /readyz, /metrics and /api/info carry the pod and version`, async (t) => {
        const s = await t.ready(service);
        for (const path of ['/healthz', '/readyz', '/metrics', '/api/info']) expectIdentity(await get(s, path), service);
        const info = JSON.parse((await get(s, '/api/info')).body) as Record<string, unknown>;
        expect(info).toMatchObject({ color: '#16a34a', failureMode: 'none' });
        expect(info).toHaveProperty('namespace');
        const metrics = await get(s, '/metrics');
        expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
        expect(metrics.body).toMatch(new RegExp(`bookstore_app_info\\{[^}]*version="${version.replace(/\./g, '\\.')}"`));
        expect(metrics.body).toMatch(/http_requests_total\{[^}]*route="\/api\/info"/);
      });
    }

    check('an unknown path is a 404 that still says who answered', async (t) => {
      const s = await t.ready('catalog');
      const reply = await get(s, '/no/such/thing');
      expect(reply.status).toBe(404);
      expectIdentity(reply, 'catalog');
    });
  });

  describe.concurrent('readiness rules', () => {
    check('catalog: Postgres down means alive but not ready', async (t) => {
      const s = await t.started('catalog', { DATABASE_URL: target.unreachable.DATABASE_URL });
      expect(await status(s, '/healthz')).toBe(200);
      const reply = await get(s, '/readyz', 3000);
      expect(reply.status).toBe(503);
      expect(reply.body).toMatch(/"name":"postgres","ok":false,"required":true/);
    });

    check('catalog: Redis down is a cache miss, not an outage', async (t) => {
      const s = await t.ready('catalog', { REDIS_URL: target.unreachable.REDIS_URL });
      const books = await get(s, '/api/books?limit=3');
      expect(books.status).toBe(200);
      expect(books.headers['x-cache']).toBe('MISS');
      expect((JSON.parse(books.body) as { books: unknown[] }).books).toHaveLength(3);
      expect((await get(s, '/readyz')).body).toMatch(/"name":"redis","ok":false,"required":false/);
    });

    check('catalog: books come from the cache the second time', async (t) => {
      const s = await t.ready('catalog');
      const first = await get(s, '/api/books/b-002');
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body)).toMatchObject({ book: { id: 'b-002', title: 'Pride and Prejudice' } });
      expect((await get(s, '/api/books/b-002')).headers['x-cache']).toBe('HIT');
      expect((await get(s, '/api/books/no-such-book')).status).toBe(404);
    });

    check('orders: refuses readiness while its configuration is incomplete, and names what is missing', async (t) => {
      const s = await t.started('orders', { CATALOG_URL: '' });
      expect(await status(s, '/healthz')).toBe(200);
      const reply = await get(s, '/readyz');
      expect(reply.status).toBe(503);
      expect(reply.body).toContain('CATALOG_URL');
    });

    check('orders: RabbitMQ down still lets orders in (the outbox keeps the events)', async (t) => {
      const s = await t.ready('orders', { AMQP_URL: target.unreachable.AMQP_URL });
      expect((await get(s, '/readyz')).body).toMatch(/"name":"rabbitmq","ok":false,"required":false/);
    });

    check('payments-worker: not ready without RabbitMQ', async (t) => {
      const s = await t.started('payments-worker', { AMQP_URL: target.unreachable.AMQP_URL });
      expect(await status(s, '/healthz')).toBe(200);
      expect(await status(s, '/readyz')).toBe(503);
    });
  });

  describe.concurrent('failure switches (off unless set)', () => {
    check('FAIL_READINESS: /readyz fails, /healthz passes', async (t) => {
      const s = await t.started('catalog', { FAIL_READINESS: 'true' });
      expect(await status(s, '/readyz')).toBe(503);
      expect(await status(s, '/healthz')).toBe(200);
    });

    check('FAIL_LIVENESS: /healthz fails while the process runs on', async (t) => {
      const s = await t.started('catalog', { FAIL_LIVENESS: 'true' });
      expect(await status(s, '/healthz')).toBe(503);
      expect((await get(s, '/api/books?limit=1')).status).toBe(200);
    });

    check('EXTRA_LATENCY_MS: app routes are slow, probes are not', async (t) => {
      const s = await t.ready('catalog', { EXTRA_LATENCY_MS: '1000' });
      expect(await status(s, '/api/books?limit=1', 500)).toBe('timeout');
      expect(await status(s, '/healthz', 500)).toBe(200);
      expect(await status(s, '/api/books?limit=1', 3000)).toBe(200);
    });

    check('ERROR_RATE: app routes fail with 500, probes and metrics do not', async (t) => {
      const s = await t.ready('catalog', { ERROR_RATE: '1' });
      const reply = await get(s, '/api/books');
      expect(reply.status).toBe(500);
      expectIdentity(reply, 'catalog');
      expect(await status(s, '/metrics')).toBe(200);
    });

    check('CRASH_AFTER_SECONDS: exits with code 1', async (t) => {
      // Not waiting for ready: on a busy machine start-up can take longer than the crash delay.
      const s = await t.start('catalog', { CRASH_AFTER_SECONDS: '1' });
      await until('the crash', async () => s.exitCode() !== undefined, 10_000);
      expect(s.exitCode()).toBe(1);
    });

    check('FAILURE_MODE=never-ready: alive, never ready', async (t) => {
      const s = await t.started('catalog', { FAILURE_MODE: 'never-ready' });
      await target.sleep(1000);
      expect(await status(s, '/healthz')).toBe(200);
      const reply = await get(s, '/readyz');
      expect(reply.status).toBe(503);
      expect(reply.body).toContain('never-ready');
      expect(JSON.parse((await get(s, '/api/info')).body)).toMatchObject({ failureMode: 'never-ready' });
    });

    check('FAILURE_MODE=crash crashes after its default delay; CRASH_AFTER_SECONDS overrides it', async (t) => {
      const s = await t.start('catalog', { FAILURE_MODE: 'crash', CRASH_AFTER_SECONDS: '1' });
      await until('the crash', async () => s.exitCode() !== undefined, 10_000);
      expect(s.exitCode()).toBe(1);
    });

    check('DEADLOCK_AFTER_SECONDS: answers, then nothing answers, not even SIGTERM', async (t) => {
      const s = await t.ready('catalog', { DEADLOCK_AFTER_SECONDS: '1' });
      expect(await status(s, '/healthz')).toBe(200);
      await until('the deadlock', async () => (await status(s, '/healthz', 500)) === 'timeout', 10_000);
      expect(await status(s, '/readyz', 500)).toBe('timeout');
      s.terminate();
      await target.sleep(1000);
      expect(s.exitCode()).toBeUndefined();
    });

    check('STARTUP_DELAY_SECONDS: the port stays closed, then opens', async (t) => {
      const s = await t.start('catalog', { STARTUP_DELAY_SECONDS: '1.5' });
      await target.sleep(500);
      expect(await status(s, '/healthz')).toBe('refused');
      await until('the port to open', async () => (await status(s, '/healthz')) === 200, 10_000);
    });

  });

  // One at a time: these load the machine, which would skew the timing of the tests beside them.
  describe('resource switches', () => {
    check('CPU_BURN_THREADS: burns in worker threads, so probes keep answering', async (t) => {
      const s = await t.ready('catalog', { CPU_BURN_THREADS: '1' });
      await target.sleep(500);
      expect(await status(s, '/healthz', 500)).toBe(200);
      expect((await get(s, '/metrics')).body).toMatch(/bookstore_failure_switch\{[^}]*switch="CPU_BURN_THREADS"[^}]*\} 1/);
    });

    check('MEMORY_GROWTH_MB_PER_MINUTE: resident memory keeps growing', async (t) => {
      const s = await t.ready('catalog', { MEMORY_GROWTH_MB_PER_MINUTE: '3000' });
      const rss = async () => Number(/process_resident_memory_bytes(?:\{[^}]*\})? (\d+)/.exec((await get(s, '/metrics')).body)?.[1]);
      const before = await rss();
      await target.sleep(1500);
      expect((await rss()) - before).toBeGreaterThan(30 * 1024 * 1024);
    });
  });

  describe('graceful shutdown', () => {
    check('on SIGTERM: readiness fails at once, requests are still served, then exit 0', async (t) => {
      const s = await t.ready('catalog', { SHUTDOWN_DELAY_SECONDS: '1.5' });
      s.terminate();
      await target.sleep(200);
      expect(await status(s, '/readyz')).toBe(503);
      expect(await status(s, '/healthz')).toBe(200);
      expect(await status(s, '/api/books?limit=1')).toBe(200);
      await until('exit', async () => s.exitCode() !== undefined, 10_000);
      expect(s.exitCode()).toBe(0);
    });
  });

  it('lists only limitations that name a check', () => {
    expect(Object.keys(target.limitations ?? {}).filter((name) => !declared.has(name))).toEqual([]);
  });
}
