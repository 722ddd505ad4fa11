// Charging an order, at most once. The payments row (primary key: the order id) and the order's
// status change commit together; a redelivered event finds the row already there and charges nothing.
import type pg from 'pg';
import { inTransaction } from '../../shared/postgres.ts';

export type ChargeOutcome = 'charged' | 'already-charged' | 'unknown-order';

export interface PaymentLedger {
  charge(orderId: string, amountCents: number, chargedBy: string): Promise<ChargeOutcome>;
}

export class PostgresPaymentLedger implements PaymentLedger {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async charge(orderId: string, amountCents: number, chargedBy: string): Promise<ChargeOutcome> {
    return inTransaction(this.pool, async (client) => {
      const order = await client.query('SELECT 1 FROM orders WHERE id = $1', [orderId]);
      if (order.rowCount === 0) return 'unknown-order';
      const inserted = await client.query(
        'INSERT INTO payments (order_id, amount_cents, charged_by) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING',
        [orderId, amountCents, chargedBy],
      );
      if (inserted.rowCount === 0) return 'already-charged';
      await client.query("UPDATE orders SET status = 'paid', paid_at = now() WHERE id = $1", [orderId]);
      return 'charged';
    });
  }
}
