// What a kubectl subcommand is (one file each: get.ts, apply.ts, …) and what it gets when it runs.
// A subcommand declares its help text and flags like a cobra.Command; kubectl.ts parses the
// command line with them, resolves the namespace, and turns whatever it throws into kubectl's
// error output. To add one: write the file, then add it to the list in commands.ts.
import type { CommandContext } from '../shell/command.ts';
import type { CompletionCandidate } from '../shell/completion-types.ts';
import type { ApiClient } from '../machinery/types.ts';
import type { ClusterNetwork } from '../network/network.ts';
import type { ContainerRuntime } from '../workloads/container-runtime.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import type { Kubeconfig } from './kubeconfig.ts';

/** The sections of `kubectl --help`, in upstream's order. */
export const helpGroups = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
] as const;
export type HelpGroup = (typeof helpGroups)[number];

/** The page's editor panel, for `kubectl edit`: open a workspace file and resolve once the
 * learner saves (true) or closes it without saving (false). Tests pass a fake that edits the text. */
export interface EditorHost {
  edit(path: string, signal: AbortSignal): Promise<boolean>;
}

/** What kubectl talks to: the cluster's API, its clock, the kubeconfig and the page's editor,
 * and, for a whole simulated cluster, its container runtime and network (logs, exec, run -it).
 * The API is all the core commands need; a command that needs more says so when it is missing. */
export interface KubectlHost {
  client: ApiClient;
  /** Virtual time in epoch ms (ages, timestamps). */
  now(): number;
  kubeconfig: Kubeconfig;
  editor?: EditorHost;
  /** `Server Version:` in `kubectl version`. */
  serverVersion?: string;
  /** The kubelets' container runtime: container logs and what runs inside for exec. */
  containers?: ContainerRuntime;
  /** The cluster network, for programs run inside containers (wget, curl). */
  network?: ClusterNetwork;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  /** Where `kubectl --help` lists it (top-level commands only). */
  group?: HelpGroup;
  /** One line for command lists. */
  short: string;
  /** The help text; defaults to `short`. */
  long?: string;
  /** Lines like "  # List pods\n  kubectl get pods". */
  example?: string;
  /** The usage line after "kubectl ", e.g. "get [flags]". */
  use: string;
  flags?: FlagSpec[];
  subcommands?: KubectlCommand[];
  run?(inv: Invocation): Promise<number | void> | number | void;
  /** Tab completion for positional arguments; undefined means none. */
  complete?(req: ArgCompletion): CompletionCandidate[] | undefined;
}

export interface ArgCompletion {
  /** Positional arguments before the one being completed. */
  args: string[];
  current: string;
  host: KubectlHost;
  namespace: string;
}

/** One run of one subcommand. */
export interface Invocation {
  /** "kubectl get", for "See 'kubectl get -h'". */
  readonly path: string;
  readonly flags: ParsedFlags;
  readonly args: string[];
  readonly shell: CommandContext;
  readonly host: KubectlHost;
  /** -n, else the context's namespace, else "default". */
  readonly namespace: string;
  /** True when -n/--namespace was given (kubectl then insists objects in files match it). */
  readonly namespaceExplicit: boolean;
  now(): number;
  out(text: string): void;
  err(text: string): void;
}

/** A command by name or alias. */
export function findCommand(commands: readonly KubectlCommand[], name: string): KubectlCommand | undefined {
  return commands.find((c) => c.name === name || c.aliases?.includes(name));
}
