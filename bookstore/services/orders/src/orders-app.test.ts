import { describe, expect, it } from 'vitest';
import type { OrderCreatedEvent } from '../../shared/events.ts';
import { testContext } from '../../shared/test-context.ts';
import { CatalogUnavailableError, type CatalogClient } from './catalog-client.ts';
import { addOrdersRoutes, parseOrderRequest } from './orders-app.ts';
import type { Order, OrderStore } from './order-store.ts';

function memoryStore(): OrderStore & { saved: [Order, OrderCreatedEvent][]; fail: boolean } {
  return {
    saved: [],
    fail: false,
    async create(order, event) {
      if (this.fail) throw new Error('connection terminated');
      this.saved.push([order, event]);
    },
    async get(id) {
      return this.saved.find(([o]) => o.id === id)?.[0];
    },
    async listByEmail(email) {
      return this.saved.filter(([o]) => o.email === email).map(([o]) => o);
    },
  };
}

const catalog: CatalogClient = { book: async (id) => (id === 'b-1' ? { id, title: 'A Book', priceCents: 500 } : undefined) };

function orders(client: CatalogClient = catalog) {
  const { app, ctx } = testContext('orders');
  const store = memoryStore();
  addOrdersRoutes(app, ctx, { store, catalog: client, newId: () => '00000000-0000-4000-8000-000000000001', now: () => new Date('2026-01-01T00:00:00Z') });
  const post = (body: unknown) => app.request('/api/orders', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return { app, store, post };
}

describe('POST /api/orders', () => {
  it('prices the items from the catalog and stores the order with its event', async () => {
    const { store, post } = orders();
    const res = await post({ email: 'a@b.c', items: [{ bookId: 'b-1', quantity: 2 }, { bookId: 'b-1', quantity: 1 }] });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ order: { status: 'pending', totalCents: 1500, items: [{ bookId: 'b-1', quantity: 3 }], createdBy: 'orders-abc' }, pod: 'orders-abc' });
    expect(store.saved).toHaveLength(1);
    expect(store.saved[0]![1]).toEqual({ type: 'order.created', orderId: '00000000-0000-4000-8000-000000000001', totalCents: 1500, email: 'a@b.c', createdAt: '2026-01-01T00:00:00.000Z' });
  });

  it('422 for a book the catalog does not know; 400 for a malformed body', async () => {
    const { post, store } = orders();
    expect((await post({ email: 'a@b.c', items: [{ bookId: 'zzz', quantity: 1 }] })).status).toBe(422);
    expect((await post({ email: 'nope', items: [{ bookId: 'b-1', quantity: 1 }] })).status).toBe(400);
    expect(store.saved).toHaveLength(0);
  });

  it('503 when the catalog does not answer or the order cannot be stored', async () => {
    const down: CatalogClient = { book: async () => Promise.reject(new CatalogUnavailableError('timeout')) };
    expect((await orders(down).post({ email: 'a@b.c', items: [{ bookId: 'b-1', quantity: 1 }] })).status).toBe(503);
    const { post, store } = orders();
    store.fail = true;
    expect((await post({ email: 'a@b.c', items: [{ bookId: 'b-1', quantity: 1 }] })).status).toBe(503);
  });

  it('GET returns a stored order and 404s otherwise', async () => {
    const { app, post } = orders();
    await post({ email: 'a@b.c', items: [{ bookId: 'b-1', quantity: 1 }] });
    expect((await app.request('/api/orders/00000000-0000-4000-8000-000000000001')).status).toBe(200);
    expect((await app.request('/api/orders/00000000-0000-4000-8000-000000000002')).status).toBe(404);
    expect((await app.request('/api/orders/not-a-uuid')).status).toBe(404);
    expect(await (await app.request('/api/orders?email=a@b.c')).json()).toMatchObject({ orders: [{ email: 'a@b.c' }] });
  });
});

describe('parseOrderRequest', () => {
  it('explains what is wrong', () => {
    expect(parseOrderRequest(null)).toMatch(/JSON object/);
    expect(parseOrderRequest({ email: 'a@b.c', items: [] })).toMatch(/1 to 20/);
    expect(parseOrderRequest({ email: 'a@b.c', items: [{ bookId: 'x', quantity: 0 }] })).toMatch(/quantity/);
  });
});
