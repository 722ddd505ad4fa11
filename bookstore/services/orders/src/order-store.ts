// Orders and their events in Postgres. `create` writes the order, its items and an outbox row in
// one transaction: either all of it exists or none of it, so no order is ever left without its event.
import type pg from 'pg';
import { orderCreatedKey, type OrderCreatedEvent } from '../../shared/events.ts';
import { inTransaction } from '../../shared/postgres.ts';

export interface OrderItem {
  bookId: string;
  title: string;
  quantity: number;
  priceCents: number;
}

export interface Order {
  id: string;
  email: string;
  status: 'pending' | 'paid';
  totalCents: number;
  items: OrderItem[];
  createdBy: string;
  createdAt: string;
  paidAt: string | null;
}

export interface OrderStore {
  create(order: Order, event: OrderCreatedEvent): Promise<void>;
  get(id: string): Promise<Order | undefined>;
  listByEmail(email: string): Promise<Order[]>;
}

interface OrderRow {
  id: string;
  email: string;
  status: 'pending' | 'paid';
  total_cents: number;
  created_by: string;
  created_at: Date;
  paid_at: Date | null;
  items: { bookId: string; title: string; quantity: number; priceCents: number }[] | null;
}

const selectOrders = `
  SELECT o.id, o.email, o.status, o.total_cents, o.created_by, o.created_at, o.paid_at,
         json_agg(json_build_object('bookId', i.book_id, 'title', i.title, 'quantity', i.quantity, 'priceCents', i.price_cents)
                  ORDER BY i.book_id) AS items
    FROM orders o LEFT JOIN order_items i ON i.order_id = o.id`;

function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    totalCents: row.total_cents,
    items: (row.items ?? []).filter((i) => i.bookId !== null),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    paidAt: row.paid_at ? row.paid_at.toISOString() : null,
  };
}

export class PostgresOrderStore implements OrderStore {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async create(order: Order, event: OrderCreatedEvent): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO orders (id, email, status, total_cents, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        order.id,
        order.email,
        order.status,
        order.totalCents,
        order.createdBy,
        order.createdAt,
      ]);
      for (const item of order.items) {
        await client.query('INSERT INTO order_items (order_id, book_id, title, quantity, price_cents) VALUES ($1, $2, $3, $4, $5)', [
          order.id,
          item.bookId,
          item.title,
          item.quantity,
          item.priceCents,
        ]);
      }
      await client.query('INSERT INTO outbox (routing_key, payload) VALUES ($1, $2)', [orderCreatedKey, JSON.stringify(event)]);
    });
  }

  async get(id: string): Promise<Order | undefined> {
    const { rows } = await this.pool.query<OrderRow>(`${selectOrders} WHERE o.id = $1 GROUP BY o.id`, [id]);
    return rows[0] ? toOrder(rows[0]) : undefined;
  }

  async listByEmail(email: string): Promise<Order[]> {
    const { rows } = await this.pool.query<OrderRow>(`${selectOrders} WHERE o.email = $1 GROUP BY o.id ORDER BY o.created_at DESC LIMIT 50`, [email]);
    return rows.map(toOrder);
  }
}
