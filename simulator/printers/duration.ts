// How kubectl turns an elapsed time into the short strings of the AGE, LAST SEEN and
// RESTARTS columns: apimachinery's duration.HumanDuration and ShortHumanDuration.
// Times are epoch milliseconds; "now" always comes from the caller's (virtual) clock.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int() conversion of a float: truncate toward zero. */
function whole(n: number): number {
  return Math.trunc(n);
}

/** About two or three significant figures: 45s, 119s, 2m30s, 12m, 5h3m, 20h, 3d5h, 45d, 2y50d, 9y. */
export function humanDuration(ms: number): string {
  const seconds = whole(ms / SECOND);
  // Up to a second in the future still reads as "now": clocks on different machines drift.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = whole(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = whole(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${whole(hours / 24)}d` : `${whole(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${whole(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = whole(hours / 24) % 365;
    const years = whole(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${whole(hours / 24 / 365)}y`;
}

/** One unit only: 45s, 12m, 5h, 3d, 2y. */
export function shortHumanDuration(ms: number): string {
  const seconds = whole(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = whole(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = whole(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${whole(hours / 24)}d`;
  return `${whole(ms / HOUR / 24 / 365)}y`;
}

/** Epoch milliseconds of an RFC 3339 timestamp, or undefined when it is missing or unreadable. */
export function parseTime(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string' || timestamp === '') return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The age of a timestamp as the printers show it; `<unknown>` when there is none (Go's zero time). */
export function age(timestamp: unknown, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}
