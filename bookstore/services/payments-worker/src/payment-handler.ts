// What the worker does with one message, as a decision: ack it, retry it later, or drop it.
// Kept apart from amqplib so the rules can be tested without a broker.
import { parseOrderCreated } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ChargeOutcome, PaymentLedger } from './payment-ledger.ts';

export type Decision =
  | { action: 'ack'; outcome: ChargeOutcome }
  /** A message that can never be processed (not JSON, wrong shape): retrying would loop forever. */
  | { action: 'drop'; reason: string }
  /** A temporary failure (the database is down): put it back and try again. */
  | { action: 'retry'; reason: string };

export interface HandlerOptions {
  ledger: PaymentLedger;
  pod: string;
  /** Simulated time talking to a payment provider, so backlogs and scaling are visible. */
  delayMs: number;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export async function handlePaymentMessage(content: Buffer, redelivered: boolean, options: HandlerOptions): Promise<Decision> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let event;
  try {
    event = parseOrderCreated(content);
  } catch (error) {
    return { action: 'drop', reason: (error as Error).message };
  }
  try {
    if (options.delayMs > 0) await sleep(options.delayMs);
    const outcome = await options.ledger.charge(event.orderId, event.totalCents, options.pod);
    options.log.info({ order_id: event.orderId, outcome, redelivered }, outcome === 'charged' ? 'payment charged' : 'payment skipped');
    return { action: 'ack', outcome };
  } catch (error) {
    return { action: 'retry', reason: (error as Error).message };
  }
}
