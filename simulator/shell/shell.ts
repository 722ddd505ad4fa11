// The interpreter: runs parsed command lines. Pipelines run their commands at the same time,
// joined by pipes, so streaming output flows as it is written; && || ; follow exit statuses;
// Ctrl-C (the run's abort signal) stops the pipeline with status 130.
import type { Pipeline, Redirect, Script, SimpleCommand } from './ast.ts';
import type { Command, CommandContext, RunIo, ShellAccess } from './command.ts';
import { CommandRegistry } from './command.ts';
import { ExpansionError, expandString, expandWord, expandWords, type ExpansionContext } from './expand.ts';
import { parse, type ParseResult } from './parser.ts';
import { basename, resolvePath } from './paths.ts';
import type { Scheduler } from './scheduler.ts';
import { Pipe, collectOutput, nullOutput, stringInput, terminalInput, type Input, type Output } from './streams.ts';
import { unavailableMessage } from './unavailable.ts';
import { FsError, type WorkspaceFs } from './workspace-fs.ts';

export interface ShellOptions {
  fs: WorkspaceFs;
  scheduler: Scheduler;
  /** The commands to offer; builtins are added by createShell(). */
  commands?: CommandRegistry;
  /** Extra exported variables (KUBECONFIG, …) on top of HOME, USER, PATH, … */
  env?: Record<string, string>;
  user?: string;
  hostname?: string;
  /** Whose wording "command not found" uses; the lab terminal is bash (with the hints of
   * unavailable.ts), a container's shell is busybox ash or Debian's dash. */
  dialect?: ShellDialect;
}

/** bash: `bash: foo: command not found`; busybox ash: `sh: foo: not found`; dash: `sh: 1: foo: not found`. */
export type ShellDialect = 'bash' | 'busybox' | 'dash';

/** What Shell.run needs from its caller: where output goes, stdin, and the Ctrl-C signal. */
export interface ShellRunIo extends RunIo {
  stdin?: Input;
}

interface Variable {
  value: string;
  exported: boolean;
}

interface Io {
  stdin: Input;
  stdout: Output;
  stderr: Output;
}

/** Exit status of a command stopped by SIGINT (Ctrl-C) and by SIGPIPE. */
export const INTERRUPTED = 130;
const BROKEN_PIPE = 141;

export class Shell implements ShellAccess {
  readonly fs: WorkspaceFs;
  readonly scheduler: Scheduler;
  readonly commands: CommandRegistry;
  readonly home: string;
  readonly user: string;
  readonly hostname: string;
  lastStatus = 0;
  /** Can change between runs: a container's `sh` is dash, its `bash` is bash. */
  dialect: ShellDialect;
  private currentDir: string;
  private vars = new Map<string, Variable>();
  private historyEntries: string[] = [];

  constructor(opts: ShellOptions) {
    this.fs = opts.fs;
    this.scheduler = opts.scheduler;
    this.commands = opts.commands ?? new CommandRegistry();
    this.home = opts.fs.home;
    this.user = opts.user ?? 'learner';
    this.hostname = opts.hostname ?? 'wheelhouse';
    this.dialect = opts.dialect ?? 'bash';
    this.currentDir = this.home;
    const defaults: Record<string, string> = {
      HOME: this.home,
      USER: this.user,
      LOGNAME: this.user,
      HOSTNAME: this.hostname,
      SHELL: '/bin/bash',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      PWD: this.home,
      ...opts.env,
    };
    for (const [name, value] of Object.entries(defaults)) this.vars.set(name, { value, exported: true });
  }

  // ---- ShellAccess ----

  get cwd(): string {
    return this.currentDir;
  }

  setCwd(path: string): void {
    this.setVar('OLDPWD', this.currentDir);
    this.exportVar('OLDPWD');
    this.currentDir = path;
    this.setVar('PWD', path);
  }

  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastStatus);
      case '$':
        return '4242';
      case '#':
        return '0';
      case '0':
        return this.dialect === 'bash' ? 'bash' : 'sh';
      case '@':
      case '*':
        return '';
      case '-':
        return 'himBHs';
    }
    return this.vars.get(name)?.value;
  }

  setVar(name: string, value: string): void {
    const existing = this.vars.get(name);
    this.vars.set(name, { value, exported: existing?.exported ?? false });
  }

  exportVar(name: string): void {
    const existing = this.vars.get(name);
    this.vars.set(name, { value: existing?.value ?? '', exported: true });
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
  }

  variables(): { name: string; value: string; exported: boolean }[] {
    return [...this.vars].map(([name, v]) => ({ name, ...v })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The exported environment commands see. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, v] of this.vars) if (v.exported) env[name] = v.value;
    return env;
  }

  history(): readonly string[] {
    return this.historyEntries;
  }

  addHistory(line: string): void {
    if (line.trim() === '' || line.startsWith(' ')) return; // bash's ignorespace
    if (this.historyEntries[this.historyEntries.length - 1] === line) return; // and ignoredups
    this.historyEntries.push(line);
  }

  clearHistory(): void {
    this.historyEntries = [];
  }

  parse(source: string): ParseResult {
    return parse(source);
  }

  // ---- running ----

  /** Parse and run source; resolves to its exit status (also in $?). */
  async run(source: string, io: ShellRunIo): Promise<number> {
    const parsed = parse(source);
    if (parsed.status === 'error' || parsed.status === 'incomplete') {
      io.stderr.write((parsed.status === 'error' ? parsed.message : 'bash: syntax error: unexpected end of file') + '\n');
      this.lastStatus = 2;
      return 2;
    }
    const signal = io.signal ?? new AbortController().signal;
    const status = await this.runScript(parsed.script, { stdin: io.stdin ?? terminalInput(), stdout: io.stdout, stderr: io.stderr }, signal);
    this.lastStatus = status;
    return status;
  }

  private async runScript(script: Script, io: Io, signal: AbortSignal): Promise<number> {
    let status = this.lastStatus;
    for (const list of script.lists) {
      if (signal.aborted) return INTERRUPTED;
      if (list.background) {
        io.stderr.write('bash: background jobs (&) are not supported in the in-browser terminal — running it in the foreground (Ctrl-C stops it)\n');
      }
      status = await this.runPipeline(list.first, io, signal);
      this.lastStatus = status;
      for (const { op, pipeline } of list.rest) {
        if (signal.aborted) return INTERRUPTED;
        if ((op === '&&') !== (status === 0)) continue;
        status = await this.runPipeline(pipeline, io, signal);
        this.lastStatus = status;
      }
    }
    return signal.aborted ? INTERRUPTED : status;
  }

  private async runPipeline(pipeline: Pipeline, io: Io, signal: AbortSignal): Promise<number> {
    const count = pipeline.commands.length;
    const pipes = Array.from({ length: count - 1 }, () => new Pipe());
    const runs = pipeline.commands.map(async (command, i) => {
      // Each command stops on Ctrl-C, and also when the command it writes to has exited.
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal.addEventListener('abort', abort, { once: true });
      pipes[i]?.onAbandoned(abort);
      const stdout = i < count - 1 ? pipes[i]!.writer : io.stdout;
      const commandIo: Io = {
        stdin: i > 0 ? pipes[i - 1]!.reader : io.stdin,
        stdout,
        stderr: command.stderrToPipe ? stdout : io.stderr,
      };
      try {
        const status = await this.runSimple(command, commandIo, controller.signal);
        return controller.signal.aborted && !signal.aborted && pipes[i] ? BROKEN_PIPE : status;
      } finally {
        signal.removeEventListener('abort', abort);
        pipes[i]?.end();
        pipes[i - 1]?.abandon();
      }
    });
    const statuses = await Promise.all(runs);
    if (signal.aborted) {
      for (const pipe of pipes) pipe.end();
      return INTERRUPTED;
    }
    const status = statuses[statuses.length - 1]!;
    return pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  private expansionContext(io: Io, signal: AbortSignal, substitutionStatus: { value: number | undefined }): ExpansionContext {
    return {
      getVar: (name) => this.getVar(name),
      setVar: (name, value) => this.setVar(name, value),
      substitute: async (script) => {
        const out = collectOutput();
        const status = await this.runScript(script, { stdin: terminalInput(), stdout: out, stderr: io.stderr }, signal);
        substitutionStatus.value = status;
        this.lastStatus = status;
        return out.text();
      },
      fs: this.fs,
      cwd: this.currentDir,
      home: this.home,
    };
  }

  private async runSimple(command: SimpleCommand, io: Io, signal: AbortSignal): Promise<number> {
    const substitution = { value: undefined as number | undefined };
    const expansion = this.expansionContext(io, signal, substitution);
    let argv: string[];
    const assignments: [string, string][] = [];
    try {
      argv = await expandWords(command.words, expansion);
      for (const { name, value } of command.assignments) assignments.push([name, await expandString(value, expansion, { tilde: true })]);
    } catch (error) {
      if (!(error instanceof ExpansionError)) throw error;
      io.stderr.write(error.message + '\n');
      return 1;
    }
    if (signal.aborted) return INTERRUPTED;

    const redirected = await this.applyRedirects(command.redirects, io, expansion);
    if (!redirected) return 1;

    if (argv.length === 0) {
      for (const [name, value] of assignments) this.setVar(name, value);
      return substitution.value ?? 0;
    }

    const name = argv[0]!;
    const found = this.commands.get(name);
    if (!found) return this.notFound(name, redirected.stderr);

    const env = this.environment();
    for (const [key, value] of assignments) env[key] = value;
    return this.invoke(found, argv, env, redirected, signal);
  }

  private notFound(name: string, stderr: Output): number {
    if (this.dialect !== 'bash') {
      // Neither ash nor dash tells a missing file from a missing command; dash adds the line number.
      stderr.write(`sh: ${this.dialect === 'dash' ? '1: ' : ''}${name}: not found\n`);
      return 127;
    }
    if (name.includes('/')) {
      const path = resolvePath(this.currentDir, name, this.home);
      if (this.fs.isDirectory(path)) {
        stderr.write(`bash: ${name}: Is a directory\n`);
        return 126;
      }
      if (this.fs.isFile(path)) {
        stderr.write(`bash: ${name}: Permission denied — scripts cannot run in the in-browser terminal\n`);
        return 126;
      }
      stderr.write(`bash: ${name}: No such file or directory\n`);
      return 127;
    }
    const unavailable = unavailableMessage(name);
    stderr.write((unavailable ?? `bash: ${name}: command not found`) + '\n');
    return 127;
  }

  private async invoke(command: Command, argv: string[], env: Record<string, string>, io: Io, signal: AbortSignal): Promise<number> {
    // Once the shell stops waiting, a command that keeps going (a plugin that ignores the
    // signal) is not heard. What it writes in its abort listener still arrives (watch leaving
    // the alternate screen), because listeners run before the shell moves on.
    let finished = false;
    const guard = (out: Output): Output => ({
      write: (text) => {
        if (!finished) out.write(text);
      },
      isTerminal: out.isTerminal,
      columns: out.columns,
      get closed() {
        return out.closed || signal.aborted;
      },
    });
    const ctx: CommandContext = {
      argv,
      args: argv.slice(1),
      stdin: io.stdin,
      stdout: guard(io.stdout),
      stderr: guard(io.stderr),
      env,
      cwd: this.currentDir,
      fs: this.fs,
      signal,
      scheduler: this.scheduler,
      shell: this,
      resolve: (path) => resolvePath(this.currentDir, path, this.home),
    };
    const stopped = new Promise<number>((resolve) => {
      if (signal.aborted) resolve(INTERRUPTED);
      signal.addEventListener('abort', () => resolve(INTERRUPTED), { once: true });
    });
    const running = (async () => {
      try {
        return await command.run(ctx);
      } catch (error) {
        if (signal.aborted) return INTERRUPTED;
        io.stderr.write(`${argv[0]}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      }
    })();
    const status = await Promise.race([running, stopped]);
    finished = true;
    return status;
  }

  /** Open the redirections left to right; undefined (after printing why) if one fails. */
  private async applyRedirects(redirects: Redirect[], io: Io, expansion: ExpansionContext): Promise<Io | undefined> {
    const fds: Io = { ...io };
    for (const redirect of redirects) {
      try {
        if (redirect.op === '<<' || redirect.op === '<<-') {
          fds.stdin = stringInput(await expandString(redirect.heredoc ?? { parts: [], raw: '' }, expansion));
          continue;
        }
        if (redirect.op === '<<<') {
          fds.stdin = stringInput((await expandString(redirect.target, expansion, { tilde: true })) + '\n');
          continue;
        }
        const fields = await expandWord(redirect.target, expansion);
        if (fields.length !== 1) {
          io.stderr.write(`bash: ${redirect.target.raw}: ambiguous redirect\n`);
          return undefined;
        }
        const target = fields[0]!;
        const fd = redirect.fd;
        if (redirect.op === '>&' || redirect.op === '<&') {
          if (/^\d+$/.test(target) || target === '-') {
            if (!this.duplicate(fds, fd === 'both' ? 1 : fd, target, io.stderr)) return undefined;
            continue;
          }
        }
        if (redirect.op === '<' || redirect.op === '<>' || redirect.op === '<&') {
          fds.stdin = stringInput(this.readForRedirect(target));
          continue;
        }
        const append = redirect.op === '>>' || redirect.op === '&>>';
        const out = this.openForRedirect(target, append, fds);
        if (fd === 'both' || redirect.op === '>&') {
          fds.stdout = out;
          fds.stderr = out;
        } else if (fd === 1) fds.stdout = out;
        else if (fd === 2) fds.stderr = out;
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        io.stderr.write(`bash: ${error.path}: ${error.message}\n`);
        return undefined;
      }
    }
    return fds;
  }

  private duplicate(fds: Io, fd: number, target: string, stderr: Output): boolean {
    if (fd === 0) return true; // <&0 and friends: stdin stays stdin
    const source = target === '-' ? nullOutput : target === '1' ? fds.stdout : target === '2' ? fds.stderr : undefined;
    if (!source || (fd !== 1 && fd !== 2)) {
      stderr.write(`bash: ${target}: Bad file descriptor\n`);
      return false;
    }
    if (fd === 1) fds.stdout = source;
    else fds.stderr = source;
    return true;
  }

  private readForRedirect(target: string): string {
    if (target === '/dev/null') return '';
    const path = resolvePath(this.currentDir, target, this.home);
    try {
      return this.fs.readFile(path);
    } catch (error) {
      if (error instanceof FsError) throw new FsError(error.code, target);
      throw error;
    }
  }

  /** A writer into a workspace file, created (or emptied) now as bash does before the command runs. */
  private openForRedirect(target: string, append: boolean, fds: Io): Output {
    if (target === '/dev/null') return nullOutput;
    if (target === '/dev/stdout') return fds.stdout;
    if (target === '/dev/stderr') return fds.stderr;
    const path = resolvePath(this.currentDir, target, this.home);
    try {
      if (this.fs.isDirectory(path)) throw new FsError('EISDIR', path);
      if (!append || !this.fs.exists(path)) this.fs.writeFile(path, '');
    } catch (error) {
      if (error instanceof FsError) throw new FsError(error.code, target);
      throw error;
    }
    const fs = this.fs;
    return {
      write(text: string) {
        if (text !== '' && fs.isFile(path)) fs.appendFile(path, text);
      },
      isTerminal: false,
      columns: 80,
      closed: false,
    };
  }

  /** The prompt's directory: '~' for home, as bash's \w. */
  promptDirectory(): string {
    if (this.currentDir === this.home) return '~';
    if (this.currentDir.startsWith(this.home + '/')) return '~' + this.currentDir.slice(this.home.length);
    return this.currentDir === '/' ? '/' : this.currentDir;
  }

  /** Only the base name, as bash's \W. */
  promptBasename(): string {
    return this.currentDir === this.home ? '~' : basename(this.currentDir);
  }
}
