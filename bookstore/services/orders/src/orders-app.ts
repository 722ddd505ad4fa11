// The orders HTTP routes: place an order (priced by the catalog), read one, list by email.
import type { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import { reply, type ServiceContext } from '../../shared/service-app.ts';
import type { OrderCreatedEvent } from '../../shared/events.ts';
import { CatalogUnavailableError, type CatalogClient } from './catalog-client.ts';
import type { Order, OrderItem, OrderStore } from './order-store.ts';

export interface OrdersDeps {
  store: OrderStore;
  catalog: CatalogClient;
  now?: () => Date;
  newId?: () => string;
}

export interface OrderRequest {
  email: string;
  items: { bookId: string; quantity: number }[];
}

/** Checks the body of POST /api/orders; returns the problem in words, or the cleaned request. */
export function parseOrderRequest(body: unknown): OrderRequest | string {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const { email, items } = body as { email?: unknown; items?: unknown };
  if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) return 'email must be an email address';
  if (!Array.isArray(items) || items.length === 0 || items.length > 20) return 'items must be a list of 1 to 20 books';
  const quantities = new Map<string, number>();
  for (const item of items as unknown[]) {
    const { bookId, quantity } = (item ?? {}) as { bookId?: unknown; quantity?: unknown };
    if (typeof bookId !== 'string' || bookId === '') return 'each item needs a bookId';
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 10) return 'each quantity must be a whole number from 1 to 10';
    quantities.set(bookId, (quantities.get(bookId) ?? 0) + (quantity as number));
  }
  return { email, items: [...quantities].map(([bookId, quantity]) => ({ bookId, quantity })) };
}

export function addOrdersRoutes(app: Hono, ctx: ServiceContext, deps: OrdersDeps): void {
  const { identity, log } = ctx;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const created = new Counter({ name: 'bookstore_orders_created_total', help: 'Orders stored.', registers: [ctx.metrics.registry] });

  app.post('/api/orders', async (c) => {
    const parsed = parseOrderRequest(await c.req.json().catch(() => undefined));
    if (typeof parsed === 'string') return reply(c, identity, { error: parsed }, 400);

    const items: OrderItem[] = [];
    try {
      for (const { bookId, quantity } of parsed.items) {
        const book = await deps.catalog.book(bookId, c.req.header('x-request-id'));
        if (!book) return reply(c, identity, { error: `no book with id ${bookId}` }, 422);
        items.push({ bookId, title: book.title, quantity, priceCents: book.priceCents });
      }
    } catch (error) {
      if (error instanceof CatalogUnavailableError) {
        log.warn({ err: error.message }, 'catalog unavailable');
        return reply(c, identity, { error: 'the catalog is not answering; try again' }, 503);
      }
      throw error;
    }

    const order: Order = {
      id: newId(),
      email: parsed.email,
      status: 'pending',
      totalCents: items.reduce((sum, i) => sum + i.priceCents * i.quantity, 0),
      items,
      createdBy: identity.pod,
      createdAt: now().toISOString(),
      paidAt: null,
    };
    const event: OrderCreatedEvent = { type: 'order.created', orderId: order.id, totalCents: order.totalCents, email: order.email, createdAt: order.createdAt };
    try {
      await deps.store.create(order, event);
    } catch (error) {
      log.error({ err: (error as Error).message }, 'order not stored');
      return reply(c, identity, { error: 'the order could not be stored; nothing was charged, try again' }, 503);
    }
    created.inc();
    log.info({ order_id: order.id, total_cents: order.totalCents }, 'order stored');
    return reply(c, identity, { order }, 201);
  });

  app.get('/api/orders/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(id)) return reply(c, identity, { error: `no order with id ${id}` }, 404);
    const order = await deps.store.get(id);
    if (!order) return reply(c, identity, { error: `no order with id ${id}` }, 404);
    return reply(c, identity, { order });
  });

  app.get('/api/orders', async (c) => {
    const email = c.req.query('email');
    if (!email) return reply(c, identity, { error: 'add ?email= to list orders' }, 400);
    return reply(c, identity, { orders: await deps.store.listByEmail(email) });
  });
}
