import { describe, expect, it } from 'vitest';
import { createShutdown } from './graceful-shutdown.ts';
import { HealthState } from './health.ts';
import { testContext } from './test-context.ts';

function setup(options: { closeServer?: () => Promise<void> } = {}) {
  const steps: string[] = [];
  const health = new HealthState({ failReadiness: false, neverReady: false, failLiveness: false });
  health.markStarted();
  const { ctx } = testContext('catalog');
  const shutdown = createShutdown({
    health,
    log: ctx.log,
    delayMs: 5000,
    timeoutMs: 20_000,
    sleep: async (ms) => {
      steps.push(`wait ${ms} (ready: ${(await health.readiness()).ready})`);
    },
    closeServer: options.closeServer ?? (async () => void steps.push('close server')),
    closers: [
      { name: 'postgres', close: async () => void steps.push('close postgres') },
      { name: 'redis', close: async () => Promise.reject(new Error('already gone')) },
    ],
    exit: (code) => void steps.push(`exit ${code}`),
  });
  return { steps, shutdown };
}

describe('graceful shutdown', () => {
  it('fails readiness first, keeps serving for the delay, drains, closes dependencies, exits 0', async () => {
    const { steps, shutdown } = setup();
    await shutdown('SIGTERM');
    expect(steps).toEqual(['wait 5000 (ready: false)', 'close server', 'close postgres', 'exit 0']);
  });

  it('a second signal exits at once', async () => {
    const { steps, shutdown } = setup({ closeServer: () => new Promise(() => {}) });
    void shutdown('SIGTERM');
    await new Promise((r) => setTimeout(r, 0));
    await shutdown('SIGINT');
    expect(steps.at(-1)).toBe('exit 1');
  });
});
