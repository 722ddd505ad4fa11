import { describe, expect, it } from 'vitest';
import { testContext } from '../../shared/test-context.ts';
import { handlePaymentMessage } from './payment-handler.ts';
import type { ChargeOutcome, PaymentLedger } from './payment-ledger.ts';

/** A ledger with the idempotency rule of the real one: one charge per order id. */
function memoryLedger(): PaymentLedger & { charged: Map<string, number>; down: boolean } {
  return {
    charged: new Map(),
    down: false,
    async charge(orderId, amount): Promise<ChargeOutcome> {
      if (this.down) throw new Error('connection refused');
      if (this.charged.has(orderId)) return 'already-charged';
      this.charged.set(orderId, amount);
      return 'charged';
    },
  };
}

const event = (orderId: string) => Buffer.from(JSON.stringify({ type: 'order.created', orderId, totalCents: 999, email: 'a@b.c', createdAt: 'now' }));

describe('handling one payment message', () => {
  const { ctx } = testContext('payments-worker');
  const options = (ledger: PaymentLedger) => ({ ledger, pod: 'w-1', delayMs: 0, log: ctx.log });

  it('charges once and acks; a redelivery is acked without a second charge', async () => {
    const ledger = memoryLedger();
    expect(await handlePaymentMessage(event('o1'), false, options(ledger))).toEqual({ action: 'ack', outcome: 'charged' });
    expect(await handlePaymentMessage(event('o1'), true, options(ledger))).toEqual({ action: 'ack', outcome: 'already-charged' });
    expect([...ledger.charged]).toEqual([['o1', 999]]);
  });

  it('retries while the database is down', async () => {
    const ledger = memoryLedger();
    ledger.down = true;
    expect(await handlePaymentMessage(event('o1'), false, options(ledger))).toMatchObject({ action: 'retry' });
  });

  it('drops what can never be processed', async () => {
    expect(await handlePaymentMessage(Buffer.from('not json'), false, options(memoryLedger()))).toMatchObject({ action: 'drop' });
    expect(await handlePaymentMessage(Buffer.from('{"type":"order.cancelled"}'), false, options(memoryLedger()))).toMatchObject({ action: 'drop' });
  });
});
