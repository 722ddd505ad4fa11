// A Scheduler for tests: time stands still until advance() moves it, firing sleepers in order.
// Only tests use it; between timers it lets pending promise chains run with a macrotask turn,
// which is the one place this folder touches the host's own timer.
import type { Scheduler } from './scheduler.ts';

interface Sleeper {
  due: number;
  seq: number;
  resolve: () => void;
}

export class ManualScheduler implements Scheduler {
  private current: number;
  private sleepers: Sleeper[] = [];
  private seq = 0;

  constructor(startMs = Date.UTC(2025, 0, 15, 9, 30, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper: Sleeper = { due: this.current + Math.max(0, ms), seq: this.seq++, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** How many sleepers are waiting (tests use it to know a command reached its sleep). */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Move the clock forward, waking every sleeper that falls due, in time order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    while (true) {
      this.sleepers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      const next = this.sleepers[0];
      if (!next || next.due > target) break;
      this.sleepers.shift();
      this.current = next.due;
      next.resolve();
      await settle();
    }
    this.current = target;
    await settle();
  }
}

/** Let every promise chain that can run, run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
