import { describe, expect, it } from 'vitest';
import { testContext } from '../../shared/test-context.ts';
import { OutboxRelay, type OutboxEvent, type OutboxSource } from './outbox.ts';

/** An outbox in memory with the same rule as Postgres: rows go only if publish resolves. */
function memoryOutbox(count: number): OutboxSource & { rows: OutboxEvent[] } {
  return {
    rows: Array.from({ length: count }, (_, i) => ({ id: String(i + 1), routingKey: 'order.created', payload: { orderId: `o${i + 1}` } })),
    async drain(limit, publish) {
      const batch = this.rows.slice(0, limit);
      if (batch.length) await publish(batch);
      this.rows.splice(0, batch.length);
      return batch.length;
    },
    async pending() {
      return this.rows.length;
    },
  };
}

describe('outbox relay', () => {
  it('keeps events while publishing fails and sends each once it works', async () => {
    const { ctx } = testContext('orders');
    const source = memoryOutbox(5);
    const published: string[] = [];
    let brokerUp = false;
    const pending: number[] = [];
    const relay = new OutboxRelay({
      source,
      publish: async (events) => {
        if (!brokerUp) throw new Error('channel closed');
        published.push(...events.map((e) => e.id));
      },
      canPublish: () => true,
      intervalMs: 10,
      batchSize: 2,
      log: ctx.log,
      onPending: (n) => pending.push(n),
    });
    await relay.tick();
    expect(source.rows).toHaveLength(5);
    brokerUp = true;
    await relay.tick();
    expect(published).toEqual(['1', '2', '3', '4', '5']);
    expect(pending).toEqual([5, 0]);
  });

  it('does not try while the broker connection is down', async () => {
    const { ctx } = testContext('orders');
    const source = memoryOutbox(1);
    let calls = 0;
    const relay = new OutboxRelay({ source, publish: async () => void calls++, canPublish: () => false, intervalMs: 10, batchSize: 10, log: ctx.log });
    await relay.tick();
    expect(calls).toBe(0);
    expect(source.rows).toHaveLength(1);
  });
});
