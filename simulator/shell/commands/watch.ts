// watch: run a command every -n seconds on the virtual clock and show its latest output full
// screen, with the header procps prints, until Ctrl-C. Like procps it uses the terminal's
// alternate screen, so the learner's scrollback is back as it was afterwards.
import type { Command } from '../command.ts';
import { collectOutput } from '../streams.ts';
import { formatDate } from './date-format.ts';
import { options } from './file-commands.ts';

const enterAlternateScreen = '\x1b[?1049h';
const leaveAlternateScreen = '\x1b[?1049l';
const clearScreen = '\x1b[H\x1b[2J';

/** The first line of the screen: "Every 2.0s: cmd" on the left, "host: date" on the right. */
export function watchHeader(intervalSeconds: number, command: string, host: string, nowMs: number, width: number): string {
  const left = `Every ${intervalSeconds.toFixed(1)}s: `;
  const right = `${host}: ${formatDate(nowMs, '%a %b %e %H:%M:%S %Y')}`;
  const room = width - left.length - right.length - 1;
  if (room < 1) return (left + command).slice(0, width);
  const shown = command.length > room ? command.slice(0, Math.max(0, room - 3)) + '...' : command;
  return left + shown + ' '.repeat(width - left.length - shown.length - right.length) + right;
}

export const watch: Command = {
  name: 'watch',
  summary: 'rerun a command every 2s (watch -n 1 kubectl get pods); Ctrl-C stops',
  group: 'shell',
  async run(ctx) {
    const opts = options(ctx, 'watch', {
      flags: 'tdxbecgp',
      values: 'n',
      long: { interval: { key: 'n', value: true }, 'no-title': { key: 't' }, differences: { key: 'd' }, exec: { key: 'x' }, beep: { key: 'b' }, errexit: { key: 'e' }, chgexit: { key: 'g' }, color: { key: 'c' }, precise: { key: 'p' } },
      stopAtOperand: true,
    });
    if (typeof opts === 'number') return opts;
    if (opts.operands.length === 0) {
      ctx.stderr.write('\nUsage:\n watch [options] command\n');
      return 1;
    }
    const intervalText = opts.last('n') ?? '2';
    const seconds = Number(intervalText.replace(',', '.'));
    if (!Number.isFinite(seconds)) {
      ctx.stderr.write(`watch: failed to parse argument: '${intervalText}'\n`);
      return 1;
    }
    const interval = Math.max(0.1, seconds);
    const command = opts.operands.join(' ');
    const width = ctx.stdout.isTerminal ? ctx.stdout.columns : 80;
    const host = ctx.env.HOSTNAME ?? 'wheelhouse';

    ctx.stdout.write(enterAlternateScreen);
    ctx.signal.addEventListener('abort', () => ctx.stdout.write(leaveAlternateScreen), { once: true });
    let previous: string | undefined;
    while (!ctx.signal.aborted) {
      const out = collectOutput({ columns: width });
      const status = await ctx.shell.run(command, { stdout: out, stderr: out, signal: ctx.signal });
      if (ctx.signal.aborted) break;
      const lines = out.text().replace(/\n$/, '').split('\n').map((line) => cut(line, width));
      const title = opts.has('t') ? '' : watchHeader(interval, command, host, ctx.scheduler.now(), width) + '\n\n';
      ctx.stdout.write(clearScreen + title + lines.join('\n'));
      if (opts.has('e') && status !== 0) {
        ctx.stdout.write(`\ncommand exit with a non-zero status, press a key to exit`);
        ctx.stdout.write(leaveAlternateScreen);
        return 8;
      }
      if (opts.has('g') && previous !== undefined && previous !== out.text()) {
        ctx.stdout.write(leaveAlternateScreen);
        return 0;
      }
      previous = out.text();
      await ctx.scheduler.sleep(interval * 1000, ctx.signal);
    }
    return 0;
  },
};

/** curses does not wrap: a long line is cut at the screen edge (escape codes don't count). */
function cut(line: string, width: number): string {
  let visible = 0;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const esc = /^\x1b\[[0-9;?]*[A-Za-z]/.exec(line.slice(i));
    if (esc) {
      out += esc[0];
      i += esc[0].length - 1;
      continue;
    }
    if (visible >= width) break;
    out += line[i];
    visible++;
  }
  return out;
}
