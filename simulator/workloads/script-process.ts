// A container whose main process is a shell script or a plain command (busybox, alpine, …):
// turns the lazy script run into the ContainerProcess the runtime asks about — when it exits,
// what it logged in a time window, which files exist at a moment (exec probes), how it takes SIGTERM.
import type { ContainerInput, ContainerProcess, LogLine } from './container-model.ts';
import type { ContainerFile } from './container-files.ts';
import { runOnce, runScript, type ShellEvent } from './shell-script.ts';

/** How far ahead we look for the script's end before calling it long-running. */
const exitSearchEvents = 5_000;
const exitSearchMs = 7 * 24 * 3_600_000;
/** Lines kept per container, like the kubelet's log rotation keeps the newest lines. */
const maxKeptEvents = 20_000;

export interface CommandImage {
  entrypoint: string[];
  cmd: string[];
  /** Programs on the image's PATH; others fail to start (StartError). Undefined = anything busybox has. */
  binaries?: string[];
}

const shells = new Set(['sh', 'ash', 'bash', 'dash']);
const busyboxApplets = new Set([
  'sh', 'ash', 'echo', 'printf', 'sleep', 'true', 'false', 'exit', 'touch', 'rm', 'cat', 'test', '[', 'date', 'hostname',
  'env', 'printenv', 'seq', 'tail', 'mkdir', 'ls', 'wget', 'nc', 'ping', 'nslookup', 'top', 'ps', 'kill', 'head', 'grep', 'vi',
]);

/** The top of every Linux image's tree, and the two files any shell image has in /etc. */
const baseImageFiles: ContainerFile[] = [
  ...['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/usr', '/var'].map((path) => ({ path, dir: true, mode: 0o755 })),
  { path: '/tmp', dir: true, mode: 0o1777 },
  { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n', mode: 0o644 },
  { path: '/etc/group', content: 'root:x:0:\nnogroup:x:65534:\n', mode: 0o644 },
];

/** The image's files with the kubelet's (hosts file, volumes) on top. */
export function imageFiles(input: ContainerInput): Map<string, ContainerFile> {
  return new Map([...baseImageFiles, ...(input.files ?? [])].map((f) => [f.path, f]));
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The script the container's argv amounts to (entrypoint + cmd rules of the OCI image spec). */
export function scriptFor(input: ContainerInput, image: CommandImage): { script: string } | { startError: string } {
  const entrypoint = input.command ?? image.entrypoint;
  const cmd = input.args ?? (input.command ? [] : image.cmd);
  const argv = [...entrypoint, ...cmd];
  if (argv.length === 0) return { startError: 'no command specified' };
  const program = basename(argv[0]!);
  const known = image.binaries ? image.binaries.includes(program) || image.binaries.includes(argv[0]!) : busyboxApplets.has(program);
  if (!known) {
    return {
      startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    };
  }
  if (shells.has(program)) {
    const flagIndex = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    // `sh` with no -c reads stdin, which a container does not have: it exits at once with 0.
    return { script: flagIndex > 0 ? (argv[flagIndex + 1] ?? '') : '' };
  }
  return { script: argv.map(quote).join(' ') };
}

export function scriptProcess(input: ContainerInput, image: CommandImage): ContainerProcess {
  const resolved = scriptFor(input, image);
  if ('startError' in resolved) {
    return {
      exit: { afterMs: 0, exitCode: 128, reason: 'StartError', message: resolved.startError },
      logs: () => [],
      onSigterm: { afterMs: 0, exitCode: 0 },
      listens: () => false,
      exec: () => ({ exitCode: 1, output: '' }),
    };
  }
  const vars: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: input.hostname,
    HOME: '/root',
    ...input.env,
  };
  const fs = imageFiles(input);
  const env = { vars, startedAt: input.startedAt, files: new Map<string, string>(), image: fs };
  const run = runScript(resolved.script, env);
  const events: ShellEvent[] = [];
  let dropped = 0;
  let finished = false;
  let exit: ShellEvent | undefined;

  // Pulls events from the script until one is later than ms (or the script ends).
  const pullUntil = (ms: number, maxEvents = Infinity) => {
    let pulled = 0;
    while (!finished && (events.length === 0 || events[events.length - 1]!.atMs <= ms) && pulled < maxEvents) {
      const next = run.next();
      if (next.done) {
        finished = true;
        break;
      }
      pulled++;
      if (next.value.kind === 'exit') exit = next.value;
      if (next.value.kind === 'tick') {
        // Only the time matters: keep the last tick so the loop condition sees how far we got.
        if (events[events.length - 1]?.kind === 'tick') events.pop();
      }
      events.push(next.value);
      if (events.length > maxKeptEvents) {
        events.shift();
        dropped++;
      }
    }
  };
  pullUntil(exitSearchMs, exitSearchEvents);
  void dropped;

  const trapsTerm = /\btrap\b[^;\n]*\b(SIG)?TERM\b/.test(resolved.script);
  const trapExit = /\btrap\s+['"]?\s*exit\s+(\d+)/.exec(resolved.script);

  const fileStateAt = (ms: number): Map<string, string> => {
    pullUntil(ms);
    const files = new Map<string, string>();
    for (const e of events) {
      if (e.atMs > ms) break;
      if (e.kind === 'file') {
        if (e.exists) files.set(e.path, e.content ?? '');
        else files.delete(e.path);
      }
    }
    return files;
  };

  return {
    exit: exit ? { afterMs: exit.atMs, exitCode: exit.kind === 'exit' ? exit.code : 0 } : undefined,
    logs(from, to): LogLine[] {
      pullUntil(to);
      const lines: LogLine[] = [];
      for (const e of events) {
        if (e.atMs > to) break;
        if (e.kind === 'out' && e.atMs > from) lines.push({ atMs: e.atMs, text: e.text, stream: e.stream });
      }
      return lines;
    },
    // A shell or sleep running as PID 1 has no SIGTERM handler, so the signal does nothing and the
    // runtime kills it when the grace period ends — unless the script traps TERM.
    onSigterm: trapsTerm ? { afterMs: 0, exitCode: trapExit ? Number(trapExit[1]) : 143 } : 'ignore',
    listens: () => false,
    files: (elapsedMs) => fileStateAt(elapsedMs),
    exec(command, elapsedMs) {
      const shellEnv = { vars, startedAt: input.startedAt, files: fileStateAt(elapsedMs), image: fs };
      const program = basename(command[0] ?? '');
      if (shells.has(program) && command[1] && /^-[a-z]*c/.test(command[1])) {
        let output = '';
        let code = 0;
        for (const e of runScript(command[2] ?? '', { ...shellEnv, vars: { ...vars } })) {
          if (e.kind === 'out') output += `${e.text}\n`;
          if (e.kind === 'exit') code = e.code;
        }
        return { exitCode: code, output };
      }
      if (!busyboxApplets.has(program)) {
        return {
          exitCode: 126,
          output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown`,
        };
      }
      return runOnce(command, shellEnv);
    },
  };
}
