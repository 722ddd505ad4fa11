// Tab completion for kubectl, like kubectl's own (cobra) completion: subcommands, the flags of
// the command being typed, values for -n and -o, resource types, and object names read from the
// cluster for `get/describe/delete/edit/label/annotate/patch <type> <TAB>` (and `type/<TAB>`).
import { refFor } from '../machinery/resources.ts';
import type { CompletionCandidate, CompletionRequest } from '../shell/completion-types.ts';
import { findCommand, type KubectlCommand, type KubectlHost } from './command.ts';
import type { FlagSpec } from './flags.ts';
import { globalFlags, helpFlag } from './global-flags.ts';
import { servedTypes } from './resources.ts';
import { findResource } from '../machinery/resources.ts';

const takesResources = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'rollout', 'logs', 'exec', 'expose', 'wait']);
const outputFormats = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=', 'custom-columns=', 'custom-columns-file='];

const takesValue = (spec: FlagSpec | undefined) => spec !== undefined && spec.type !== 'bool' && spec.noOptDefault === undefined;

function candidates(values: Iterable<string>, current: string, noSpace = false): CompletionCandidate[] {
  return [...new Set(values)].filter((v) => v.startsWith(current)).sort().map((value) => ({ value, noSpace: noSpace || value.endsWith('=') }));
}

export function completeKubectl(request: CompletionRequest, host: KubectlHost, commands: KubectlCommand[]): CompletionCandidate[] | undefined {
  const words = request.words.slice(1);
  let cmd: KubectlCommand | undefined;
  let path: KubectlCommand[] = [];
  const positionals: string[] = [];
  let namespace = host.kubeconfig.namespace();
  const flagsOf = () => [...(cmd?.flags ?? []), ...globalFlags, helpFlag];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      const eq = word.indexOf('=');
      const name = word.startsWith('--') ? word.slice(2, eq < 0 ? undefined : eq) : word.slice(1, 2);
      const spec = flagsOf().find((f) => (word.startsWith('--') ? f.name === name : f.short === name));
      let value: string | undefined = eq >= 0 ? word.slice(eq + 1) : undefined;
      if (!word.startsWith('--') && word.length > 2) value = word.slice(2);
      if (value === undefined && takesValue(spec) && i + 1 < words.length) value = words[++i];
      if (spec?.name === 'namespace' && value) namespace = value;
      continue;
    }
    const sub = cmd ? (cmd.subcommands && positionals.length === 0 ? findCommand(cmd.subcommands, word) : undefined) : findCommand(commands, word);
    if (sub) {
      cmd = sub;
      path = [...path, sub];
      continue;
    }
    positionals.push(word);
  }
  const current = request.current;
  const previous = request.words[request.words.length - 1] ?? '';

  // A flag's value: -n <TAB>, -o <TAB>.
  if (previous.startsWith('-') && !previous.includes('=')) {
    const name = previous.startsWith('--') ? previous.slice(2) : previous.slice(1);
    const spec = flagsOf().find((f) => (previous.startsWith('--') ? f.name === name : f.short === name && previous.length === 2));
    if (spec && takesValue(spec)) return flagValues(spec, current, host);
  }
  if (current.startsWith('--') && current.includes('=')) {
    const name = current.slice(2, current.indexOf('='));
    const spec = flagsOf().find((f) => f.name === name);
    const values = spec ? flagValues(spec, current.slice(current.indexOf('=') + 1), host) : undefined;
    if (values) return values.map((c) => ({ ...c, value: `--${name}=${c.value}` }));
  }
  if (current.startsWith('-')) {
    return candidates(
      flagsOf()
        .filter((f) => !f.hidden)
        .map((f) => (takesValue(f) ? `--${f.name}=` : `--${f.name}`)),
      current,
    );
  }
  if (!cmd) return candidates(commands.map((c) => c.name), current);
  if (cmd.subcommands?.length && positionals.length === 0 && !cmd.run) return candidates(cmd.subcommands.map((c) => c.name), current);
  if (cmd.complete) return cmd.complete({ args: positionals, current, host, namespace });
  if (path[0]?.name === 'config' && (cmd.name === 'use-context' || cmd.name === 'get-contexts' || cmd.name === 'delete-context')) {
    return candidates(host.kubeconfig.contexts().map((c) => c.name), current);
  }
  if (!takesResources.has(path[0]!.name)) {
    if (cmd.subcommands?.length && positionals.length === 0) return candidates(cmd.subcommands.map((c) => c.name), current);
    return undefined;
  }
  if (current.includes('/')) {
    const [type, partial] = current.split('/') as [string, string];
    return objectNames(host, type, namespace, partial).map((c) => ({ ...c, value: `${type}/${c.value}` }));
  }
  if (positionals.length === 0) {
    const types = servedTypes().map((rt) => (rt.group && rt.group !== 'events.k8s.io' ? rt.plural : rt.plural));
    return candidates(path[0]!.name === 'get' ? [...types, 'all'] : types, current);
  }
  return objectNames(host, positionals[0]!.split(',')[0]!, namespace, current);
}

function objectNames(host: KubectlHost, type: string, namespace: string, current: string): CompletionCandidate[] {
  const rt = findResource(type);
  if (!rt) return [];
  try {
    const list = host.client.list(refFor(rt), { namespace: rt.namespaced ? namespace : undefined });
    return candidates(list.items.map((o) => o.metadata.name ?? ''), current);
  } catch {
    return [];
  }
}

function flagValues(spec: FlagSpec, current: string, host: KubectlHost): CompletionCandidate[] | undefined {
  if (spec.name === 'namespace') {
    try {
      return candidates(host.client.list({ resource: 'namespaces' }).items.map((n) => n.metadata.name ?? ''), current);
    } catch {
      return [];
    }
  }
  if (spec.name === 'output') return candidates(outputFormats, current);
  if (spec.name === 'context') return candidates(host.kubeconfig.contexts().map((c) => c.name), current);
  if (spec.name === 'filename' || spec.name === 'patch-file' || spec.name === 'from-file' || spec.name === 'from-env-file') return undefined;
  return [];
}
