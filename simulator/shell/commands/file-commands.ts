// cat, mkdir, rm, touch, cp, mv over the workspace, with GNU coreutils' messages.
import type { Command, CommandContext } from '../command.ts';
import { basename, normalizePath } from '../paths.ts';
import { FsError } from '../workspace-fs.ts';
import { readOperand } from './inputs.ts';
import { parseOptions, reportUsage, UsageError, type OptionSpec, type ParsedOptions } from './options.ts';

/** Parse options, or print the usage error and give the status to return. */
export function options(ctx: CommandContext, name: string, spec: OptionSpec, status = 1): ParsedOptions | number {
  try {
    return parseOptions(ctx.args, spec);
  } catch (error) {
    if (error instanceof UsageError) return reportUsage(ctx.stderr, name, error, status);
    throw error;
  }
}

function missing(ctx: CommandContext, name: string, what = 'operand'): number {
  ctx.stderr.write(`${name}: missing ${what}\nTry '${name} --help' for more information.\n`);
  return 1;
}

export const cat: Command = {
  name: 'cat',
  summary: 'print files (cat deploy.yaml; cat - reads stdin)',
  group: 'files',
  async run(ctx) {
    const opts = options(ctx, 'cat', { flags: 'nAEsv', long: { number: { key: 'n' } } });
    if (typeof opts === 'number') return opts;
    let status = 0;
    let lineNumber = 0;
    let atLineStart = true;
    const write = (text: string) => {
      if (!opts.has('n')) return ctx.stdout.write(text);
      // Number lines across files and chunks, as cat -n does.
      let out = '';
      for (const c of text) {
        if (atLineStart) out += `${String(++lineNumber).padStart(6)}\t`;
        out += c;
        atLineStart = c === '\n';
      }
      ctx.stdout.write(out);
    };
    for (const name of opts.operands.length ? opts.operands : ['-']) {
      if (name === '-') {
        for await (const chunk of ctx.stdin) write(chunk);
        continue;
      }
      const operand = await readOperand(ctx, name);
      if ('error' in operand) {
        ctx.stderr.write(`cat: ${name}: ${operand.error.message}\n`);
        status = 1;
      } else write(operand.text);
    }
    return status;
  },
};

export const mkdir: Command = {
  name: 'mkdir',
  summary: 'make folders (-p: with parents, no error if they exist)',
  group: 'files',
  run(ctx) {
    const opts = options(ctx, 'mkdir', { flags: 'pv', long: { parents: { key: 'p' }, verbose: { key: 'v' } } });
    if (typeof opts === 'number') return opts;
    if (opts.operands.length === 0) return missing(ctx, 'mkdir');
    let status = 0;
    for (const name of opts.operands) {
      try {
        const path = ctx.resolve(name);
        if (opts.has('p') && ctx.fs.isDirectory(path)) continue;
        ctx.fs.mkdir(path, { recursive: opts.has('p') });
        if (opts.has('v')) ctx.stdout.write(`mkdir: created directory '${name}'\n`);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        ctx.stderr.write(`mkdir: cannot create directory ‘${name}’: ${error.message}\n`);
        status = 1;
      }
    }
    return status;
  },
};

export const rm: Command = {
  name: 'rm',
  summary: 'remove files (-r folders, -f no complaints)',
  group: 'files',
  run(ctx) {
    const opts = options(ctx, 'rm', {
      flags: 'rRfvid',
      long: { recursive: { key: 'r' }, force: { key: 'f' }, verbose: { key: 'v' }, dir: { key: 'd' } },
    });
    if (typeof opts === 'number') return opts;
    const recursive = opts.has('r') || opts.has('R');
    const force = opts.has('f');
    if (opts.operands.length === 0) return force ? 0 : missing(ctx, 'rm');
    let status = 0;
    for (const name of opts.operands) {
      const path = ctx.resolve(name);
      if (/(^|\/)\.\.?\/*$/.test(name)) {
        ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${name}'\n`);
        status = 1;
        continue;
      }
      if (path === '/' && recursive) {
        ctx.stderr.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
        status = 1;
        continue;
      }
      const stat = ctx.fs.stat(path);
      if (!stat) {
        if (!force) {
          ctx.stderr.write(`rm: cannot remove '${name}': No such file or directory\n`);
          status = 1;
        }
        continue;
      }
      if (stat.type === 'dir' && !recursive && !(opts.has('d') && ctx.fs.readdir(path).length === 0)) {
        ctx.stderr.write(`rm: cannot remove '${name}': ${opts.has('d') ? 'Directory not empty' : 'Is a directory'}\n`);
        status = 1;
        continue;
      }
      ctx.fs.remove(path, { recursive });
      if (opts.has('v')) ctx.stdout.write(stat.type === 'dir' ? `removed directory '${name}'\n` : `removed '${name}'\n`);
    }
    return status;
  },
};

export const touch: Command = {
  name: 'touch',
  summary: 'create empty files, or update their time',
  group: 'files',
  run(ctx) {
    const opts = options(ctx, 'touch', { flags: 'acm', long: { 'no-create': { key: 'c' } } });
    if (typeof opts === 'number') return opts;
    if (opts.operands.length === 0) return missing(ctx, 'touch', 'file operand');
    let status = 0;
    for (const name of opts.operands) {
      const path = ctx.resolve(name);
      if (opts.has('c') && !ctx.fs.exists(path)) continue;
      try {
        ctx.fs.touch(path);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        ctx.stderr.write(`touch: cannot touch '${name}': ${error.message}\n`);
        status = 1;
      }
    }
    return status;
  },
};

/** Sources and destination for cp/mv, with the checks both share; undefined after an error. */
/** One source of a cp or mv, with where it lands: `shownTo` as the learner wrote it, `to` resolved. */
interface PlannedCopy {
  source: string;
  from: string;
  shownTo: string;
  to: string;
}

/** cp and mv share their operand rules: the last operand is the target, a folder when several sources. */
function plannedCopies(ctx: CommandContext, name: string, operands: string[]): PlannedCopy[] | undefined {
  if (operands.length === 0) {
    missing(ctx, name, 'file operand');
    return undefined;
  }
  if (operands.length === 1) {
    ctx.stderr.write(`${name}: missing destination file operand after '${operands[0]}'\nTry '${name} --help' for more information.\n`);
    return undefined;
  }
  const target = operands[operands.length - 1]!;
  const intoDir = ctx.fs.isDirectory(ctx.resolve(target));
  if (operands.length > 2 && !intoDir) {
    ctx.stderr.write(`${name}: target '${target}' is not a directory\n`);
    return undefined;
  }
  return operands.slice(0, -1).map((source) => {
    const from = ctx.resolve(source);
    const shownTo = intoDir ? `${target.replace(/\/+$/, '')}/${basename(from)}` : target;
    return { source, from, shownTo, to: ctx.resolve(shownTo) };
  });
}

function copyTree(ctx: CommandContext, from: string, to: string): void {
  if (ctx.fs.isDirectory(from)) {
    if (!ctx.fs.isDirectory(to)) ctx.fs.mkdir(to);
    for (const name of ctx.fs.readdir(from)) copyTree(ctx, `${from}/${name}`, `${to}/${name}`);
  } else {
    ctx.fs.writeFile(to, ctx.fs.readFile(from));
  }
}

export const cp: Command = {
  name: 'cp',
  summary: 'copy files (-r folders)',
  group: 'files',
  run(ctx) {
    const opts = options(ctx, 'cp', { flags: 'rRavfin', long: { recursive: { key: 'r' }, verbose: { key: 'v' }, force: { key: 'f' } } });
    if (typeof opts === 'number') return opts;
    const plan = plannedCopies(ctx, 'cp', opts.operands);
    if (!plan) return 1;
    const recursive = opts.has('r') || opts.has('R') || opts.has('a');
    let status = 0;
    for (const { source, from, shownTo, to } of plan) {
      const fail = (message: string) => {
        ctx.stderr.write(`cp: ${message}\n`);
        status = 1;
      };
      if (!ctx.fs.exists(from)) {
        fail(`cannot stat '${source}': No such file or directory`);
        continue;
      }
      if (ctx.fs.isDirectory(from) && !recursive) {
        fail(`-r not specified; omitting directory '${source}'`);
        continue;
      }
      if (normalizePath(from) === normalizePath(to)) {
        fail(`'${source}' and '${shownTo}' are the same file`);
        continue;
      }
      if (ctx.fs.isDirectory(from) && (to + '/').startsWith(from + '/')) {
        fail(`cannot copy a directory, '${source}', into itself, '${shownTo}'`);
        continue;
      }
      if (ctx.fs.isFile(from) && ctx.fs.isDirectory(to)) {
        fail(`cannot overwrite directory '${shownTo}' with non-directory`);
        continue;
      }
      try {
        copyTree(ctx, from, to);
        if (opts.has('v')) ctx.stdout.write(`'${source}' -> '${shownTo}'\n`);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        fail(`cannot create regular file '${shownTo}': ${error.message}`);
      }
    }
    return status;
  },
};

export const mv: Command = {
  name: 'mv',
  summary: 'move or rename files and folders',
  group: 'files',
  run(ctx) {
    const opts = options(ctx, 'mv', { flags: 'fivn', long: { force: { key: 'f' }, verbose: { key: 'v' } } });
    if (typeof opts === 'number') return opts;
    const plan = plannedCopies(ctx, 'mv', opts.operands);
    if (!plan) return 1;
    let status = 0;
    for (const { source, from, shownTo, to } of plan) {
      const fail = (message: string) => {
        ctx.stderr.write(`mv: ${message}\n`);
        status = 1;
      };
      if (!ctx.fs.exists(from)) {
        fail(`cannot stat '${source}': No such file or directory`);
        continue;
      }
      if (from === to) {
        fail(`'${source}' and '${shownTo}' are the same file`);
        continue;
      }
      if ((to + '/').startsWith(from + '/')) {
        fail(`cannot move '${source}' to a subdirectory of itself, '${shownTo}'`);
        continue;
      }
      try {
        ctx.fs.rename(from, to);
        if (opts.has('v')) ctx.stdout.write(`renamed '${source}' -> '${shownTo}'\n`);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        if (error.code === 'EISDIR') fail(`cannot overwrite directory '${shownTo}' with non-directory`);
        else if (error.code === 'ENOTDIR') fail(`cannot overwrite non-directory '${shownTo}' with directory '${source}'`);
        else fail(`cannot move '${source}' to '${shownTo}': ${error.message}`);
      }
    }
    return status;
  },
};
