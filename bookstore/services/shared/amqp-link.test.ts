import { EventEmitter } from 'node:events';
import type { ChannelModel } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { AmqpLink } from './amqp-link.ts';
import { testContext } from './test-context.ts';

class FakeConnection extends EventEmitter {
  closed = false;
  async close() {
    this.closed = true;
  }
}

describe('AmqpLink', () => {
  it('backs off exponentially, with a cap', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 10].map((n) => AmqpLink.backoff(n, 100, 1000, mid))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('retries until the broker answers, runs setup again after a lost connection, and reports readiness', async () => {
    const { ctx } = testContext('orders');
    const connections: FakeConnection[] = [];
    let failures = 2;
    let setups = 0;
    const link = new AmqpLink({
      url: 'amqp://x',
      log: ctx.log,
      initialDelayMs: 1,
      maxDelayMs: 5,
      connect: async () => {
        if (failures-- > 0) throw new Error('ECONNREFUSED');
        const c = new FakeConnection();
        connections.push(c);
        return c as unknown as ChannelModel;
      },
      setup: async () => void setups++,
    });
    link.start();
    await waitFor(() => link.isOpen);
    expect(setups).toBe(1);
    connections[0]!.emit('close');
    expect(link.isOpen).toBe(false);
    await waitFor(() => link.isOpen);
    expect(setups).toBe(2);
    await link.close();
    expect(connections[1]!.closed).toBe(true);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}
