// Real Postgres, Redis and RabbitMQ for integration tests: each on 127.0.0.1, a random free port,
// state in a temp dir, started without systemd and stopped by its own process id.
// Debian packages: postgresql, redis-server, rabbitmq-server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { freePort, freePortBelow, waitForPort } from './ports.ts';

/** Why the integration tests cannot run here, or undefined when every server binary is present. */
export function missingServerBinaries(): string | undefined {
  const missing: string[] = [];
  if (!postgresBinDir()) missing.push('postgresql (initdb, pg_ctl)');
  if (!onPath('redis-server')) missing.push('redis-server');
  if (!existsSync(rabbitmqServerPath)) missing.push('rabbitmq-server');
  return missing.length ? `missing ${missing.join(', ')}: apt-get install -y --no-upgrade postgresql redis-server rabbitmq-server` : undefined;
}

const rabbitmqServerPath = '/usr/lib/rabbitmq/bin/rabbitmq-server';

function onPath(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb']).stdout?.toString().trim();
  return found ? path.dirname(found) : undefined;
}

const isRoot = process.getuid?.() === 0;

/** Postgres refuses to run as root: as root, run its tools as the postgres user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function runChecked(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { env: env ?? process.env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export class TestPostgres {
  readonly dir: string;
  port = 0;
  private bin: string;

  constructor() {
    const bin = postgresBinDir();
    if (!bin) throw new Error('Postgres binaries not found');
    this.bin = bin;
    this.dir = mkdtempSync(path.join(tmpdir(), 'bookstore-pg-'));
    if (isRoot) chownSync(this.dir, Number(runChecked('id', ['-u', 'postgres']).trim()), Number(runChecked('id', ['-g', 'postgres']).trim()));
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/bookstore`;
  }

  async start(): Promise<void> {
    const data = path.join(this.dir, 'data');
    if (!existsSync(data)) {
      this.port = await freePort();
      runChecked(...asPostgres(path.join(this.bin, 'initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync']));
    }
    await this.resume();
    runChecked('psql', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-c', 'CREATE DATABASE bookstore']);
  }

  /** Starts the server on its existing data directory (after stop()). */
  async resume(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`;
    runChecked(...asPostgres(path.join(this.bin, 'pg_ctl'), ['-D', path.join(this.dir, 'data'), '-o', options, '-l', path.join(this.dir, 'log'), '-w', 'start']));
    await waitForPort(this.port, 10_000);
  }

  stop(): void {
    spawnSync(...asPostgres(path.join(this.bin, 'pg_ctl'), ['-D', path.join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']));
  }

  async restart(downMs = 0): Promise<void> {
    this.stop();
    await new Promise((r) => setTimeout(r, downMs));
    await this.resume();
  }

  dispose(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class TestRedis {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'bookstore-redis-'));
  port = 0;
  private child?: ChildProcess;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: 'ignore' });
    await waitForPort(this.port, 10_000);
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGTERM');
    await waitForExit(this.child, 5000);
    this.child = undefined;
  }

  async restart(downMs = 0): Promise<void> {
    await this.stop();
    await new Promise((r) => setTimeout(r, downMs));
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class TestRabbitMq {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'bookstore-rabbit-'));
  port = 0;
  private epmdPort = 0;
  private child?: ChildProcess;
  private readonly nodeName = `bookstore-${process.pid}-${Math.floor(Math.random() * 1e6)}@localhost`;

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  /** Isolated state: own HOME (Erlang cookie), own epmd port, everything bound to loopback. */
  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      HOME: this.dir,
      RABBITMQ_NODENAME: this.nodeName,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(this.port),
      RABBITMQ_MNESIA_BASE: path.join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(this.dir, 'log'),
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(this.dir, 'enabled_plugins'),
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
      ERL_EPMD_ADDRESS: '127.0.0.1',
      ERL_EPMD_PORT: String(this.epmdPort),
    };
  }

  async start(): Promise<void> {
    if (!this.port) {
      // Below the ephemeral range, where a probe could connect to itself; +20000 stays valid.
      this.port = await freePortBelow(32_000);
      this.epmdPort = await freePort();
      writeFileSync(path.join(this.dir, 'enabled_plugins'), '[].\n');
    }
    this.child = spawn(rabbitmqServerPath, [], { env: this.env(), stdio: 'ignore', detached: true });
    await waitForPort(this.port, 90_000);
    await this.waitForAmqp(30_000);
  }

  /** The port opens a moment before the broker accepts sessions: wait for a real AMQP handshake. */
  private async waitForAmqp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const connection = await amqp.connect(this.url);
        await connection.close();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    // The Erlang VM shuts down cleanly on SIGTERM; the process group covers the shell wrapper.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await waitForExit(child, 15_000);
    this.child = undefined;
  }

  async restart(downMs = 0): Promise<void> {
    await this.stop();
    await new Promise((r) => setTimeout(r, downMs));
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    // epmd outlives the broker; ours listens on its own port, so this stops only ours.
    spawnSync('epmd', ['-kill'], { env: this.env() });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** All three, started in parallel. */
export class BackingServices {
  readonly postgres = new TestPostgres();
  readonly redis = new TestRedis();
  readonly rabbitmq = new TestRabbitMq();

  async start(): Promise<void> {
    await Promise.all([this.postgres.start(), this.redis.start(), this.rabbitmq.start()]);
  }

  async dispose(): Promise<void> {
    await Promise.allSettled([Promise.resolve().then(() => this.postgres.dispose()), this.redis.dispose(), this.rabbitmq.dispose()]);
  }
}
