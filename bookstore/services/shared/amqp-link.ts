// A RabbitMQ connection that comes back. amqplib's connection stays dead after the broker
// restarts; this keeps reconnecting with exponential backoff and re-runs `setup` (declare the
// topology, open channels, start consuming) every time. Readiness reads `isOpen`.
import type { ChannelModel } from 'amqplib';
import type { Logger } from './logger.ts';

export interface AmqpLinkOptions {
  url: string;
  log: Logger;
  connect: (url: string) => Promise<ChannelModel>;
  /** Runs after each (re)connect; a failure closes the connection and retries. */
  setup: (connection: ChannelModel) => Promise<void>;
  /** Runs when the connection is lost, so users can drop their channels. */
  onLost?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export class AmqpLink {
  private connection?: ChannelModel;
  private ready = false;
  private stopped = false;
  private attempt = 0;
  private timer?: NodeJS.Timeout;
  private readonly options: AmqpLinkOptions;

  constructor(options: AmqpLinkOptions) {
    this.options = options;
  }

  get isOpen(): boolean {
    return this.ready;
  }

  start(): void {
    void this.connectOnce();
  }

  /** Delay before retry number `attempt` (1-based): doubles, capped, with ±20% jitter. */
  static backoff(attempt: number, initialMs: number, maxMs: number, random = Math.random): number {
    const base = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
    return Math.round(base * (0.8 + 0.4 * random()));
  }

  private async connectOnce(): Promise<void> {
    if (this.stopped) return;
    const { log } = this.options;
    try {
      const connection = await this.options.connect(this.options.url);
      this.connection = connection;
      connection.on('error', (error: Error) => log.warn({ err: error.message }, 'rabbitmq connection error'));
      connection.on('close', () => this.lost());
      await this.options.setup(connection);
      this.ready = true;
      this.attempt = 0;
      log.info('rabbitmq connected');
    } catch (error) {
      log.warn({ err: (error as Error).message, attempt: this.attempt + 1 }, 'rabbitmq connect failed');
      const connection = this.connection;
      this.connection = undefined;
      this.ready = false;
      if (connection) {
        connection.removeAllListeners('close');
        await connection.close().catch(() => undefined);
      }
      this.scheduleRetry();
    }
  }

  private lost(): void {
    if (!this.ready && !this.connection) return;
    this.ready = false;
    this.connection = undefined;
    this.options.onLost?.();
    if (this.stopped) return;
    this.options.log.warn('rabbitmq connection lost; reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.timer) return;
    this.attempt += 1;
    const delay = AmqpLink.backoff(this.attempt, this.options.initialDelayMs ?? 250, this.options.maxDelayMs ?? 5000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connectOnce();
    }, delay);
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const connection = this.connection;
    this.connection = undefined;
    this.ready = false;
    if (connection) await connection.close().catch(() => undefined);
  }
}
