// The outbox relay: every OUTBOX_INTERVAL_MS, take a batch of unpublished events, publish them,
// and delete them only after RabbitMQ has confirmed every one. If the broker is down, or restarts
// in the middle, the rows stay and the next round tries again: an event can be sent twice (the
// payments worker is idempotent), never lost.
import type pg from 'pg';
import type { Logger } from '../../shared/logger.ts';
import { inTransaction } from '../../shared/postgres.ts';

export interface OutboxEvent {
  id: string;
  routingKey: string;
  payload: unknown;
}

export interface OutboxSource {
  /** Calls `publish` with a batch; the batch is removed only if `publish` resolves. Returns the batch size. */
  drain(limit: number, publish: (events: OutboxEvent[]) => Promise<void>): Promise<number>;
  pending(): Promise<number>;
}

export class PostgresOutbox implements OutboxSource {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async drain(limit: number, publish: (events: OutboxEvent[]) => Promise<void>): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      // SKIP LOCKED: several orders replicas relay side by side without sending the same rows.
      const { rows } = await client.query<{ id: string; routing_key: string; payload: unknown }>(
        'SELECT id, routing_key, payload FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [limit],
      );
      if (rows.length > 0) {
        await publish(rows.map((r) => ({ id: r.id, routingKey: r.routing_key, payload: r.payload })));
        await client.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      }
      return rows.length;
    });
  }

  async pending(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox');
    return Number(rows[0]?.n ?? 0);
  }
}

export interface RelayOptions {
  source: OutboxSource;
  /** Publishes and resolves once the broker has confirmed all of them. */
  publish: (events: OutboxEvent[]) => Promise<void>;
  /** Whether publishing can be tried now (the broker connection is up). */
  canPublish: () => boolean;
  intervalMs: number;
  batchSize: number;
  log: Logger;
  onPending?: (count: number) => void;
}

export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private failing = false;
  private readonly options: RelayOptions;

  constructor(options: RelayOptions) {
    this.options = options;
  }

  start(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.options.intervalMs);
  }

  /** One round: publish batches until the outbox is empty or publishing fails. */
  async tick(): Promise<void> {
    const { source, log } = this.options;
    try {
      if (this.options.canPublish()) {
        while (!this.stopped && (await source.drain(this.options.batchSize, this.options.publish)) === this.options.batchSize);
      }
      if (this.failing) log.info('outbox relay publishing again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) log.warn({ err: (error as Error).message }, 'outbox relay cannot publish yet; events stay in the outbox');
      this.failing = true;
    }
    try {
      this.options.onPending?.(await source.pending());
    } catch {
      /* the database is down: the gauge keeps its last value */
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
