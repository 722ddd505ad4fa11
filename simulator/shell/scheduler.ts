// Time, as the shell sees it. The host supplies it: in the browser the simulator's virtual clock
// running in real time, in tests a clock that only moves when told. The core never calls
// setTimeout or Date.now itself, so `sleep 5` and `watch` are deterministic under test.

export interface Scheduler {
  /** Epoch milliseconds on the virtual clock. */
  now(): number;
  /** Resolve after ms of virtual time, or as soon as the signal aborts (whichever comes first). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Wait until the signal aborts (a streaming command with nothing to do until Ctrl-C). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
