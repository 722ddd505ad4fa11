// Checks a CronJob schedule the way upstream's cron parser (robfig/cron, standard 5 fields or
// @descriptors) does, with its error texts.

const FIELDS: { min: number; max: number; names?: Record<string, number> }[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } },
  { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function parseValue(text: string, names: Record<string, number> | undefined): number | string {
  const named = names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  return Number(text);
}

function checkRange(expr: string, field: (typeof FIELDS)[number]): string | undefined {
  const [rangeAndStep, step, ...extra] = expr.split('/');
  if (extra.length) return `too many slashes: ${expr}`;
  const bounds = rangeAndStep!.split('-');
  let start = field.min;
  let end = field.max;
  if (bounds[0] !== '*' && bounds[0] !== '?') {
    if (bounds.length > 2) return `too many hyphens: ${expr}`;
    const s = parseValue(bounds[0]!, field.names);
    if (typeof s === 'string') return s;
    start = s;
    end = s;
    if (bounds.length === 2) {
      const e = parseValue(bounds[1]!, field.names);
      if (typeof e === 'string') return e;
      end = e;
    }
  } else if (bounds.length > 1) {
    return `too many hyphens: ${expr}`;
  }
  if (step !== undefined) {
    const st = parseValue(step, undefined);
    if (typeof st === 'string') return st;
    if (st === 0) return `step of range should be a positive number: ${expr}`;
  }
  if (start < field.min) return `beginning of range (${start}) below minimum (${field.min}): ${expr}`;
  if (end > field.max) return `end of range (${end}) above maximum (${field.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  return undefined;
}

/** The parser's complaint about a schedule, or undefined when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  const spec = schedule.trim();
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ')) return /^@every\s+(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(spec) ? undefined : `failed to parse duration ${spec}`;
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.replace(/^(CRON_)?TZ=\S+\s+/, '').split(/\s+/);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const part of fields[i]!.split(',')) {
      const err = checkRange(part, FIELDS[i]!);
      if (err) return err;
    }
  }
  return undefined;
}
