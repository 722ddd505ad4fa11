// head and tail: the first or last lines (or bytes) of files or standard input.
import type { Command, CommandContext } from '../command.ts';
import { readLines, splitLines } from '../streams.ts';
import { options } from './file-commands.ts';
import { readOperand } from './inputs.ts';

function parseCount(ctx: CommandContext, name: 'head' | 'tail', raw: string | undefined, what: 'lines' | 'bytes'): { n: number; sign: '' | '+' | '-' } | undefined {
  if (raw === undefined) return { n: 10, sign: '' };
  const match = /^([+-]?)(\d+)$/.exec(raw);
  if (!match) {
    ctx.stderr.write(`${name}: invalid number of ${what}: ‘${raw}’\n`);
    return undefined;
  }
  return { n: Number(match[2]), sign: match[1] as '' | '+' | '-' };
}

function header(ctx: CommandContext, name: string, first: boolean): void {
  ctx.stdout.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
}

export const head: Command = {
  name: 'head',
  summary: 'first lines (head -n 5 file)',
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'head', { flags: 'qv', values: 'nc', numberOption: 'n', long: { lines: { key: 'n', value: true }, bytes: { key: 'c', value: true }, quiet: { key: 'q' }, verbose: { key: 'v' } } });
    if (typeof opts === 'number') return opts;
    const bytes = opts.last('c') !== undefined;
    const count = parseCount(ctx, 'head', bytes ? opts.last('c') : opts.last('n'), bytes ? 'bytes' : 'lines');
    if (!count) return 1;
    const names = opts.operands.length ? opts.operands : ['-'];
    const headers = opts.has('v') || (names.length > 1 && !opts.has('q'));
    let status = 0;
    for (const [i, name] of names.entries()) {
      if (name === '-' && !bytes && count.sign !== '-') {
        if (headers) header(ctx, name, i === 0);
        // Stream stdin and stop reading once enough lines came (the writer then gets SIGPIPE).
        let left = count.n;
        if (left === 0) continue;
        for await (const line of readLines(ctx.stdin)) {
          ctx.stdout.write(line + '\n');
          if (--left === 0) break;
        }
        continue;
      }
      const operand = await readOperand(ctx, name);
      if ('error' in operand) {
        ctx.stderr.write(`head: cannot open '${name}' for reading: ${operand.error.message}\n`);
        status = 1;
        continue;
      }
      if (headers) header(ctx, name, i === 0);
      if (bytes) {
        const chars = [...operand.text];
        ctx.stdout.write((count.sign === '-' ? chars.slice(0, Math.max(0, chars.length - count.n)) : chars.slice(0, count.n)).join(''));
      } else {
        const lines = operand.text.split(/(?<=\n)/);
        if (lines[lines.length - 1] === '') lines.pop();
        ctx.stdout.write((count.sign === '-' ? lines.slice(0, Math.max(0, lines.length - count.n)) : lines.slice(0, count.n)).join(''));
      }
    }
    return status;
  },
};

export const tail: Command = {
  name: 'tail',
  summary: 'last lines (tail -n 20 file, tail -n +2 skips a header)',
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'tail', { flags: 'qvfF', values: 'nc', numberOption: 'n', long: { lines: { key: 'n', value: true }, bytes: { key: 'c', value: true }, follow: { key: 'f' }, quiet: { key: 'q' }, verbose: { key: 'v' } } });
    if (typeof opts === 'number') return opts;
    const bytes = opts.last('c') !== undefined;
    const count = parseCount(ctx, 'tail', bytes ? opts.last('c') : opts.last('n'), bytes ? 'bytes' : 'lines');
    if (!count) return 1;
    const names = opts.operands.length ? opts.operands : ['-'];
    const headers = opts.has('v') || (names.length > 1 && !opts.has('q'));
    let status = 0;
    for (const [i, name] of names.entries()) {
      const operand = await readOperand(ctx, name);
      if ('error' in operand) {
        ctx.stderr.write(`tail: cannot open '${name}' for reading: ${operand.error.message}\n`);
        status = 1;
        continue;
      }
      if (headers) header(ctx, name, i === 0);
      if (bytes) {
        const chars = [...operand.text];
        ctx.stdout.write((count.sign === '+' ? chars.slice(Math.max(0, count.n - 1)) : chars.slice(Math.max(0, chars.length - count.n))).join(''));
        continue;
      }
      const lines = splitLines(operand.text);
      const shown = count.sign === '+' ? lines.slice(Math.max(0, count.n - 1)) : count.n === 0 ? [] : lines.slice(-count.n);
      const endsWithNewline = operand.text.endsWith('\n');
      ctx.stdout.write(shown.map((line, j) => line + (j < shown.length - 1 || endsWithNewline ? '\n' : '')).join(''));
    }
    if ((opts.has('f') || opts.has('F')) && names.length === 1 && names[0] !== '-' && status === 0) {
      await follow(ctx, ctx.resolve(names[0]!));
    }
    return status;
  },
};

/** tail -f: print what is appended to the file, checking each second, until Ctrl-C. */
async function follow(ctx: CommandContext, path: string): Promise<void> {
  let seen = ctx.fs.isFile(path) ? ctx.fs.readFile(path) : '';
  while (!ctx.signal.aborted) {
    await ctx.scheduler.sleep(1000, ctx.signal);
    if (ctx.signal.aborted || !ctx.fs.isFile(path)) continue;
    const now = ctx.fs.readFile(path);
    if (now.startsWith(seen)) ctx.stdout.write(now.slice(seen.length));
    else {
      ctx.stderr.write(`tail: ${path.slice(path.lastIndexOf('/') + 1)}: file truncated\n`);
      ctx.stdout.write(now);
    }
    seen = now;
  }
}
