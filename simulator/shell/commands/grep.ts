// grep over files and standard input, streaming line by line so it can sit behind
// `kubectl get pods -w`. Options: -i -v -n -c -E -F -w -x -o -l -L -q -s -h -H -r -e -A -B -C.
import type { Command, CommandContext } from '../command.ts';
import { readLines } from '../streams.ts';
import { options } from './file-commands.ts';
import { operandLines } from './inputs.ts';
import { compilePatterns, PatternError } from './grep-pattern.ts';

const usage = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

/** Files under a directory, depth first in name order, for -r. */
function walk(ctx: CommandContext, shown: string, path: string): { shown: string; path: string }[] {
  if (!ctx.fs.isDirectory(path)) return [{ shown, path }];
  return ctx.fs.readdir(path).flatMap((name) => walk(ctx, shown === '' ? name : `${shown.replace(/\/$/, '')}/${name}`, `${path}/${name}`));
}

export const grep: Command = {
  name: 'grep',
  summary: 'find lines (-i, -v, -n, -c, -E, -w, -o, -A/-B/-C, -r)',
  group: 'text',
  async run(ctx) {
    const opts = options(
      ctx,
      'grep',
      {
        flags: 'ivncEFGwxolLqshHrRPZ',
        values: 'eABCfm',
        long: {
          'ignore-case': { key: 'i' },
          'invert-match': { key: 'v' },
          'line-number': { key: 'n' },
          count: { key: 'c' },
          'extended-regexp': { key: 'E' },
          'fixed-strings': { key: 'F' },
          'word-regexp': { key: 'w' },
          'line-regexp': { key: 'x' },
          'only-matching': { key: 'o' },
          'files-with-matches': { key: 'l' },
          'files-without-match': { key: 'L' },
          quiet: { key: 'q' },
          silent: { key: 'q' },
          'no-messages': { key: 's' },
          recursive: { key: 'r' },
          regexp: { key: 'e', value: true },
          'after-context': { key: 'A', value: true },
          'before-context': { key: 'B', value: true },
          context: { key: 'C', value: true },
          'max-count': { key: 'm', value: true },
          color: { key: 'color', value: true },
          colour: { key: 'color', value: true },
          'with-filename': { key: 'H' },
          'no-filename': { key: 'h' },
        },
      },
      2,
    );
    if (typeof opts === 'number') {
      return opts;
    }
    const operands = [...opts.operands];
    let patterns = opts.values.get('e') ?? [];
    if (patterns.length === 0) {
      if (operands.length === 0) {
        ctx.stderr.write(`${usage}\nTry 'grep --help' for more information.\n`);
        return 2;
      }
      patterns = [operands.shift()!];
    }
    patterns = patterns.flatMap((p) => p.split('\n'));
    const numberOption = (key: string): number | undefined | false => {
      const raw = opts.last(key);
      if (raw === undefined) return undefined;
      if (!/^\d+$/.test(raw)) {
        ctx.stderr.write(key === 'm' ? `grep: invalid max count\n` : `grep: ${raw}: invalid context length argument\n`);
        return false;
      }
      return Number(raw);
    };
    const context = numberOption('C');
    const after = numberOption('A');
    const before = numberOption('B');
    const maxCount = numberOption('m');
    if (context === false || after === false || before === false || maxCount === false) return 2;
    const afterN = after ?? context ?? 0;
    const beforeN = before ?? context ?? 0;

    let regexp: RegExp;
    try {
      regexp = compilePatterns(patterns, {
        syntax: opts.has('F') ? 'fixed' : opts.has('E') ? 'extended' : 'basic',
        ignoreCase: opts.has('i'),
        wholeWord: opts.has('w'),
        wholeLine: opts.has('x'),
      });
    } catch (error) {
      if (error instanceof PatternError) {
        ctx.stderr.write(`grep: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    const matches = (line: string) => {
      regexp.lastIndex = 0;
      return regexp.test(line) !== opts.has('v');
    };

    const recursive = opts.has('r') || opts.has('R');
    let targets: { shown: string; path: string | undefined }[];
    if (operands.length === 0) targets = recursive ? walk(ctx, '', ctx.cwd) : [{ shown: '(standard input)', path: undefined }];
    else {
      targets = [];
      for (const name of operands) {
        if (name === '-') targets.push({ shown: '(standard input)', path: undefined });
        else if (recursive && ctx.fs.isDirectory(ctx.resolve(name))) targets.push(...walk(ctx, name, ctx.resolve(name)));
        else targets.push({ shown: name, path: ctx.resolve(name) });
      }
    }
    const showNames = opts.has('H') || (!opts.has('h') && (targets.length > 1 || recursive));
    const quiet = opts.has('q');
    let anySelected = false;
    let errors = false;

    for (const target of targets) {
      if (target.path !== undefined && ctx.fs.isDirectory(target.path)) {
        if (!opts.has('s')) ctx.stderr.write(`grep: ${target.shown}: Is a directory\n`);
        errors = true;
        continue;
      }
      const lines =
        target.path === undefined
          ? readLines(ctx.stdin)
          : operandLines(ctx, target.path, (error) => {
              if (!opts.has('s')) ctx.stderr.write(`grep: ${target.shown}: ${error.message}\n`);
              errors = true;
            });
      const prefix = (n: number, sep: ':' | '-') => (showNames ? target.shown + sep : '') + (opts.has('n') ? `${n}${sep}` : '');
      let count = 0;
      let lineNumber = 0;
      let lastPrinted = 0;
      let afterLeft = 0;
      const held: [number, string][] = [];
      const listOnly = opts.has('l') || opts.has('L') || opts.has('c') || quiet;
      for await (const line of lines) {
        lineNumber++;
        if (maxCount !== undefined && count >= maxCount) {
          // Stop at the max count, but keep printing trailing context as GNU does.
          if (afterLeft > 0 && !listOnly) {
            ctx.stdout.write(prefix(lineNumber, '-') + line + '\n');
            lastPrinted = lineNumber;
            afterLeft--;
            continue;
          }
          break;
        }
        if (!matches(line)) {
          if (afterLeft > 0 && !listOnly) {
            ctx.stdout.write(prefix(lineNumber, '-') + line + '\n');
            lastPrinted = lineNumber;
            afterLeft--;
          } else if (beforeN > 0) {
            held.push([lineNumber, line]);
            if (held.length > beforeN) held.shift();
          }
          continue;
        }
        count++;
        anySelected = true;
        if (quiet) return 0;
        if (listOnly) continue;
        if ((afterN > 0 || beforeN > 0) && lastPrinted > 0 && (held[0]?.[0] ?? lineNumber) > lastPrinted + 1) ctx.stdout.write('--\n');
        for (const [n, text] of held) ctx.stdout.write(prefix(n, '-') + text + '\n');
        held.length = 0;
        if (opts.has('o')) {
          if (!opts.has('v')) {
            regexp.lastIndex = 0;
            for (const match of line.matchAll(regexp)) if (match[0] !== '') ctx.stdout.write(prefix(lineNumber, ':') + match[0] + '\n');
          }
        } else {
          ctx.stdout.write(prefix(lineNumber, ':') + line + '\n');
        }
        lastPrinted = lineNumber;
        afterLeft = afterN;
      }
      if (opts.has('c')) ctx.stdout.write((showNames ? target.shown + ':' : '') + count + '\n');
      if (opts.has('l') && count > 0) ctx.stdout.write(target.shown + '\n');
      if (opts.has('L') && count === 0 && !errors) ctx.stdout.write(target.shown + '\n');
    }
    if (errors && !(quiet && anySelected)) return 2;
    return anySelected ? 0 : 1;
  },
};
