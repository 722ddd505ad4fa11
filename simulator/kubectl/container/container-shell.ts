// A process started inside a container by `kubectl exec`. The container's shell is the lab
// terminal's own shell (parser, pipes, variables) running over the container's files, environment
// and programs instead of the learner's: so `sh -c 'wget -qO- $CATALOG_SERVICE_HOST | head -3'`
// works the same way a pipeline does in the terminal. Without a shell in the image (distroless),
// only programs on PATH run, and `sh` fails the way the container runtime reports it.
import type { Command } from '../../shell/command.ts';
import { CommandRegistry } from '../../shell/command.ts';
import { base64 } from '../../shell/commands/base64.ts';
import { echo, printf } from '../../shell/commands/echo-printf.ts';
import { cat, cp, mkdir, mv, rm, touch } from '../../shell/commands/file-commands.ts';
import { grep } from '../../shell/commands/grep.ts';
import { head, tail } from '../../shell/commands/head-tail.ts';
import { ls } from '../../shell/commands/ls.ts';
import { cd, date, env, exportCommand, falseCommand, pwd, shellQuote, sleep, trueCommand, unset } from '../../shell/commands/shell-builtins.ts';
import { sort } from '../../shell/commands/sort.ts';
import { cut, tee, tr, uniq } from '../../shell/commands/text-filters.ts';
import { wc } from '../../shell/commands/wc.ts';
import type { Scheduler } from '../../shell/scheduler.ts';
import { Shell, type ShellDialect } from '../../shell/shell.ts';
import type { Input, Output } from '../../shell/streams.ts';
import type { WorkspaceFs } from '../../shell/workspace-fs.ts';
import { containerTools, notModelled, type ContainerIdentity } from './container-tools.ts';
import type { ImageProfile } from './image-profiles.ts';

/** Shell builtins: there whenever the image has a shell, whatever is on PATH. */
const builtins: Command[] = [cd, pwd, echo, printf, exportCommand, unset, trueCommand, falseCommand];
/** Programs the lab shell already implements, offered when the image has them. */
const programs: Command[] = [ls, cat, mkdir, rm, touch, cp, mv, head, tail, grep, wc, sort, uniq, cut, tr, tee, base64, env, sleep, date];

export interface ContainerProcessOptions {
  who: ContainerIdentity;
  profile: ImageProfile;
  fs: WorkspaceFs;
  env: Record<string, string>;
  scheduler: Scheduler;
  network: import('../../network/network.ts').ClusterNetwork | undefined;
  /** TERM is set when kubectl asked for a tty (-t). */
  tty: boolean;
}

export interface ExecIo {
  stdin: Input;
  stdout: Output;
  stderr: Output;
  signal: AbortSignal;
}

export const execNotFound = (name: string) => `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`;

/** busybox images have ash behind every shell name; Debian's sh is dash, its bash is bash. */
function dialectOf(profile: ImageProfile, program: string): ShellDialect {
  if (profile.base === 'busybox' || profile.base === 'alpine') return 'busybox';
  return program === 'bash' ? 'bash' : 'dash';
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class ContainerProcess {
  readonly shell: Shell;
  readonly options: ContainerProcessOptions;
  #exitCode: number | undefined;
  #running: AbortController | undefined;

  constructor(options: ContainerProcessOptions) {
    this.options = options;
    const { profile, who } = options;
    const registry = new CommandRegistry();
    const onPath = new Set([...profile.binaries, ...profile.shells]);
    if (profile.shells.length > 0) registry.register(...builtins);
    registry.register(...programs.filter((p) => onPath.has(p.name)));
    registry.register(...containerTools(who, options.network, profile.binaries));
    for (const name of onPath) if (!registry.has(name) && !profile.shells.includes(name)) registry.register(notModelled(name));
    for (const name of profile.shells) registry.register(this.#shellCommand(name));
    if (profile.shells.length > 0) registry.register(this.#exitCommand());
    this.shell = new Shell({ fs: options.fs, scheduler: options.scheduler, commands: registry, env: {}, user: who.uid === 0 ? 'root' : String(who.uid), hostname: who.hostname, dialect: dialectOf(profile, 'sh') });
    // The lab shell's defaults describe the learner's machine; the container has its own.
    for (const name of ['USER', 'LOGNAME', 'SHELL', 'LANG', 'TERM', 'OLDPWD']) this.shell.unsetVar(name);
    this.shell.setCwd(profile.workdir);
    this.shell.unsetVar('OLDPWD');
    for (const [k, v] of Object.entries({ ...options.env, ...(options.tty ? { TERM: 'xterm' } : {}) })) {
      this.shell.setVar(k, v);
      this.shell.exportVar(k);
    }
  }

  /** The interactive prompt: busybox ash's `/ # `, bash's `root@web:/# `. */
  prompt(): string {
    const { who, profile } = this.options;
    const sign = who.uid === 0 ? '#' : '$';
    const dir = this.shell.cwd;
    if (profile.base === 'busybox' || profile.base === 'alpine') return `${dir} ${sign} `;
    return `${who.uid === 0 ? 'root' : 'I have no name!'}@${who.hostname}:${dir}${sign} `;
  }

  /** Runs argv the way the runtime execs it: no shell in between unless argv[0] is one. */
  async exec(argv: readonly string[], io: ExecIo): Promise<number> {
    const program = basename(argv[0] ?? '');
    const { profile } = this.options;
    if (!profile.binaries.includes(program) && !profile.shells.includes(program)) {
      io.stdout.write(execNotFound(argv[0] ?? ''));
      return 126;
    }
    this.shell.dialect = dialectOf(profile, program);
    if (profile.shells.includes(program)) return this.#runShell(argv.slice(1), io);
    return this.#run(argv.map(shellQuote).join(' '), io);
  }

  /** `sh -c 'script'`, or `sh` reading commands from stdin (interactive with a prompt when tty). */
  async #runShell(args: readonly string[], io: ExecIo): Promise<number> {
    const c = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
    if (c >= 0) return this.#run(args[c + 1] ?? '', io);
    const script = args.find((a) => !a.startsWith('-'));
    if (script) {
      io.stderr.write(`sh: can't open '${script}': No such file or directory\n`);
      return 2;
    }
    return this.interactive(io);
  }

  /** Reads lines from stdin and runs each; `exit` ends it. Returns the last status. */
  async interactive(io: ExecIo): Promise<number> {
    let status = 0;
    let pending = '';
    if (this.options.tty) io.stdout.write(this.prompt());
    for await (const chunk of io.stdin) {
      pending += chunk;
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
        status = await this.#run(line, io);
        if (this.#exitCode !== undefined || io.signal.aborted) return this.#exitCode ?? 130;
        if (this.options.tty) io.stdout.write(this.prompt());
      }
    }
    if (pending.trim()) status = await this.#run(pending, io);
    return this.#exitCode ?? status;
  }

  async #run(source: string, io: ExecIo): Promise<number> {
    const controller = new AbortController();
    const abort = () => controller.abort();
    io.signal.addEventListener('abort', abort, { once: true });
    this.#running = controller;
    try {
      const status = await this.shell.run(source, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, signal: controller.signal });
      return this.#exitCode ?? status;
    } finally {
      io.signal.removeEventListener('abort', abort);
      this.#running = undefined;
    }
  }

  #shellCommand(name: string): Command {
    return {
      name,
      run: (ctx) => {
        const c = ctx.args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
        if (c >= 0) return ctx.shell.run(ctx.args[c + 1] ?? '', { stdout: ctx.stdout, stderr: ctx.stderr, signal: ctx.signal });
        ctx.stderr.write(`${name}: a nested interactive shell is not modelled; use ${name} -c '…'\n`);
        return 1;
      },
    };
  }

  /** `exit [N]` ends the script (and an interactive session) with N. */
  #exitCommand(): Command {
    return {
      name: 'exit',
      run: (ctx) => {
        const n = ctx.args[0] === undefined ? Number(this.shell.getVar('?') ?? 0) : Number(ctx.args[0]);
        this.#exitCode = Number.isFinite(n) ? n & 255 : 2;
        this.#running?.abort();
        return this.#exitCode;
      },
    };
  }
}
