// Waiting on a watch the way client-go's watch tools do, on virtual time: events are handled as
// they arrive, the wait ends when the handler says so, at the deadline, or on Ctrl-C. Used by
// rollout status and wait.
import { untilAborted } from '../shell/scheduler.ts';
import type { ApiClient, ResourceRef, WatchEvent, WatchOptions } from '../machinery/types.ts';
import type { Invocation } from './command.ts';

export type WatchVerdict = 'continue' | 'done';
export type WatchEnd = 'done' | 'timeout' | 'interrupted';

/** Watch `ref` and feed each event to `handle` until it returns 'done'. timeoutMs 0 = no deadline. */
export async function watchUntil(
  inv: Invocation,
  ref: ResourceRef,
  options: WatchOptions,
  timeoutMs: number,
  handle: (event: WatchEvent) => WatchVerdict,
): Promise<WatchEnd> {
  const { scheduler, signal } = inv.shell;
  const client: ApiClient = inv.host.client;
  const queue: WatchEvent[] = [];
  let wake: AbortController | undefined;
  const stop = client.watch(ref, options, (event) => {
    queue.push(event);
    wake?.abort();
  });
  const deadline = timeoutMs > 0 ? scheduler.now() + timeoutMs : Infinity;
  try {
    while (true) {
      while (queue.length > 0) {
        if (handle(queue.shift()!) === 'done') return 'done';
      }
      if (signal.aborted) return 'interrupted';
      const remaining = deadline - scheduler.now();
      if (remaining <= 0) return 'timeout';
      wake = new AbortController();
      const either = anySignal(signal, wake.signal);
      if (remaining === Infinity) await untilAborted(either);
      else await scheduler.sleep(remaining, either);
      wake = undefined;
    }
  } finally {
    stop();
  }
}

/** Sleep until the next event or the deadline, whichever comes first (used by polling waits). */
export function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const both = new AbortController();
  const abort = () => both.abort();
  if (a.aborted || b.aborted) both.abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return both.signal;
}
