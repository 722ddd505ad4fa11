// Pieces every describer shares: multi-line labels and annotations, taints and tolerations,
// timestamps in RFC 1123 form, and the Events table that ends most descriptions.
import type { KubeObject } from '../machinery/types.ts';
import { humanDuration, parseTime } from '../printers/duration.ts';
import type { EventLike } from '../printers/events.ts';
import type { DescribeWriter } from './writer.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in UTC: `Sat, 21 Nov 2026 21:10:58 +0000`; Go's zero time when missing. */
export function rfc1123z(timestamp: unknown): string {
  const ms = parseTime(timestamp);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Elapsed time since a timestamp, `<unknown>` without one. */
export function since(timestamp: unknown, now: number): string {
  const ms = parseTime(timestamp);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

export function orNone(s: string | undefined | null): string {
  return s ? s : '<none>';
}

/** `Labels:  a=1` then one `\tb=2` line per further label, sorted; `<none>` when empty. */
export function writeLabels(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${(labels as Record<string, string>)[key]}\n`);
  });
}

const MAX_ANNOTATION = 140;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Annotations as `key: value`; long or multi-line values go on their own lines, cut at 140 characters. */
export function writeAnnotations(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (annotations as Record<string, string>)[key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const part of value.split('\n')) {
        const short = part.length > MAX_ANNOTATION - 2 ? `${part.slice(0, MAX_ANNOTATION - 2)}...` : part;
        w.write(0, `\t  ${short}\n`);
      }
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** `key=value:Effect`, sorted by effect then key. */
export function writeTaints(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(taints ?? [])];
  if (list.length === 0) {
    w.line('<none>');
    return;
  }
  const sortKey = (t: Taint): string => `${t.effect},${t.key}`;
  list.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    const text = t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
    w.write(0, `${text}\n`);
  });
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`, sorted by key. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) {
    w.line('<none>');
    return;
  }
  list.sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // `operator: Exists` with nothing else tolerates every taint.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

/** `Kind/name` of the controlling owner, '' when there is none. */
export function controlledBy(obj: KubeObject): string {
  const owner = (obj.metadata.ownerReferences ?? []).find((o) => o.controller === true);
  return owner ? `${owner.kind}/${owner.name}` : '';
}

function eventSortKey(e: EventLike): number {
  // Go's zero time sorts before every real time.
  return parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
}

/** The Events table: oldest first, `(x3 over 2m)` for repeated events, `<none>` when there are none. */
export function writeEvents(w: DescribeWriter, events: EventLike[] | undefined, now: number): void {
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => {
    const x = eventSortKey(a);
    const y = eventSortKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) {
      interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
