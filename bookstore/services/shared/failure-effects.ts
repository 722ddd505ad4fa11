// The failure switches that act on the process itself, on timers: crash, deadlock, CPU burn and
// memory growth. Request-level switches (latency, errors, readiness, liveness) live in the app.
import { Worker } from 'node:worker_threads';
import type { FailureSwitches } from './failure-switches.ts';
import type { Logger } from './logger.ts';

export interface ProcessControl {
  exit(code: number): void;
  /** Blocks the calling thread for good: what a deadlock looks like from the outside. */
  freeze(): void;
}

export const realProcess: ProcessControl = {
  exit: (code) => process.exit(code),
  // Atomics.wait on a value that never changes parks the main thread without using CPU; the
  // event loop stops, so probes time out and even SIGTERM goes unanswered, as in a real deadlock.
  freeze: () => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
};

// Spins until terminated. Runs in a worker thread so the event loop (and the probes) stay responsive.
const burnSource = `for (;;) { Math.sqrt(Math.random() * 1e9); }`;

export function startFailureEffects(s: FailureSwitches, log: Logger, control: ProcessControl = realProcess): () => void {
  const timers: NodeJS.Timeout[] = [];
  const workers: Worker[] = [];
  const held: Buffer[] = [];

  if (s.crashAfterSeconds > 0) {
    timers.push(setTimeout(() => {
      log.fatal({ switch: 'CRASH_AFTER_SECONDS', seconds: s.crashAfterSeconds }, 'simulated crash: exiting with code 1');
      control.exit(1);
    }, s.crashAfterSeconds * 1000));
  }
  if (s.deadlockAfterSeconds > 0) {
    timers.push(setTimeout(() => {
      log.error({ switch: 'DEADLOCK_AFTER_SECONDS', seconds: s.deadlockAfterSeconds }, 'simulated deadlock: the main thread stops here');
      control.freeze();
    }, s.deadlockAfterSeconds * 1000));
  }
  for (let i = 0; i < s.cpuBurnThreads; i++) {
    const worker = new Worker(burnSource, { eval: true });
    worker.unref();
    workers.push(worker);
  }
  if (s.cpuBurnThreads > 0) log.warn({ switch: 'CPU_BURN_THREADS', threads: s.cpuBurnThreads }, 'burning CPU in worker threads');
  if (s.memoryGrowthMbPerMinute > 0) {
    // Grow once a second; touch every page so the memory really counts against the limit.
    const perTickMb = s.memoryGrowthMbPerMinute / 60;
    let totalMb = 0;
    const grow = setInterval(() => {
      if (s.memoryGrowthLimitMb > 0 && totalMb >= s.memoryGrowthLimitMb) return;
      held.push(Buffer.alloc(Math.ceil(perTickMb * 1024 * 1024), 1));
      totalMb += perTickMb;
    }, 1000);
    timers.push(grow);
  }
  for (const t of timers) t.unref();

  return () => {
    for (const t of timers) clearTimeout(t);
    for (const w of workers) void w.terminate();
    held.length = 0;
  };
}

