// `kubectl --help` and `kubectl <command> --help`, laid out like kubectl's help templates:
// the description, Aliases, Examples, the subcommand list, Options (one flag per block, the
// default after `=`, the usage on the next line after a tab), Usage, and the two closing hints.
import { helpGroups, type KubectlCommand } from './command.ts';
import type { FlagSpec } from './flags.ts';

export const globalOptionsHint = 'Use "kubectl options" for a list of global command-line options (applies to all commands).';

function defaultText(flag: FlagSpec): string {
  switch (flag.type) {
    case 'bool':
      return flag.default ?? 'false';
    case 'int':
      return flag.default ?? '0';
    case 'duration':
      return flag.default ?? '0s';
    case 'stringArray':
    case 'stringSlice':
      return flag.default ?? '[]';
    default:
      return `'${flag.default ?? ''}'`;
  }
}

/** Go's wordwrap.WrapString: break at spaces so lines stay within `limit` where possible. */
function wrap(text: string, limit: number): string {
  if (!Number.isFinite(limit) || limit <= 0) return text;
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > limit) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  out.push(line);
  return out.join('\n');
}

export function flagUsages(flags: FlagSpec[], wrapLimit: number): string {
  return flags
    .filter((f) => !f.hidden)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((f) => {
      const head = `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:`;
      return `${head}\n\t${wrap(f.usage, wrapLimit - 10).replace(/\n/g, '\n\t')}`;
    })
    .join('\n\n');
}

function commandList(commands: KubectlCommand[], pad: number): string {
  return commands.map((c) => `  ${c.name.padEnd(pad)} ${c.short}`).join('\n');
}

function padFor(commands: KubectlCommand[]): number {
  return Math.max(11, ...commands.map((c) => c.name.length + 2));
}

/** Help for one command; `path` is its full name ("kubectl config set-context"). */
export function commandHelp(cmd: KubectlCommand, path: string, wrapLimit = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [(cmd.long ?? cmd.short).trim()];
  if (cmd.aliases?.length) parts.push(`Aliases:\n${[cmd.name, ...cmd.aliases].join(', ')}`);
  if (cmd.example) parts.push(`Examples:\n${cmd.example.trimEnd()}`);
  const subs = cmd.subcommands ?? [];
  if (subs.length) parts.push(`Available Commands:\n${commandList(subs, padFor(subs))}`);
  const flags = (cmd.flags ?? []).filter((f) => !f.hidden);
  if (flags.length) parts.push(`Options:\n${flagUsages(flags, wrapLimit)}`);
  const parent = path.slice(0, path.lastIndexOf(' '));
  parts.push(`Usage:\n  ${parent} ${cmd.use} [options]`);
  let tips = '';
  if (subs.length) tips += `Use "${path} <command> --help" for more information about a given command.\n`;
  tips += globalOptionsHint;
  parts.push(tips);
  return `${parts.join('\n\n')}\n`;
}

/** `kubectl` and `kubectl --help`: the command groups. */
export function rootHelp(commands: KubectlCommand[]): string {
  const pad = padFor(commands);
  const sections: string[] = [];
  for (const group of helpGroups) {
    const members = commands.filter((c) => c.group === group);
    if (members.length) sections.push(`${group}:\n${commandList(members, pad)}`);
  }
  return [
    'kubectl controls the Kubernetes cluster manager.',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    ...sections,
    'Usage:\n  kubectl [flags] [options]',
    `Use "kubectl <command> --help" for more information about a given command.\n${globalOptionsHint}`,
  ].join('\n\n') + '\n';
}
