// The message topology orders and payments-worker agree on. Both declare it (declaring is
// idempotent), so an event published before the worker ever ran still lands in the queue.
import type { Channel } from 'amqplib';

export const eventsExchange = 'bookstore.events';
export const orderCreatedKey = 'order.created';
export const paymentsQueue = 'payments.order-created';

export interface OrderCreatedEvent {
  type: 'order.created';
  orderId: string;
  totalCents: number;
  email: string;
  createdAt: string;
}

export async function declareTopology(channel: Channel): Promise<void> {
  await channel.assertExchange(eventsExchange, 'topic', { durable: true });
  await channel.assertQueue(paymentsQueue, { durable: true });
  await channel.bindQueue(paymentsQueue, eventsExchange, orderCreatedKey);
}

export function parseOrderCreated(content: Buffer): OrderCreatedEvent {
  const value: unknown = JSON.parse(content.toString('utf8'));
  if (typeof value !== 'object' || value === null) throw new Error('event is not an object');
  const event = value as Partial<OrderCreatedEvent>;
  if (event.type !== 'order.created' || typeof event.orderId !== 'string' || typeof event.totalCents !== 'number') {
    throw new Error('not an order.created event');
  }
  return event as OrderCreatedEvent;
}
