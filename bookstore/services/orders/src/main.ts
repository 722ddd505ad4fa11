// orders: stores orders with their events (outbox) and relays the events to RabbitMQ.
// Ready when its configuration is complete and Postgres answers; RabbitMQ may be down (the
// outbox keeps the events until it is back).
import amqp from 'amqplib';
import { Gauge } from 'prom-client';
import { AmqpLink } from '../../shared/amqp-link.ts';
import { readInteger, readOptionalString } from '../../shared/config.ts';
import { createPool, databaseSettingsFromEnv, postgresCheck } from '../../shared/postgres.ts';
import { runService } from '../../shared/run-service.ts';
import { createServiceApp, serviceContextFromEnv } from '../../shared/service-app.ts';
import { httpCatalogClient } from './catalog-client.ts';
import { ConfirmingPublisher } from './event-publisher.ts';
import { addOrdersRoutes } from './orders-app.ts';
import { PostgresOrderStore } from './order-store.ts';
import { OutboxRelay, PostgresOutbox } from './outbox.ts';
import { missingOrdersConfig } from './required-config.ts';

const env = process.env;
const ctx = serviceContextFromEnv('orders', env);
const { log, switches, health, metrics } = ctx;
const app = createServiceApp(ctx);

// Without its settings orders stays alive but refuses readiness, and says which ones are missing.
const missing = missingOrdersConfig(env);
health.addDependency('config', async () => {
  if (missing.length) throw new Error(`missing settings: ${missing.join(', ')}`);
}, { required: true });
if (missing.length) log.error({ missing }, 'configuration incomplete: orders will not become ready');

const database = databaseSettingsFromEnv(env);
const pool = database ? createPool(database, log) : undefined;
const catalogUrl = readOptionalString(env, 'CATALOG_URL') ?? 'http://catalog';
const amqpUrl = readOptionalString(env, 'AMQP_URL');
const publisher = new ConfirmingPublisher();
const link = amqpUrl
  ? new AmqpLink({ url: amqpUrl, log, connect: (url) => amqp.connect(url), setup: (c) => publisher.attach(c), onLost: () => publisher.detach() })
  : undefined;
const closers: { name: string; close: () => Promise<void> }[] = [];
let relay: OutboxRelay | undefined;

if (pool) {
  health.addDependency('postgres', postgresCheck(pool), { required: true });
  const pending = new Gauge({ name: 'bookstore_outbox_pending', help: 'Events stored but not yet confirmed by RabbitMQ.', registers: [metrics.registry] });
  relay = new OutboxRelay({
    source: new PostgresOutbox(pool),
    publish: (events) => publisher.publish(events),
    canPublish: () => publisher.ready,
    intervalMs: readInteger(env, 'OUTBOX_INTERVAL_MS', 500, { min: 10 }),
    batchSize: 50,
    log,
    onPending: (n) => pending.set(n),
  });
}
const noDatabase = () => Promise.reject(new Error('no database configured'));
addOrdersRoutes(app, ctx, {
  store: pool ? new PostgresOrderStore(pool) : { create: noDatabase, get: noDatabase, listByEmail: noDatabase },
  catalog: httpCatalogClient(catalogUrl, readInteger(env, 'CATALOG_TIMEOUT_MS', 1000, { min: 1 })),
});
if (link) {
  health.addDependency('rabbitmq', async () => {
    if (!link.isOpen) throw new Error('not connected: events wait in the outbox');
  }, { required: false });
}
const stoppableRelay = relay;
if (stoppableRelay) closers.push({ name: 'outbox relay', close: () => stoppableRelay.stop() });
if (link) closers.push({ name: 'rabbitmq', close: () => link.close() });
if (pool) closers.push({ name: 'postgres', close: () => pool.end() });

await runService({
  app,
  env,
  health,
  log,
  switches,
  closers,
  start: async () => {
    link?.start();
    relay?.start();
  },
});
