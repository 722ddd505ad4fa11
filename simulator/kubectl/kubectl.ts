// The `kubectl` command of the lab terminal. It finds the subcommand the way cobra does (global
// flags may come first: `kubectl -n kube-system get pods`), parses the flags, prints help for
// -h/--help, resolves the namespace from -n or the kubeconfig context, runs the subcommand and
// prints any failure exactly as kubectl's CheckErr would, with exit status 1.
import type { Command, CommandContext } from '../shell/command.ts';
import type { CompletionRequest } from '../shell/completion-types.ts';
import { kubectlCommands } from './commands.ts';
import { findCommand, type Invocation, type KubectlCommand, type KubectlHost } from './command.ts';

export { findCommand };
import { completeKubectl } from './completion.ts';
import { formatError, KubectlError, UsageError } from './errors.ts';
import { FlagError, firstPositional, parseFlags } from './flags.ts';
import { globalFlags, helpFlag } from './global-flags.ts';
import { commandHelp, rootHelp } from './help.ts';

export interface KubectlOptions {
  /** Extra subcommands (the workload commands register here); same names replace the built-ins. */
  commands?: KubectlCommand[];
}

/** cobra's "Did you mean this?": names within two edits, or starting with what was typed. */
function suggestions(commands: readonly KubectlCommand[], typed: string): string[] {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length]![b.length]!;
  };
  const lower = typed.toLowerCase();
  return commands.filter((c) => distance(lower, c.name) <= 2 || c.name.startsWith(lower)).map((c) => c.name);
}

function unknownCommand(commands: readonly KubectlCommand[], typed: string, path: string): KubectlError {
  const similar = suggestions(commands, typed);
  const hint = similar.length ? `\n\nDid you mean this?\n${similar.map((s) => `\t${s}\n`).join('')}` : '';
  return new KubectlError(`unknown command ${JSON.stringify(typed)} for ${JSON.stringify(path)}${hint}`);
}

export function createKubectl(host: KubectlHost, options: KubectlOptions = {}): Command {
  const commands = [...kubectlCommands];
  for (const extra of options.commands ?? []) {
    const at = commands.findIndex((c) => c.name === extra.name);
    if (at >= 0) commands[at] = extra;
    else commands.push(extra);
  }
  return {
    name: 'kubectl',
    group: 'kubernetes',
    summary: 'talk to the cluster (kubectl get pods, kubectl apply -f app.yaml)',
    run: (ctx) => runKubectl(ctx, host, commands),
    complete: (request: CompletionRequest) => completeKubectl(request, host, commands),
  };
}

async function runKubectl(ctx: CommandContext, host: KubectlHost, commands: KubectlCommand[]): Promise<number> {
  const argv = [...ctx.args];
  let path = 'kubectl';
  try {
    const rootFlags = [...globalFlags, helpFlag];
    const at = firstPositional(argv, rootFlags);
    if (at < 0) {
      const flags = parseFlags(argv, rootFlags);
      void flags;
      ctx.stdout.write(rootHelp(commands));
      return 0;
    }
    let name = argv[at]!;
    argv.splice(at, 1);
    if (name === 'help') {
      const target = argv.length ? findCommand(commands, argv[0]!) : undefined;
      if (argv.length && !target) throw unknownCommand(commands, argv[0]!, 'kubectl');
      ctx.stdout.write(target ? commandHelp(target, `kubectl ${target.name}`, wrapLimit(ctx)) : rootHelp(commands));
      return 0;
    }
    let cmd = findCommand(commands, name);
    if (!cmd) throw unknownCommand(commands, name, 'kubectl');
    path = `kubectl ${cmd.name}`;
    while (cmd.subcommands?.length) {
      const specs = [...(cmd.flags ?? []), ...rootFlags];
      const subAt = firstPositional(argv, specs);
      if (subAt < 0) break;
      const sub = findCommand(cmd.subcommands, argv[subAt]!);
      if (!sub) {
        if (cmd.run) break;
        throw unknownCommand(cmd.subcommands, argv[subAt]!, path);
      }
      name = argv[subAt]!;
      argv.splice(subAt, 1);
      cmd = sub;
      path = `${path} ${sub.name}`;
    }
    const flags = parseFlags(argv, [...(cmd.flags ?? []), ...rootFlags]);
    if (flags.bool('help') || !cmd.run) {
      ctx.stdout.write(commandHelp(cmd, path, wrapLimit(ctx)));
      return 0;
    }
    if (flags.changed('kubeconfig')) {
      ctx.stderr.write(`Warning: --kubeconfig is ignored in the in-browser terminal: it has one built-in kubeconfig (see "kubectl config view")\n`);
    }
    let contextName = host.kubeconfig.currentContextName;
    if (flags.changed('context')) {
      contextName = flags.string('context');
      if (!host.kubeconfig.context(contextName)) {
        throw new KubectlError(`Error in configuration: context was not found for specified context: ${contextName}`, { raw: true });
      }
    }
    const namespaceExplicit = flags.changed('namespace');
    const namespace = namespaceExplicit ? flags.string('namespace') : host.kubeconfig.namespace(contextName);
    const inv: Invocation = {
      path,
      flags,
      args: flags.args,
      shell: ctx,
      host,
      namespace: namespace || 'default',
      namespaceExplicit,
      now: () => host.now(),
      out: (text) => ctx.stdout.write(text),
      err: (text) => ctx.stderr.write(text),
    };
    const status = await cmd.run(inv);
    return typeof status === 'number' ? status : 0;
  } catch (err) {
    const usage = err instanceof FlagError ? new UsageError(err.message) : err;
    const { text, exitCode } = formatError(usage, path);
    ctx.stderr.write(text);
    return exitCode;
  }
}

/** kubectl wraps flag descriptions to the terminal's width; not when writing to a pipe. */
function wrapLimit(ctx: CommandContext): number {
  return ctx.stdout.isTerminal ? ctx.stdout.columns : Number.POSITIVE_INFINITY;
}
