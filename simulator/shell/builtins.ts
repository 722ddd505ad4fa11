// The commands every Wheelhouse terminal has, and a shell with them registered. kubectl, curl
// and the rest are added by the simulator with shell.commands.register(…).
import { base64 } from './commands/base64.ts';
import { echo, printf } from './commands/echo-printf.ts';
import { cat, cp, mkdir, mv, rm, touch } from './commands/file-commands.ts';
import { grep } from './commands/grep.ts';
import { head, tail } from './commands/head-tail.ts';
import { help } from './commands/help.ts';
import { ls } from './commands/ls.ts';
import { cd, clear, date, env, exit, exportCommand, falseCommand, history, pwd, sleep, trueCommand, type, unset, which } from './commands/shell-builtins.ts';
import { sort } from './commands/sort.ts';
import { cut, tee, tr, uniq } from './commands/text-filters.ts';
import { watch } from './commands/watch.ts';
import { wc } from './commands/wc.ts';
import { CommandRegistry, type Command } from './command.ts';
import { Shell, type ShellOptions } from './shell.ts';

export function builtinCommands(): Command[] {
  return [
    cd, pwd, ls, cat, mkdir, rm, touch, cp, mv,
    echo, printf, head, tail, grep, wc, sort, uniq, cut, tr, tee, base64,
    exportCommand, unset, env, which, type, history, clear, sleep, date, watch, help, exit, trueCommand, falseCommand,
  ];
}

/** A shell with the builtin commands, plus any the caller passes in (kubectl, curl…). */
export function createShell(opts: Omit<ShellOptions, 'commands'> & { commands?: Command[] }): Shell {
  const registry = new CommandRegistry().register(...builtinCommands(), ...(opts.commands ?? []));
  return new Shell({ ...opts, commands: registry });
}
