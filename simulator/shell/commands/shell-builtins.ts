// Builtins that change or report the shell's own state: cd, pwd, export, unset, env, which,
// type, history, clear, exit, and the trivial true/false/sleep/date.
import type { Command, CommandContext } from '../command.ts';
import { defaultDateFormat, formatDate } from './date-format.ts';
import { parseOptions, reportUsage, UsageError } from './options.ts';

const validName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Quote a value so `declare -x` output can be pasted back, as bash prints it. */
function declareQuote(value: string): string {
  return '"' + value.replace(/(["\\$`])/g, '\\$1') + '"';
}

/** Quote a word for re-parsing (env, watch). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : "'" + word.replace(/'/g, "'\\''") + "'";
}

export const cd: Command = {
  name: 'cd',
  summary: 'change the working directory (cd, cd -, cd ~/app)',
  group: 'files',
  builtin: true,
  run(ctx) {
    const args = ctx.args[0] === '--' ? ctx.args.slice(1) : ctx.args;
    if (args.length > 1) {
      ctx.stderr.write('bash: cd: too many arguments\n');
      return 1;
    }
    let target = args[0] ?? ctx.env.HOME ?? ctx.shell.home;
    if (target === '-') {
      const old = ctx.shell.getVar('OLDPWD');
      if (!old) {
        ctx.stderr.write('bash: cd: OLDPWD not set\n');
        return 1;
      }
      target = old;
      ctx.stdout.write(old + '\n');
    }
    const path = ctx.resolve(target);
    if (!ctx.fs.exists(path)) {
      ctx.stderr.write(`bash: cd: ${target}: No such file or directory\n`);
      return 1;
    }
    if (!ctx.fs.isDirectory(path)) {
      ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
      return 1;
    }
    ctx.shell.setCwd(path);
    return 0;
  },
};

export const pwd: Command = {
  name: 'pwd',
  summary: 'print the working directory',
  group: 'files',
  run(ctx) {
    ctx.stdout.write(ctx.shell.cwd + '\n');
    return 0;
  },
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'set a variable for the commands you run (export NS=shop)',
  group: 'shell',
  builtin: true,
  run(ctx) {
    const args = ctx.args.filter((a) => a !== '-p');
    if (args.length === 0) {
      for (const v of ctx.shell.variables()) if (v.exported) ctx.stdout.write(`declare -x ${v.name}=${declareQuote(v.value)}\n`);
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!validName.test(name)) {
        ctx.stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (eq >= 0) ctx.shell.setVar(name, arg.slice(eq + 1));
      ctx.shell.exportVar(name);
    }
    return status;
  },
};

export const unset: Command = {
  name: 'unset',
  summary: 'remove a variable',
  group: 'shell',
  builtin: true,
  run(ctx) {
    let status = 0;
    for (const name of ctx.args.filter((a) => a !== '-v')) {
      if (!validName.test(name)) {
        ctx.stderr.write(`bash: unset: \`${name}': not a valid identifier\n`);
        status = 1;
      } else ctx.shell.unsetVar(name);
    }
    return status;
  },
};

export const env: Command = {
  name: 'env',
  summary: 'print the environment, or run a command with more variables',
  group: 'shell',
  async run(ctx) {
    const vars: Record<string, string> = { ...ctx.env };
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const arg = ctx.args[i]!;
      const eq = arg.indexOf('=');
      if (eq <= 0) break;
      vars[arg.slice(0, eq)] = arg.slice(eq + 1);
    }
    const rest = ctx.args.slice(i);
    if (rest.length === 0) {
      for (const [name, value] of Object.entries(vars)) ctx.stdout.write(`${name}=${value}\n`);
      return 0;
    }
    if (rest[0]!.startsWith('-')) {
      ctx.stderr.write(`env: invalid option -- '${rest[0]!.slice(1, 2)}'\nTry 'env --help' for more information.\n`);
      return 125;
    }
    const added = Object.entries(vars).filter(([name, value]) => ctx.env[name] !== value);
    const line = [...added.map(([n, v]) => `${n}=${shellQuote(v)}`), ...rest.map(shellQuote)].join(' ');
    return ctx.shell.run(line, { stdout: ctx.stdout, stderr: ctx.stderr, signal: ctx.signal });
  },
};

/** Where `which` says a command lives. */
export function commandPath(command: Command): string {
  return command.group === 'kubernetes' || command.group === 'network' ? `/usr/local/bin/${command.name}` : `/usr/bin/${command.name}`;
}

export const which: Command = {
  name: 'which',
  summary: 'show where a command is',
  group: 'shell',
  run(ctx) {
    let status = 0;
    for (const name of ctx.args.filter((a) => !a.startsWith('-'))) {
      const command = ctx.shell.commands.get(name);
      if (command && !command.builtin) ctx.stdout.write(commandPath(command) + '\n');
      else status = 1;
    }
    return ctx.args.length === 0 ? 1 : status;
  },
};

export const type: Command = {
  name: 'type',
  summary: 'tell whether a name is a builtin or a command',
  group: 'shell',
  builtin: true,
  run(ctx) {
    let status = 0;
    for (const name of ctx.args) {
      const command = ctx.shell.commands.get(name);
      if (!command) {
        ctx.stderr.write(`bash: type: ${name}: not found\n`);
        status = 1;
      } else if (command.builtin || ['echo', 'printf', 'pwd', 'true', 'false'].includes(name)) {
        ctx.stdout.write(`${name} is a shell builtin\n`);
      } else {
        ctx.stdout.write(`${name} is ${commandPath(command)}\n`);
      }
    }
    return status;
  },
};

export const history: Command = {
  name: 'history',
  summary: 'list the commands you typed (history -c clears)',
  group: 'shell',
  builtin: true,
  run(ctx) {
    if (ctx.args[0] === '-c') {
      ctx.shell.clearHistory();
      return 0;
    }
    const entries = ctx.shell.history();
    let first = 0;
    if (ctx.args[0] !== undefined) {
      if (!/^\d+$/.test(ctx.args[0])) {
        ctx.stderr.write(`bash: history: ${ctx.args[0]}: numeric argument required\n`);
        return 1;
      }
      first = Math.max(0, entries.length - Number(ctx.args[0]));
    }
    for (let i = first; i < entries.length; i++) ctx.stdout.write(`${String(i + 1).padStart(5)}  ${entries[i]}\n`);
    return 0;
  },
};

export const clear: Command = {
  name: 'clear',
  summary: 'clear the screen (or press Ctrl-L)',
  group: 'shell',
  run(ctx) {
    ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

export const trueCommand: Command = { name: 'true', summary: 'do nothing, successfully', group: 'shell', run: () => 0 };
export const falseCommand: Command = { name: 'false', summary: 'do nothing, unsuccessfully', group: 'shell', run: () => 1 };

export const exit: Command = {
  name: 'exit',
  summary: '(the in-browser terminal stays open)',
  group: 'shell',
  builtin: true,
  run(ctx) {
    ctx.stderr.write('exit: the in-browser terminal stays open — clear the screen with `clear` or Ctrl-L\n');
    return 0;
  },
};

const sleepUnits: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleep: Command = {
  name: 'sleep',
  summary: 'wait some seconds (sleep 5, sleep 1m)',
  group: 'shell',
  async run(ctx) {
    if (ctx.args.length === 0) {
      ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let total = 0;
    for (const arg of ctx.args) {
      const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
      if (!match) {
        ctx.stderr.write(`sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      total += Number(match[1]) * sleepUnits[match[2]!]!;
    }
    await ctx.scheduler.sleep(total, ctx.signal);
    return 0;
  },
};

export const date: Command = {
  name: 'date',
  summary: 'print the time (date +%H:%M:%S, date -u)',
  group: 'shell',
  run(ctx: CommandContext) {
    // -I takes an optional attached value, which getopt-style parsing cannot express.
    let iso: string | undefined;
    const args = ctx.args.filter((arg) => {
      const match = /^(?:-I|--iso-8601=?)(.*)$/.exec(arg);
      if (match) iso = match[1] || 'date';
      return !match;
    });
    let opts;
    try {
      opts = parseOptions(args, { flags: 'uR', long: { utc: { key: 'u' }, universal: { key: 'u' }, 'rfc-email': { key: 'R' } } });
    } catch (error) {
      if (error instanceof UsageError) return reportUsage(ctx.stderr, 'date', error);
      throw error;
    }
    const now = ctx.scheduler.now();
    const [format, ...extra] = opts.operands;
    if (extra.length > 0 || (format !== undefined && !format.startsWith('+'))) {
      ctx.stderr.write(`date: invalid date '${format}'\n`);
      return 1;
    }
    let pattern = format?.slice(1) ?? defaultDateFormat;
    if (opts.has('R')) pattern = '%a, %d %b %Y %H:%M:%S %z';
    if (iso !== undefined) pattern = iso === 'date' ? '%Y-%m-%d' : iso === 'hours' ? '%Y-%m-%dT%H+00:00' : iso === 'minutes' ? '%Y-%m-%dT%H:%M+00:00' : '%Y-%m-%dT%H:%M:%S+00:00';
    ctx.stdout.write(formatDate(now, pattern) + '\n');
    return 0;
  },
};
