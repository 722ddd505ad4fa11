// The real services against real Postgres, Redis and RabbitMQ: the contract suite, an order placed
// end to end, and each dependency restarted mid-test with no order lost and none charged twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bookstoreContract } from '../contract/bookstore-contract.ts';
import { eventually, ServiceProcess } from '../testing/service-process.ts';
import { httpRequest, processTarget } from './process-target.ts';
import { IntegrationStack, integrationSkipReason } from './stack.ts';

const skip = integrationSkipReason();
if (skip) console.warn(`bookstore integration tests skipped: ${skip}`);

describe.skipIf(skip)('bookstore services on real Postgres, Redis and RabbitMQ', { timeout: 90_000 }, () => {
  const stack = new IntegrationStack();
  let catalog: ServiceProcess;
  const urls = { databaseUrl: '', redisUrl: '', amqpUrl: '', catalogUrl: '' };

  beforeAll(async () => {
    await stack.start();
    const { postgres, redis, rabbitmq } = stack.services;
    Object.assign(urls, { databaseUrl: postgres.url, redisUrl: redis.url, amqpUrl: rabbitmq.url });
    catalog = await ServiceProcess.start('catalog', { DATABASE_URL: postgres.url, REDIS_URL: redis.url });
    urls.catalogUrl = catalog.url;
  }, 90_000);

  afterAll(async () => {
    await catalog?.stop();
    await stack.stop();
  }, 30_000);

  describe('contract', () => {
    // The target reads `urls` lazily, after beforeAll has filled it in.
    bookstoreContract({
      ...processTarget(urls),
      start: (service, env) => processTarget(urls).start(service, env),
    });
  });

  describe('orders end to end', () => {
    const running: ServiceProcess[] = [];
    const startService = async (...args: Parameters<typeof ServiceProcess.start>) => {
      const s = await ServiceProcess.start(...args);
      running.push(s);
      return s;
    };

    async function placeOrder(orders: ServiceProcess, bookId = 'b-004', quantity = 1): Promise<string | undefined> {
      const reply = await httpRequest(orders.url, '/api/orders', { method: 'POST', body: { email: 'reader@example.com', items: [{ bookId, quantity }] }, timeoutMs: 5000 });
      if (!('status' in reply) || reply.status !== 201) return undefined;
      return (JSON.parse(reply.body) as { order: { id: string } }).order.id;
    }

    async function expectAllPaidOnce(ids: string[], timeoutMs = 30_000): Promise<void> {
      await eventually(async () => {
        const { rows } = await stack.db.query<{ n: string }>("SELECT count(*) AS n FROM orders WHERE id = ANY($1::uuid[]) AND status = 'paid'", [ids]);
        return Number(rows[0]?.n) === ids.length ? true : undefined;
      }, timeoutMs, `${ids.length} orders paid`);
      const { rows } = await stack.db.query<{ order_id: string; amount_cents: number }>('SELECT order_id, amount_cents FROM payments WHERE order_id = ANY($1::uuid[])', [ids]);
      expect(rows).toHaveLength(ids.length);
    }

    /** How many charges the workers made, from their own logs: a second charge would show here. */
    const charges = (workers: ServiceProcess[], ids: string[]) =>
      workers.flatMap((w) => w.logs).filter((l) => l.msg === 'payment charged' && ids.includes(l.order_id as string)).length;

    /** Log lines arrive a moment after the database commit: wait for them, then allow no extra. */
    async function expectCharges(workers: ServiceProcess[], ids: string[]): Promise<void> {
      await eventually(async () => (charges(workers, ids) >= ids.length ? true : undefined), 10_000, 'charge log lines');
      await new Promise((r) => setTimeout(r, 300));
      expect(charges(workers, ids)).toBe(ids.length);
    }

    async function startApp() {
      const env = { DATABASE_URL: urls.databaseUrl, AMQP_URL: urls.amqpUrl };
      const orders = await startService('orders', { ...env, CATALOG_URL: urls.catalogUrl, OUTBOX_INTERVAL_MS: '100' });
      const workers = [
        await startService('payments-worker', { ...env, PAYMENT_DELAY_MS: '20', RETRY_DELAY_MS: '200' }),
        await startService('payments-worker', { ...env, PAYMENT_DELAY_MS: '20', RETRY_DELAY_MS: '200' }),
      ];
      for (const s of [orders, ...workers]) {
        await eventually(async () => ((await fetch(`${s.url}/readyz`)).status === 200 ? true : undefined), 30_000, `${s.port} ready`);
      }
      return { orders, workers };
    }

    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.stop()));
    });

    it('an order is stored, its event published, and it is paid exactly once', async () => {
      const { orders, workers } = await startApp();
      const ids = (await Promise.all(Array.from({ length: 10 }, () => placeOrder(orders)))).filter((id): id is string => !!id);
      expect(ids).toHaveLength(10);
      await expectAllPaidOnce(ids);
      await expectCharges(workers, ids);
      const order = JSON.parse(await (await fetch(`${orders.url}/api/orders/${ids[0]}`)).text()) as { order: { status: string; totalCents: number } };
      expect(order.order).toMatchObject({ status: 'paid', totalCents: 799 });
      const { rows } = await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM outbox');
      expect(Number(rows[0]?.n)).toBe(0);
    });

    it('a redelivered event charges nothing: a worker killed mid-payment leaves the message to another', async () => {
      const env = { DATABASE_URL: urls.databaseUrl, AMQP_URL: urls.amqpUrl };
      const { orders, workers } = await startApp();
      // A slow worker takes the next message and is killed before it acks.
      await Promise.all(workers.map((w) => w.stop()));
      const slow = await startService('payments-worker', { ...env, PAYMENT_DELAY_MS: '60000' });
      await eventually(async () => ((await fetch(`${slow.url}/readyz`)).status === 200 ? true : undefined), 15_000, 'slow worker ready');
      const id = await placeOrder(orders);
      expect(id).toBeDefined();
      const inFlight = async () => (await (await fetch(`${slow.url}/metrics`)).text()).includes('bookstore_consumer_in_flight{service="payments-worker"} 1');
      await eventually(async () => ((await inFlight()) ? true : undefined), 10_000, 'message in flight');
      slow.signal('SIGKILL');
      const fresh = await startService('payments-worker', { ...env, PAYMENT_DELAY_MS: '0' });
      await expectAllPaidOnce([id!]);
      await eventually(async () => (fresh.hasLog((l) => l.msg === 'payment charged' && l.order_id === id && l.redelivered === true) ? true : undefined), 10_000, 'the redelivered charge');
      await expectCharges([slow, fresh], [id!]);
    });

    it('a duplicate event for a paid order is acknowledged without a second charge', async () => {
      const { orders, workers } = await startApp();
      const id = await placeOrder(orders);
      await expectAllPaidOnce([id!]);
      // Put the same event back in the outbox, as a relay that crashed after publishing would.
      const { rows } = await stack.db.query<{ total_cents: number; email: string; created_at: Date }>('SELECT total_cents, email, created_at FROM orders WHERE id = $1', [id]);
      const event = { type: 'order.created', orderId: id, totalCents: rows[0]!.total_cents, email: rows[0]!.email, createdAt: rows[0]!.created_at.toISOString() };
      await stack.db.query('INSERT INTO outbox (routing_key, payload) VALUES ($1, $2)', ['order.created', JSON.stringify(event)]);
      await eventually(async () => (workers.some((w) => w.hasLog((l) => l.order_id === id && l.outcome === 'already-charged')) ? true : undefined), 10_000, 'duplicate seen');
      await expectCharges(workers, [id!]);
    });

    it('RabbitMQ restart: orders keep coming in, wait in the outbox, and are all paid once it is back', async () => {
      const { orders, workers } = await startApp();
      const before = await placeOrder(orders);
      await stack.services.rabbitmq.stop();
      const during = await Promise.all(Array.from({ length: 5 }, () => placeOrder(orders)));
      expect(during.every(Boolean)).toBe(true);
      await eventually(async () => (/bookstore_outbox_pending\{[^}]*\} [1-9]/.test(await (await fetch(`${orders.url}/metrics`)).text()) ? true : undefined), 10_000, 'pending events');
      await stack.services.rabbitmq.start();
      const after = await placeOrder(orders);
      const ids = [before, ...during, after].filter((id): id is string => !!id);
      expect(ids).toHaveLength(7);
      await expectAllPaidOnce(ids, 45_000);
      await expectCharges(workers, ids);
      for (const s of [orders, ...workers]) expect(s.running).toBe(true);
    }, 120_000);

    it('Postgres restart: accepted orders are all paid once, and no service dies', async () => {
      const { orders, workers } = await startApp();
      const accepted: string[] = [];
      let placing = true;
      const placer = (async () => {
        while (placing) {
          const id = await placeOrder(orders);
          if (id) accepted.push(id);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await new Promise((r) => setTimeout(r, 500));
      await stack.services.postgres.restart(1500);
      // Orders come in again once the pools have replaced their dead connections.
      const afterRestart = accepted.length;
      await eventually(async () => (accepted.length >= afterRestart + 3 ? true : undefined), 10_000, 'orders accepted after the restart');
      placing = false;
      await placer;
      await expectAllPaidOnce(accepted);
      await expectCharges(workers, accepted);
      for (const s of [orders, ...workers, catalog]) expect(s.running, JSON.stringify(s.logs.slice(-2))).toBe(true);
      await eventually(async () => ((await fetch(`${catalog.url}/readyz`)).status === 200 ? true : undefined), 10_000, 'catalog ready again');
    });

    it('Redis restart: the catalog answers throughout, from the cache again once Redis is back', async () => {
      const first = await httpRequest(catalog.url, '/api/books?limit=4');
      expect('status' in first && first.status).toBe(200);
      await stack.services.redis.stop();
      const during = await httpRequest(catalog.url, '/api/books?limit=4', { timeoutMs: 1500 });
      expect('status' in during && during.status).toBe(200);
      expect('headers' in during && during.headers['x-cache']).toBe('MISS');
      await stack.services.redis.start();
      await eventually(async () => {
        await httpRequest(catalog.url, '/api/books?limit=4');
        const reply = await httpRequest(catalog.url, '/api/books?limit=4');
        return 'headers' in reply && reply.headers['x-cache'] === 'HIT' ? true : undefined;
      }, 15_000, 'cache hits again');
    });
  });
});
