// The small line filters: uniq, cut, tr, tee.
import type { Command } from '../command.ts';
import { FsError } from '../workspace-fs.ts';
import { options } from './file-commands.ts';
import { operandLines } from './inputs.ts';

export const uniq: Command = {
  name: 'uniq',
  summary: 'drop repeated adjacent lines (-c counts, -d only repeated)',
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'uniq', { flags: 'cdui', long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' } } });
    if (typeof opts === 'number') return opts;
    const same = (a: string, b: string) => (opts.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    let current: string | undefined;
    let count = 0;
    const flush = () => {
      if (current === undefined) return;
      if (opts.has('d') && count < 2) return;
      if (opts.has('u') && count > 1) return;
      ctx.stdout.write(opts.has('c') ? `${String(count).padStart(7)} ${current}\n` : current + '\n');
    };
    let status = 0;
    for await (const line of operandLines(ctx, opts.operands[0] ?? '-', (error) => {
      ctx.stderr.write(`uniq: ${opts.operands[0]}: ${error.message}\n`);
      status = 1;
    })) {
      if (current !== undefined && same(current, line)) count++;
      else {
        flush();
        current = line;
        count = 1;
      }
    }
    flush();
    return status;
  },
};

/** A cut list (1,3-5,7-) as a test on 1-based positions; a string when invalid (the message). */
export function parseList(list: string): ((n: number) => boolean) | string {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const match = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!match || part === '' || part === '-') return `invalid field range`;
    const from = match[1] ? Number(match[1]) : 1;
    const to = match[2] ? (match[3] ? Number(match[3]) : Infinity) : from;
    if (from === 0 || (match[3] && Number(match[3]) === 0)) return 'fields are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return (n) => ranges.some(([from, to]) => n >= from && n <= to);
}

export const cut: Command = {
  name: 'cut',
  summary: "cut columns (cut -d: -f1, cut -c1-10)",
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'cut', {
      flags: 's',
      values: 'dfcb',
      long: { delimiter: { key: 'd', value: true }, fields: { key: 'f', value: true }, characters: { key: 'c', value: true }, bytes: { key: 'b', value: true }, 'only-delimited': { key: 's' }, 'output-delimiter': { key: 'output-delimiter', value: true } },
    });
    if (typeof opts === 'number') return opts;
    const fields = opts.last('f');
    const chars = opts.last('c') ?? opts.last('b');
    const fail = (message: string) => {
      ctx.stderr.write(`cut: ${message}\nTry 'cut --help' for more information.\n`);
      return 1;
    };
    if (fields === undefined && chars === undefined) return fail('you must specify a list of bytes, characters, or fields');
    const delimiter = opts.last('d') ?? '\t';
    if ([...delimiter].length !== 1) return fail('the delimiter must be a single character');
    if (opts.last('d') !== undefined && fields === undefined) return fail('an input delimiter may be specified only when operating on fields');
    const selected = parseList((fields ?? chars)!);
    if (typeof selected === 'string') return fail(selected);
    const outDelimiter = opts.last('output-delimiter') ?? (fields !== undefined ? delimiter : '');
    let status = 0;
    for (const name of opts.operands.length ? opts.operands : ['-']) {
      for await (const line of operandLines(ctx, name, (error) => {
        ctx.stderr.write(`cut: ${name}: ${error.message}\n`);
        status = 1;
      })) {
        if (fields === undefined) {
          ctx.stdout.write([...line].filter((_, i) => selected(i + 1)).join(outDelimiter) + '\n');
        } else if (!line.includes(delimiter)) {
          if (!opts.has('s')) ctx.stdout.write(line + '\n');
        } else {
          ctx.stdout.write(line.split(delimiter).filter((_, i) => selected(i + 1)).join(outDelimiter) + '\n');
        }
      }
    }
    return status;
  },
};

const classes: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\v\f',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
classes.alpha = classes.upper! + classes.lower!;
classes.alnum = classes.alpha + classes.digit!;
classes.xdigit = classes.digit + 'ABCDEFabcdef';

/** Expand a tr set: escapes, ranges (a-z) and classes ([:upper:]) into its characters. */
export function expandSet(set: string): string[] | string {
  const out: string[] = [];
  const chars = [...set];
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
  const take = (i: number): [string, number] => {
    if (chars[i] === '\\' && i + 1 < chars.length) return [escapes[chars[i + 1]!] ?? chars[i + 1]!, 2];
    return [chars[i]!, 1];
  };
  for (let i = 0; i < chars.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(chars.slice(i).join(''));
    if (cls) {
      const members = classes[cls[1]!];
      if (!members) return `invalid character class ‘${cls[1]}’`;
      out.push(...members);
      i += cls[0].length;
      continue;
    }
    const [c, used] = take(i);
    if (chars[i + used] === '-' && i + used + 1 < chars.length) {
      const [end, usedEnd] = take(i + used + 1);
      const from = c.codePointAt(0)!;
      const to = end.codePointAt(0)!;
      if (to < from) return `range-endpoints of ‘${c}-${end}’ are in reverse collating sequence order`;
      for (let code = from; code <= to; code++) out.push(String.fromCodePoint(code));
      i += used + 1 + usedEnd;
      continue;
    }
    out.push(c);
    i += used;
  }
  return out;
}

export const tr: Command = {
  name: 'tr',
  summary: "translate characters (tr a-z A-Z, tr -d '\\r')",
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'tr', { flags: 'dscC', long: { delete: { key: 'd' }, 'squeeze-repeats': { key: 's' }, complement: { key: 'c' } } });
    if (typeof opts === 'number') return opts;
    const [set1, set2, ...extra] = opts.operands;
    const del = opts.has('d');
    const squeeze = opts.has('s');
    const complement = opts.has('c') || opts.has('C');
    const fail = (message: string) => {
      ctx.stderr.write(`tr: ${message}\nTry 'tr --help' for more information.\n`);
      return 1;
    };
    if (set1 === undefined) return fail('missing operand');
    if (set2 === undefined && !del && !squeeze) return fail(`missing operand after ‘${set1}’\nTwo strings must be given when translating.`);
    if (extra.length > 0 || (del && !squeeze && set2 !== undefined)) return fail(`extra operand ‘${extra[0] ?? set2}’`);
    const from = expandSet(set1);
    if (typeof from === 'string') return fail(from);
    const to = set2 === undefined ? [] : expandSet(set2);
    if (typeof to === 'string') return fail(to);
    const inSet1 = (c: string) => from.includes(c) !== complement;
    const map = new Map<string, string>();
    from.forEach((c, i) => map.set(c, to[Math.min(i, to.length - 1)] ?? c));
    const translating = !del && to.length > 0;
    const translate = (c: string) => (!translating ? c : complement ? (inSet1(c) ? to[to.length - 1]! : c) : (map.get(c) ?? c));
    // -s squeezes runs of the last set given: SET2 when translating, else SET1.
    const inSqueeze = (c: string) => (set2 !== undefined ? to.includes(c) : inSet1(c));
    let last = '';
    for await (const chunk of ctx.stdin) {
      let out = '';
      for (const c of chunk) {
        if (del && inSet1(c)) continue;
        const mapped = translate(c);
        if (squeeze && mapped === last && inSqueeze(mapped)) continue;
        out += mapped;
        last = mapped;
      }
      ctx.stdout.write(out);
    }
    return 0;
  },
};

export const tee: Command = {
  name: 'tee',
  summary: 'copy stdin to files and stdout (-a appends)',
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'tee', { flags: 'ai', long: { append: { key: 'a' } } });
    if (typeof opts === 'number') return opts;
    let status = 0;
    const targets: string[] = [];
    for (const name of opts.operands) {
      const path = ctx.resolve(name);
      try {
        if (!opts.has('a') || !ctx.fs.exists(path)) ctx.fs.writeFile(path, '');
        targets.push(path);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        ctx.stderr.write(`tee: ${name}: ${error.message}\n`);
        status = 1;
      }
    }
    for await (const chunk of ctx.stdin) {
      ctx.stdout.write(chunk);
      for (const path of targets) ctx.fs.appendFile(path, chunk);
    }
    return status;
  },
};
