// Starts a service's HTTP server the same way for every Bookstore service: slow start (port closed
// until the delay passes), the process-level failure switches, and graceful shutdown on SIGTERM.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { readInteger, readNumber, type Env } from './config.ts';
import type { HealthState } from './health.ts';
import type { Logger } from './logger.ts';
import type { FailureSwitches } from './failure-switches.ts';
import { activeSwitches } from './failure-switches.ts';
import { startFailureEffects } from './failure-effects.ts';
import { createShutdown } from './graceful-shutdown.ts';

export interface RunOptions {
  app: Hono;
  env: Env;
  health: HealthState;
  log: Logger;
  switches: FailureSwitches;
  /** Connects to dependencies and starts background loops; runs before the port opens. */
  start?: () => Promise<void>;
  closers: { name: string; close: () => Promise<void> }[];
}

export async function runService(options: RunOptions): Promise<Server> {
  const { env, health, log, switches } = options;
  const port = readInteger(env, 'PORT', 8080, { min: 0, max: 65535 });
  const delayMs = readNumber(env, 'SHUTDOWN_DELAY_SECONDS', 5, { min: 0 }) * 1000;
  const timeoutMs = readNumber(env, 'SHUTDOWN_TIMEOUT_SECONDS', 20, { min: 1 }) * 1000;

  log.info({ port, failure_mode: switches.mode, failure_switches: activeSwitches(switches) }, 'starting');
  const stopEffects = startFailureEffects(switches, log);
  if (switches.startupDelaySeconds > 0) {
    log.info({ seconds: switches.startupDelaySeconds }, 'slow start: port stays closed until start-up finishes');
    await new Promise((r) => setTimeout(r, switches.startupDelaySeconds * 1000));
  }
  await options.start?.();

  const server = serve({ fetch: options.app.fetch, port, hostname: env.HOST ?? '0.0.0.0' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', resolve));
  health.markStarted();
  // PORT=0 lets the kernel pick (tests run many side by side): log the port actually bound.
  log.info({ port: (server.address() as AddressInfo).port }, 'listening');

  const shutdown = createShutdown({
    health,
    log,
    delayMs,
    timeoutMs,
    closeServer: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
    closers: [...options.closers, { name: 'failure effects', close: async () => stopEffects() }],
    exit: (code) => process.exit(code),
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return server;
}
