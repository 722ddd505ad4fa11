// wc: lines, words and bytes, padded the way GNU wc pads them.
import type { Command } from '../command.ts';
import { options } from './file-commands.ts';
import { readOperand } from './inputs.ts';

const encoder = new TextEncoder();

export const wc: Command = {
  name: 'wc',
  summary: 'count lines, words, bytes (wc -l)',
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'wc', { flags: 'lwcm', long: { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' } } });
    if (typeof opts === 'number') return opts;
    const wanted = ['l', 'w', 'm', 'c'].filter((f) => opts.has(f));
    const counts = wanted.length > 0 ? wanted : ['l', 'w', 'c'];
    const names = opts.operands.length ? opts.operands : ['-'];
    let status = 0;
    const rows: { numbers: number[]; name: string | undefined }[] = [];
    const totals = counts.map(() => 0);
    let regularBytes = 0;
    let anyStdin = false;
    for (const name of names) {
      const operand = await readOperand(ctx, name);
      if ('error' in operand) {
        ctx.stderr.write(`wc: ${name}: ${operand.error.message}\n`);
        status = 1;
        continue;
      }
      const text = operand.text;
      const bytes = encoder.encode(text).length;
      if (operand.stdin) anyStdin = true;
      else regularBytes += bytes;
      const values: Record<string, number> = {
        l: (text.match(/\n/g) ?? []).length,
        w: text.split(/\s+/).filter(Boolean).length,
        m: [...text].length,
        c: bytes,
      };
      const numbers = counts.map((c) => values[c]!);
      numbers.forEach((n, i) => (totals[i]! += n));
      rows.push({ numbers, name: opts.operands.length ? name : undefined });
    }
    if (names.length > 1) rows.push({ numbers: totals, name: 'total' });
    // GNU: one count of one input needs no padding; otherwise as wide as the total byte count,
    // and at least 7 when any input is not a regular file.
    const width = counts.length === 1 && names.length === 1 ? 1 : Math.max(anyStdin ? 7 : 1, String(regularBytes).length);
    for (const row of rows) {
      const numbers = row.numbers.map((n) => String(n).padStart(width)).join(' ');
      ctx.stdout.write(row.name === undefined ? numbers + '\n' : `${numbers} ${row.name}\n`);
    }
    return status;
  },
};
