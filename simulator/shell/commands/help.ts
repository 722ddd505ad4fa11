// help: what works in this terminal, grouped, and what to do for what does not.
import type { Command, CommandGroup } from '../command.ts';
import { unavailableCommandNames } from '../unavailable.ts';

const groups: [CommandGroup, string][] = [
  ['kubernetes', 'Kubernetes'],
  ['network', 'Network'],
  ['files', 'Files'],
  ['text', 'Text'],
  ['shell', 'Shell'],
];

function wrap(words: string[], indent: number, width = 78): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent + line.length + 2 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line}  ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

export const help: Command = {
  name: 'help',
  summary: 'this list; help <command> for one command',
  group: 'shell',
  builtin: true,
  run(ctx) {
    const commands = ctx.shell.commands.all();
    if (ctx.args.length > 0) {
      let status = 0;
      for (const name of ctx.args) {
        const command = ctx.shell.commands.get(name);
        if (command) ctx.stdout.write(`${name}: ${command.summary ?? '(no description)'}\n`);
        else {
          ctx.stderr.write(`bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`);
          status = 1;
        }
      }
      return status;
    }
    let out = 'Commands in this terminal:\n\n';
    for (const [group, title] of groups) {
      const names = commands.filter((c) => (c.group ?? 'shell') === group).map((c) => c.name);
      if (names.length > 0) out += `  ${(title + ':').padEnd(12)}${wrap(names, 14)}\n`;
    }
    out +=
      '\nShell: pipes (|), && and ||, ;, redirections (> >> < 2> 2>&1 &>), here-documents (<<EOF),\n' +
      "$VAR, ${VAR:-default}, $(command), 'single' and \"double\" quotes, globs (*.yaml), # comments.\n" +
      'Keys: Tab completes, Up/Down recall history, Ctrl-R searches it, Ctrl-C stops a command,\n' +
      'Ctrl-L clears, Ctrl-A/Ctrl-E jump to the start/end of the line.\n' +
      '\nNot in this terminal (run them on your own machine, see "Use your own cluster"):\n' +
      `  ${wrap(unavailableCommandNames().filter((n) => !ctx.shell.commands.has(n)), 2)}\n` +
      'Edit files with the editor panel. `help <command>` says what a command is for.\n';
    ctx.stdout.write(out);
    return 0;
  },
};
