// payments-worker: takes order.created events off the queue and charges each order once.
// No traffic of its own; it serves only /healthz, /readyz, /metrics and /api/info.
// Ready when it is consuming from RabbitMQ and Postgres answers.
import amqp from 'amqplib';
import { AmqpLink } from '../../shared/amqp-link.ts';
import { readInteger, readOptionalString } from '../../shared/config.ts';
import { createPool, databaseSettingsFromEnv, postgresCheck } from '../../shared/postgres.ts';
import { runService } from '../../shared/run-service.ts';
import { createServiceApp, serviceContextFromEnv } from '../../shared/service-app.ts';
import { PostgresPaymentLedger } from './payment-ledger.ts';
import { PaymentsConsumer } from './payments-consumer.ts';

const env = process.env;
const ctx = serviceContextFromEnv('payments-worker', env);
const { identity, log, switches, health, metrics } = ctx;
const app = createServiceApp(ctx);

const database = databaseSettingsFromEnv(env);
const amqpUrl = readOptionalString(env, 'AMQP_URL');
const closers: { name: string; close: () => Promise<void> }[] = [];
let startConsuming = () => {};

if (!database || !amqpUrl) {
  const missing = [!database && 'DATABASE_URL or PGHOST', !amqpUrl && 'AMQP_URL'].filter(Boolean).join(', ');
  log.error({ missing }, 'configuration incomplete: the worker will not become ready');
  health.addDependency('config', async () => Promise.reject(new Error(`missing settings: ${missing}`)), { required: true });
}

if (database && amqpUrl) {
  const pool = createPool(database, log);
  const consumer = new PaymentsConsumer({
    ledger: new PostgresPaymentLedger(pool),
    pod: identity.pod,
    delayMs: readInteger(env, 'PAYMENT_DELAY_MS', 300, { min: 0 }),
    prefetch: readInteger(env, 'PREFETCH', 5, { min: 1, max: 1000 }),
    retryDelayMs: readInteger(env, 'RETRY_DELAY_MS', 1000, { min: 0 }),
    log,
    registry: metrics.registry,
  });
  const link = new AmqpLink({ url: amqpUrl, log, connect: (url) => amqp.connect(url), setup: (c) => consumer.attach(c), onLost: () => consumer.detach() });
  health.addDependency('postgres', postgresCheck(pool), { required: true });
  health.addDependency('rabbitmq', async () => {
    if (!link.isOpen || !consumer.consuming) throw new Error('not consuming: reconnecting to rabbitmq');
  }, { required: true });
  closers.push({ name: 'consumer', close: () => consumer.stop() }, { name: 'rabbitmq', close: () => link.close() }, { name: 'postgres', close: () => pool.end() });
  startConsuming = () => link.start();
}

await runService({ app, env, health, log, switches, closers, start: async () => startConsuming() });
