// The kubelet's back-off (client-go flowcontrol.Backoff) for crashing containers and failed image
// pulls: 10 s, doubling to a 300 s cap; an entry untouched for twice the cap (10 minutes) starts
// over. Plain data, so it survives snapshots.

export interface BackoffEntry {
  durationMs: number;
  lastUpdate: number;
}

export const initialBackoffMs = 10_000;
export const maxBackoffMs = 300_000;

function expired(eventTime: number, entry: BackoffEntry): boolean {
  return eventTime - entry.lastUpdate > 2 * maxBackoffMs;
}

/** Records one more failure at `now` and returns the new entry (first failure: 10 s). */
export function nextBackoff(entry: BackoffEntry | undefined, eventTime: number, now: number): BackoffEntry {
  if (!entry || expired(eventTime, entry)) return { durationMs: initialBackoffMs, lastUpdate: now };
  return { durationMs: Math.min(entry.durationMs * 2, maxBackoffMs), lastUpdate: now };
}

/** Crash back-off: is a container that finished at eventTime still waiting at now? */
export function inBackoffSince(entry: BackoffEntry | undefined, eventTime: number, now: number): boolean {
  if (!entry || expired(eventTime, entry)) return false;
  return now - eventTime < entry.durationMs;
}

/** Image pull back-off: measured from the last failed pull. */
export function inBackoffSinceUpdate(entry: BackoffEntry | undefined, now: number): boolean {
  if (!entry || expired(now, entry)) return false;
  return now - entry.lastUpdate < entry.durationMs;
}

/** Go's time.Duration String for whole seconds and minutes: 10s, 40s, 1m20s, 2m40s, 5m0s. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = +(totalSeconds - minutes * 60).toFixed(3);
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
