// Consumes order.created events with manual acks: a message is acked only after its payment is
// committed, so a worker killed mid-payment leaves the message for another worker (and the
// ledger makes that second delivery harmless).
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { Counter, Gauge, type Registry } from 'prom-client';
import { declareTopology, paymentsQueue } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { handlePaymentMessage, type HandlerOptions } from './payment-handler.ts';

export interface ConsumerOptions extends HandlerOptions {
  prefetch: number;
  retryDelayMs: number;
  registry: Registry;
}

export class PaymentsConsumer {
  private channel?: Channel;
  private consumerTag?: string;
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private readonly options: ConsumerOptions;
  private readonly log: Logger;
  private readonly processed: Counter<'outcome'>;
  private readonly inFlightGauge: Gauge;

  constructor(options: ConsumerOptions) {
    this.options = options;
    this.log = options.log;
    this.processed = new Counter({ name: 'bookstore_payments_processed_total', help: 'Messages handled, by outcome.', labelNames: ['outcome'], registers: [options.registry] });
    this.inFlightGauge = new Gauge({ name: 'bookstore_consumer_in_flight', help: 'Messages being processed now.', registers: [options.registry] });
  }

  get consuming(): boolean {
    return this.channel !== undefined && this.consumerTag !== undefined;
  }

  /** The AmqpLink's setup step: runs after every reconnect. */
  async attach(connection: ChannelModel): Promise<void> {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined); // the connection's close handler does the recovery
    channel.on('close', () => {
      if (this.channel === channel) this.detach();
    });
    await declareTopology(channel);
    await channel.prefetch(this.options.prefetch);
    this.channel = channel;
    const { consumerTag } = await channel.consume(paymentsQueue, (message) => void this.onMessage(channel, message), { noAck: false });
    this.consumerTag = consumerTag;
  }

  detach(): void {
    this.channel = undefined;
    this.consumerTag = undefined;
  }

  private async onMessage(channel: Channel, message: ConsumeMessage | null): Promise<void> {
    if (!message) return; // the broker cancelled us (queue deleted); the link reconnects
    this.inFlight += 1;
    this.inFlightGauge.set(this.inFlight);
    try {
      const decision = await handlePaymentMessage(message.content, message.fields.redelivered, this.options);
      // Acks go to the channel that delivered the message; if it died meanwhile, the broker redelivers.
      if (decision.action === 'ack') {
        channel.ack(message);
        this.processed.inc({ outcome: decision.outcome });
      } else if (decision.action === 'drop') {
        this.log.error({ reason: decision.reason }, 'dropping a message that can never be processed');
        channel.nack(message, false, false);
        this.processed.inc({ outcome: 'dropped' });
      } else {
        this.log.warn({ reason: decision.reason, retry_in_ms: this.options.retryDelayMs }, 'payment failed for now; will retry');
        await new Promise((r) => setTimeout(r, this.options.retryDelayMs));
        channel.nack(message, false, true);
        this.processed.inc({ outcome: 'retried' });
      }
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'could not settle the message; the broker will redeliver it');
    } finally {
      this.inFlight -= 1;
      this.inFlightGauge.set(this.inFlight);
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Graceful shutdown: take no new messages, finish the ones in hand. */
  async stop(): Promise<void> {
    const channel = this.channel;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => undefined);
    this.consumerTag = undefined;
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
