// sort with keys (-k), separators (-t), numeric (-n), reverse (-r), unique (-u), fold (-f),
// blanks (-b). Byte order, as in the C locale; ties fall back to the whole line, as GNU does.
import type { Command } from '../command.ts';
import { splitLines } from '../streams.ts';
import { options } from './file-commands.ts';
import { readOperand } from './inputs.ts';

interface Ordering {
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

interface Key extends Ordering {
  startField: number;
  startChar: number; // 0: the whole field
  endField: number | undefined; // undefined: to the end of the line
  endChar: number; // 0: the end of the field
}

/** Parse -k POS1[,POS2], where POS is F[.C][bfnr]; undefined if malformed. */
export function parseKey(spec: string, global: Ordering): Key | undefined {
  const match = /^(\d+)(?:\.(\d+))?([bfnr]*)(?:,(\d+)(?:\.(\d+))?([bfnr]*))?$/.exec(spec);
  if (!match || match[1] === '0') return undefined;
  const letters = (match[3] ?? '') + (match[6] ?? '');
  const own = letters.length > 0;
  return {
    startField: Number(match[1]),
    startChar: Number(match[2] ?? 0),
    endField: match[4] !== undefined ? Number(match[4]) : undefined,
    endChar: Number(match[5] ?? 0),
    numeric: own ? letters.includes('n') : global.numeric,
    reverse: own ? letters.includes('r') : global.reverse,
    fold: own ? letters.includes('f') : global.fold,
    blanks: own ? letters.includes('b') : global.blanks,
  };
}

/** Where each field starts and ends. Without -t a field starts with the blanks before it. */
function fieldBounds(line: string, separator: string | undefined): [number, number][] {
  const bounds: [number, number][] = [];
  if (separator !== undefined) {
    let start = 0;
    while (true) {
      const at = line.indexOf(separator, start);
      if (at < 0) {
        bounds.push([start, line.length]);
        return bounds;
      }
      bounds.push([start, at]);
      start = at + 1;
    }
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    bounds.push([start, i]);
  }
  return bounds;
}

function skipBlanks(line: string, i: number, end: number): number {
  while (i < end && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

function keyText(line: string, key: Key, separator: string | undefined): string {
  const bounds = fieldBounds(line, separator);
  const startField = bounds[key.startField - 1];
  if (!startField) return '';
  let start = startField[0];
  if (key.blanks) start = skipBlanks(line, start, startField[1]);
  if (key.startChar > 0) start = Math.min(start + key.startChar - 1, line.length);
  let end = line.length;
  if (key.endField !== undefined) {
    const endField = bounds[key.endField - 1];
    if (endField) end = key.endChar === 0 ? endField[1] : Math.min((key.blanks ? skipBlanks(line, endField[0], endField[1]) : endField[0]) + key.endChar, line.length);
  }
  return start < end ? line.slice(start, end) : '';
}

function leadingNumber(text: string): number {
  const match = /^\s*(-?(\d+\.?\d*|\.\d+))/.exec(text);
  return match ? Number(match[1]) : 0;
}

function compareText(a: string, b: string, ordering: Ordering): number {
  if (ordering.blanks) {
    a = a.trimStart();
    b = b.trimStart();
  }
  if (ordering.numeric) return leadingNumber(a) - leadingNumber(b);
  if (ordering.fold) {
    a = a.toUpperCase();
    b = b.toUpperCase();
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export const sort: Command = {
  name: 'sort',
  summary: 'sort lines (-n numbers, -r reverse, -k2 by column, -t, -u)',
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'sort', {
      flags: 'nrufbs',
      values: 'kto',
      long: { numeric: { key: 'n' }, 'numeric-sort': { key: 'n' }, reverse: { key: 'r' }, unique: { key: 'u' }, key: { key: 'k', value: true }, 'field-separator': { key: 't', value: true }, 'ignore-case': { key: 'f' } },
    }, 2);
    if (typeof opts === 'number') return opts;
    const global: Ordering = { numeric: opts.has('n'), reverse: opts.has('r'), fold: opts.has('f'), blanks: opts.has('b') };
    const separator = opts.last('t');
    if (separator !== undefined && [...separator].length !== 1) {
      ctx.stderr.write(separator === '' ? 'sort: empty tab\n' : `sort: multi-character tab ‘${separator}’\n`);
      return 2;
    }
    const keys: Key[] = [];
    for (const spec of opts.values.get('k') ?? []) {
      const key = parseKey(spec, global);
      if (!key) {
        ctx.stderr.write(spec.startsWith('0') ? `sort: field number is zero: invalid field specification ‘${spec}’\n` : `sort: invalid number at field start: invalid count at start of ‘${spec}’\n`);
        return 2;
      }
      keys.push(key);
    }
    let lines: string[] = [];
    for (const name of opts.operands.length ? opts.operands : ['-']) {
      const operand = await readOperand(ctx, name);
      if ('error' in operand) {
        ctx.stderr.write(`sort: cannot read: ${name}: ${operand.error.message}\n`);
        return 2;
      }
      lines.push(...splitLines(operand.text));
    }
    const byKeys = (a: string, b: string): number => {
      if (keys.length === 0) {
        const c = compareText(a, b, global);
        return global.reverse ? -c : c;
      }
      for (const key of keys) {
        const c = compareText(keyText(a, key, separator), keyText(b, key, separator), key);
        if (c !== 0) return key.reverse ? -c : c;
      }
      return 0;
    };
    const lastResort = (a: string, b: string) => {
      const c = a < b ? -1 : a > b ? 1 : 0;
      return global.reverse ? -c : c;
    };
    lines = lines.sort((a, b) => byKeys(a, b) || (opts.has('u') || opts.has('s') ? 0 : lastResort(a, b)));
    if (opts.has('u')) lines = lines.filter((line, i) => i === 0 || byKeys(lines[i - 1]!, line) !== 0);
    const output = lines.map((line) => line + '\n').join('');
    const outFile = opts.last('o');
    if (outFile !== undefined) ctx.fs.writeFile(ctx.resolve(outFile), output);
    else ctx.stdout.write(output);
    return 0;
  },
};
