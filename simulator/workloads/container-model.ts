// What a container *does* once the runtime starts it: the behaviour model an image provides.
// A model is a pure function of the container's inputs (command, args, env, start time), so the
// same pod behaves the same on every run and after a snapshot restore; time is always "ms since
// the container started", measured on the virtual clock.
import type { ContainerFile } from './container-files.ts';

export interface ContainerInput {
  /** The normalised image reference (docker.io/library/nginx:1.27) and its tag. */
  image: string;
  imageTag?: string;
  /** Pod spec command/args (undefined = the image's ENTRYPOINT/CMD). */
  command?: string[];
  args?: string[];
  env: Record<string, string>;
  /** Ports the spec declares (informational: the image decides what it really listens on). */
  ports: number[];
  podName: string;
  namespace: string;
  /** The container's hostname: the pod name. */
  hostname: string;
  podIP: string;
  /** Epoch ms when the process started (for timestamps in log lines). */
  startedAt: number;
  /** Memory limit in bytes, if any: images that allocate more than this are OOMKilled. */
  memoryLimitBytes?: number;
  /** What the kubelet adds to the image's filesystem: /etc/hosts, mounted volumes (container-files.ts). */
  files?: ContainerFile[];
}

export interface LogLine {
  /** ms after the container started. */
  atMs: number;
  text: string;
  stream?: 'stdout' | 'stderr';
}

export interface ProcessExit {
  afterMs: number;
  exitCode: number;
  /** Set for kills the runtime reports specially (OOMKilled); otherwise Completed/Error by exit code. */
  reason?: 'OOMKilled' | 'StartError';
  /** runtime message shown in terminated.message (StartError). */
  message?: string;
}

export interface HttpRequest {
  method: string;
  path: string;
  port: number;
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Slow handlers: ms before the response starts (probes time out past timeoutSeconds). */
  delayMs?: number;
  /** Lines the server writes to its own log for this request (access log). */
  log?: string[];
}

export interface ExecResult {
  exitCode: number;
  output: string;
}

/** A started container. Every method is given the time since start, so answers can change over time. */
export interface ContainerProcess {
  /** When the main process exits on its own; undefined = runs until stopped. */
  exit?: ProcessExit;
  /** What it writes to stdout/stderr in the window (fromMs, toMs]. */
  logs(fromMs: number, toMs: number): LogLine[];
  /** Reaction to SIGTERM: exits after afterMs with exitCode, or ignores it (then SIGKILL at the grace period, 137). */
  onSigterm: { afterMs: number; exitCode: number; log?: string[] } | 'ignore';
  /** Whether something accepts TCP connections on port at this time. */
  listens(port: number, elapsedMs: number): boolean;
  /** An HTTP request to a listening port; undefined when the port speaks no HTTP (connection reset). */
  http?(req: HttpRequest, elapsedMs: number): HttpResponse | undefined;
  /** `kubectl exec` and exec probes. */
  exec(command: string[], elapsedMs: number): ExecResult;
  /** Files the process itself has written by then (path → content), e.g. a script's
   * `touch /tmp/healthy`; `kubectl exec … cat` sees them on top of the image's files. */
  files?(elapsedMs: number): ReadonlyMap<string, string>;
}

/** An image's behaviour: builds the process for one container start. */
export interface ImageBehaviour {
  start(input: ContainerInput): ContainerProcess;
}

/** Most images: exec not modelled in detail — a shell that knows a few commands. */
export function unknownCommand(command: string[]): ExecResult {
  const name = command[0] ?? '';
  return {
    exitCode: 126,
    output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`,
  };
}

/** A server that runs until stopped, logs its start-up lines and answers HTTP on its ports. */
export interface ServerSpec {
  ports: number[];
  startupLogs?: (input: ContainerInput) => LogLine[];
  /** ms before the ports accept connections. */
  readyAfterMs?: number;
  http?: (req: HttpRequest, elapsedMs: number, input: ContainerInput) => HttpResponse | undefined;
  sigterm?: ContainerProcess['onSigterm'];
  exec?: (command: string[], elapsedMs: number, input: ContainerInput) => ExecResult | undefined;
}

export function serverProcess(spec: ServerSpec, input: ContainerInput): ContainerProcess {
  const lines = spec.startupLogs?.(input) ?? [];
  const readyAfter = spec.readyAfterMs ?? 0;
  return {
    logs: (from, to) => lines.filter((l) => l.atMs > from && l.atMs <= to),
    onSigterm: spec.sigterm ?? { afterMs: 100, exitCode: 0 },
    listens: (port, elapsed) => elapsed >= readyAfter && spec.ports.includes(port),
    http: spec.http ? (req, elapsed) => spec.http!(req, elapsed, input) : undefined,
    exec: (command, elapsed) => spec.exec?.(command, elapsed, input) ?? basicExec(command, input),
  };
}

/** The handful of commands any Linux image answers through `kubectl exec`. */
export function basicExec(command: string[], input: ContainerInput): ExecResult {
  const [name, ...args] = command;
  switch (name) {
    case 'true':
      return { exitCode: 0, output: '' };
    case 'false':
      return { exitCode: 1, output: '' };
    case 'hostname':
      return { exitCode: 0, output: `${input.hostname}\n` };
    case 'echo':
      return { exitCode: 0, output: `${args.join(' ')}\n` };
    case 'env':
    case 'printenv': {
      if (name === 'printenv' && args[0]) {
        const v = input.env[args[0]];
        return v === undefined ? { exitCode: 1, output: '' } : { exitCode: 0, output: `${v}\n` };
      }
      const all = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: input.hostname, ...input.env };
      return { exitCode: 0, output: Object.entries(all).map(([k, v]) => `${k}=${v}\n`).join('') };
    }
    default:
      return unknownCommand(command);
  }
}
