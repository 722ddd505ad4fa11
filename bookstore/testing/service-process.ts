// Runs a real Bookstore service as a child process (`node …/src/main.ts`), the way its image does,
// and keeps its JSON log lines for assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type ServiceName = 'catalog' | 'orders' | 'payments-worker' | 'migrations';

const servicesDir = path.join(import.meta.dirname, '..', 'services');

export function serviceEntry(service: ServiceName): string {
  return path.join(servicesDir, service, 'src', 'main.ts');
}

let started = 0;

export class ServiceProcess {
  readonly logs: Record<string, unknown>[] = [];
  /** 0 until the service logs the port it bound (it starts with PORT=0: no two tests can collide). */
  port = 0;
  private readonly child: ChildProcess;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;

  private constructor(service: ServiceName, env: Record<string, string>) {
    this.child = spawn(process.execPath, [serviceEntry(service)], {
      env: { PATH: process.env.PATH ?? '', POD_NAME: `${service}-test-${++started}`, SHUTDOWN_DELAY_SECONDS: '0', LOG_LEVEL: 'debug', PORT: '0', ...env, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          if (entry.msg === 'listening' && typeof entry.port === 'number') this.port = entry.port;
          this.logs.push(entry);
        } catch {
          this.logs.push({ raw: line });
        }
      }
    });
    let stderr = '';
    this.child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (process.env.BOOKSTORE_TEST_STDERR) process.stderr.write(chunk);
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        if (stderr && code !== 0 && code !== null) this.logs.push({ stderr });
        resolve({ code, signal });
      }),
    );
  }

  /** Starts the service; with `waitForListen` resolves once its port accepts connections. */
  static async start(service: ServiceName, env: Record<string, string>, options: { waitForListen?: boolean } = {}): Promise<ServiceProcess> {
    const proc = new ServiceProcess(service, env);
    if (options.waitForListen !== false) {
      const deadline = Date.now() + 30_000;
      while (proc.port === 0) {
        if (!proc.running) throw new Error(`${service} exited with ${proc.exitCode} before listening: ${JSON.stringify(proc.logs.slice(-5))}`);
        if (Date.now() > deadline) throw new Error(`${service} did not listen within 30 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return proc;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.exitCode === null && this.exitSignal === null;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async kill(): Promise<void> {
    if (!this.running) return;
    this.signal('SIGKILL');
    await this.exited;
  }

  /** Resolves with the exit, or undefined if it still runs after timeoutMs. */
  async waitForExit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    return result;
  }

  /** SIGTERM, then SIGKILL if it does not go (a deadlocked process ignores SIGTERM). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.signal('SIGTERM');
    if (!(await this.waitForExit(2000))) {
      this.signal('SIGKILL');
      await this.exited;
    }
  }

  hasLog(predicate: (line: Record<string, unknown>) => boolean): boolean {
    return this.logs.some(predicate);
  }
}

/** Polls `check` until it returns a value other than undefined, or fails after timeoutMs. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
