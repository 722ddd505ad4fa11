// Publishes outbox events on a confirm channel: a batch counts as sent only when RabbitMQ has
// written every message (persistent, to a durable queue) and said so.
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { declareTopology, eventsExchange } from '../../shared/events.ts';
import type { OutboxEvent } from './outbox.ts';

export class ConfirmingPublisher {
  private channel?: ConfirmChannel;
  private readonly confirmTimeoutMs: number;

  constructor(confirmTimeoutMs = 5000) {
    this.confirmTimeoutMs = confirmTimeoutMs;
  }

  get ready(): boolean {
    return this.channel !== undefined;
  }

  /** The AmqpLink's setup step: runs after every reconnect. */
  async attach(connection: ChannelModel): Promise<void> {
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined); // the connection's close handler does the recovery
    channel.on('close', () => {
      if (this.channel === channel) this.channel = undefined;
    });
    await declareTopology(channel);
    this.channel = channel;
  }

  detach(): void {
    this.channel = undefined;
  }

  async publish(events: OutboxEvent[]): Promise<void> {
    const channel = this.channel;
    if (!channel) throw new Error('no channel to rabbitmq');
    for (const event of events) {
      const payload = event.payload as { orderId?: string };
      channel.publish(eventsExchange, event.routingKey, Buffer.from(JSON.stringify(event.payload)), {
        persistent: true,
        contentType: 'application/json',
        messageId: payload.orderId ?? event.id,
      });
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        channel.waitForConfirms(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('rabbitmq did not confirm in time')), this.confirmTimeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
