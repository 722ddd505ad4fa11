// What a command is, for the shell: something with a name that runs with argv, stdin, stdout,
// stderr, the environment and the workspace, and returns an exit status. The shell's own
// commands (ls, grep, watch…) and the simulator's (kubectl, curl) all plug in the same way.
import type { CompletionCandidate, CompletionRequest } from './completion-types.ts';
import type { Scheduler } from './scheduler.ts';
import type { Input, Output } from './streams.ts';
import type { WorkspaceFs } from './workspace-fs.ts';

/** The groups `help` lists commands under. */
export type CommandGroup = 'kubernetes' | 'files' | 'text' | 'shell' | 'network';

export interface CommandContext {
  /** argv[0] is the name as typed. */
  readonly argv: readonly string[];
  /** argv without argv[0]. */
  readonly args: readonly string[];
  readonly stdin: Input;
  readonly stdout: Output;
  readonly stderr: Output;
  /** The exported environment, including `FOO=bar cmd` prefix assignments. */
  readonly env: Readonly<Record<string, string>>;
  /** Absolute working directory. */
  readonly cwd: string;
  readonly fs: WorkspaceFs;
  /**
   * Aborts on Ctrl-C, or when the next command of a pipe has exited. A streaming command
   * (get -w, logs -f) writes as things happen and returns once this aborts.
   */
  readonly signal: AbortSignal;
  /** Virtual time: sleep on it, never on setTimeout. */
  readonly scheduler: Scheduler;
  /** The shell itself, for builtins (cd, export, history) and commands that run commands (watch). */
  readonly shell: ShellAccess;
  /** An absolute path for what the learner typed ('~' and relative paths resolved). */
  resolve(path: string): string;
}

export interface Command {
  readonly name: string;
  /** One line for `help`. */
  readonly summary?: string;
  readonly group?: CommandGroup;
  /** A shell builtin (cd, export): `which` does not find it and `type` says so. */
  readonly builtin?: boolean;
  /** Resolves to the exit status. Throwing is a bug: the shell prints it and returns 1. */
  run(ctx: CommandContext): Promise<number> | number;
  /** Candidates for the word being completed in this command's arguments; undefined = file names. */
  complete?(request: CompletionRequest): CompletionCandidate[] | undefined;
}

/** Where the shell sends a nested run's output (watch captures a screenful). */
export interface RunIo {
  stdout: Output;
  stderr: Output;
  signal?: AbortSignal;
}

export interface ShellAccess {
  readonly home: string;
  readonly cwd: string;
  setCwd(path: string): void;
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  exportVar(name: string): void;
  unsetVar(name: string): void;
  /** Every shell variable, and whether it is exported. */
  variables(): { name: string; value: string; exported: boolean }[];
  history(): readonly string[];
  clearHistory(): void;
  readonly commands: CommandRegistry;
  /** Parse and run a command line in this shell, as `watch` and `bash -c` do. */
  run(source: string, io: RunIo): Promise<number>;
}

/** The commands the shell can run, by name. Registering a name again replaces it. */
export class CommandRegistry {
  private byName = new Map<string, Command>();

  register(...commands: Command[]): this {
    for (const command of commands) this.byName.set(command.name, command);
    return this;
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  all(): Command[] {
    return this.names().map((name) => this.byName.get(name)!);
  }
}
