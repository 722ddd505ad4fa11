// What a pod does between SIGTERM and exit. Kubernetes removes the pod from Service endpoints at
// the same moment it sends SIGTERM, and that news takes a while to reach every node; so first fail
// readiness and keep serving for SHUTDOWN_DELAY_SECONDS, then stop accepting connections, let the
// requests in flight finish, close the connections to dependencies, and exit 0. If draining hangs,
// exit anyway before the kubelet's SIGKILL at terminationGracePeriodSeconds.
import type { HealthState } from './health.ts';
import type { Logger } from './logger.ts';

export interface ShutdownOptions {
  health: HealthState;
  log: Logger;
  delayMs: number;
  timeoutMs: number;
  /** Stops accepting connections and resolves when open requests have finished. */
  closeServer: () => Promise<void>;
  /** Dependencies and background loops, closed after the server, in order. */
  closers: { name: string; close: () => Promise<void> }[];
  exit: (code: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

export function createShutdown(options: ShutdownOptions): (signal: string) => Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let inProgress = false;

  return async (signal: string) => {
    const { health, log } = options;
    if (inProgress) {
      log.warn({ signal }, 'second signal: exiting now');
      options.exit(1);
      return;
    }
    inProgress = true;
    health.beginShutdown();
    log.info({ signal, delay_ms: options.delayMs }, 'shutting_down: readiness now fails, still serving');
    const watchdog = setTimeout(() => {
      log.error({ timeout_ms: options.timeoutMs }, 'shutdown took too long: exiting');
      options.exit(1);
    }, options.timeoutMs);
    watchdog.unref();

    await sleep(options.delayMs);
    log.info('draining: no new connections');
    try {
      await options.closeServer();
      for (const closer of options.closers) {
        await closer.close().catch((error: unknown) => log.warn({ err: error, dependency: closer.name }, 'close failed'));
      }
    } finally {
      clearTimeout(watchdog);
    }
    log.info('drained: exiting');
    options.exit(0);
  };
}
