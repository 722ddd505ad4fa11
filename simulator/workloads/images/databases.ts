// redis and postgres: servers that need a moment to start, answer their own ports, and — for
// postgres — refuse to start without a superuser password, exactly as the real entrypoint does.
import type { ContainerInput, ContainerProcess, LogLine } from '../container-model.ts';
import { serverProcess } from '../container-model.ts';
import type { ImageModel } from '../image-registry.ts';
import { overridable } from './web-servers.ts';

function redisTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${String(d.getUTCDate()).padStart(2, '0')} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

/** The version a redis tag runs (the newest patch of its line). */
function redisVersion(tag: string | undefined): string {
  const major = /^(\d)/.exec(tag ?? '')?.[1];
  return major === '5' ? '5.0.14' : major === '6' ? '6.2.16' : '7.4.1';
}

export interface RedisOptions {
  version: string;
  /** A replica: the leader's host it connects to (gb-redis-follower). */
  replicaOf?: string;
}

/** redis-server in the foreground; a config file given as the first argument is loaded. */
export function redisServer(input: ContainerInput, options: RedisOptions): ContainerProcess {
  const { version } = options;
  const major = Number(version.split('.')[0]);
  const config = (input.args ?? []).find((a) => a.endsWith('.conf'));
  // Redis 7 marks informational lines with '*', older versions used '#' for most of them.
  const note = major >= 7 ? '*' : '#';
  return serverProcess(
    {
      ports: [6379],
      readyAfterMs: 20,
      startupLogs: (i): LogLine[] => {
        const t = redisTime(i.startedAt);
        const role = options.replicaOf ? 'S' : 'M';
        const lines = [
          `1:C ${t} ${note} oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
          `1:C ${t} ${note} Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
          config
            ? `1:C ${t} ${note} Configuration loaded`
            : `1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
          ...(major >= 6 ? [`1:${role} ${t} * monotonic clock: POSIX clock_gettime`] : []),
          `1:${role} ${t} * Running mode=standalone, port=6379.`,
          `1:${role} ${t} # Server initialized`,
          major >= 7 ? `1:${role} ${t} * Ready to accept connections tcp` : `1:${role} ${t} * Ready to accept connections`,
        ];
        if (options.replicaOf) {
          lines.push(`1:S ${t} * Connecting to MASTER ${options.replicaOf}:6379`);
          // The leader's Service existing when the container started stands in for its DNS name resolving.
          const envName = options.replicaOf.toUpperCase().replace(/-/g, '_');
          if (i.env[`${envName}_SERVICE_HOST`]) lines.push(`1:S ${t} * MASTER <-> REPLICA sync started`);
        }
        return lines.map((text, n) => ({ atMs: 5 + n, text }));
      },
      sigterm: { afterMs: 100, exitCode: 0 },
      exec: (command) => {
        if (command[0] !== 'redis-cli') return undefined;
        const args = command.slice(1).filter((a, i, all) => !(a.startsWith('-') || all[i - 1] === '-h' || all[i - 1] === '-p'));
        if (args[0]?.toLowerCase() === 'ping') return { exitCode: 0, output: 'PONG\n' };
        if (args[0]?.toLowerCase() === 'info' && args[1]?.toLowerCase() === 'replication') {
          return { exitCode: 0, output: `# Replication\nrole:${options.replicaOf ? 'slave' : 'master'}\n` };
        }
        return { exitCode: 0, output: '(nil)\n' };
      },
    },
    input,
  );
}

export const redisImage: ImageModel = {
  tags: (tag) => /^(latest|alpine|7(\.\d{1,2}){0,2}|6(\.\d{1,2}){0,2}|5(\.0(\.\d{1,2})?)?)(-alpine|-bookworm)?$/.test(tag),
  sizeBytes: 45_094_310,
  pullMs: 2_300,
  behaviour: overridable((input) => redisServer(input, { version: redisVersion(input.imageTag) }), ['redis-cli', 'redis-server']),
};

const missingPassword = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

/** First start: initdb takes a few seconds before the server accepts connections. */
const postgresReadyMs = 3_500;

export const postgresImage: ImageModel = {
  tags: (tag) => /^(latest|alpine|1[2-7](\.\d{1,2})?)(-alpine|-bookworm)?$/.test(tag),
  sizeBytes: 158_343_040,
  pullMs: 6_800,
  behaviour: overridable(
    (input): ContainerProcess => {
      if (!input.env.POSTGRES_PASSWORD && input.env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
        return {
          exit: { afterMs: 150, exitCode: 1 },
          logs: (from, to) => missingPassword.map((text, n) => ({ atMs: 100 + n, text, stream: 'stderr' as const })).filter((l) => l.atMs > from && l.atMs <= to),
          onSigterm: { afterMs: 0, exitCode: 0 },
          listens: () => false,
          exec: () => ({ exitCode: 1, output: '' }),
        };
      }
      const stamp = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 23)} UTC`;
      return serverProcess(
        {
          ports: [5432],
          readyAfterMs: postgresReadyMs,
          startupLogs: (i) => [
            { atMs: 100, text: 'The files belonging to this database system will be owned by user "postgres".' },
            { atMs: 101, text: 'This user must also own the server process.' },
            { atMs: 1_800, text: 'Success. You can now start the database server using:' },
            { atMs: 2_000, text: 'PostgreSQL init process complete; ready for start up.' },
            { atMs: postgresReadyMs - 10, text: `${stamp(i.startedAt + postgresReadyMs)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432` },
            { atMs: postgresReadyMs, text: `${stamp(i.startedAt + postgresReadyMs)} [1] LOG:  database system is ready to accept connections` },
          ],
          // postgres treats SIGTERM as "smart shutdown": it waits for clients, then exits 0.
          sigterm: { afterMs: 500, exitCode: 0 },
          exec: (command, elapsed) => {
            if (command[0] !== 'pg_isready') return undefined;
            return elapsed >= postgresReadyMs
              ? { exitCode: 0, output: '/var/run/postgresql:5432 - accepting connections\n' }
              : { exitCode: 2, output: '/var/run/postgresql:5432 - no response\n' };
          },
        },
        input,
      );
    },
    ['postgres', 'pg_isready', 'psql'],
  ),
};

/** mysqld's log time: 2025-01-01 00:00:00 (5.6 writes local time without a zone). */
function mysqlTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** First start: the entrypoint initialises the data directory with a temporary server, then starts the real one. */
const mysqlReadyMs = 14_000;

/** The official mysql image, 5.6 line (docker-library entrypoint on Debian 9). */
export function mysqlServer(input: ContainerInput, version: string): ContainerProcess {
  const stamp = (ms: number) => `${mysqlTime(ms)}+00:00`;
  const note = (ms: number, text: string) => `${stamp(ms)} [Note] [Entrypoint]: ${text}`;
  const env = input.env;
  const t0 = input.startedAt;
  if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
    const lines = [
      note(t0, `Entrypoint script for MySQL Server ${version}-1debian9 started.`),
      note(t0, "Switching to dedicated user 'mysql'"),
      note(t0, `Entrypoint script for MySQL Server ${version}-1debian9 started.`),
      `${stamp(t0)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
      '    You need to specify one of the following:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ];
    return {
      exit: { afterMs: 120, exitCode: 1 },
      logs: (from, to) => lines.map((text, n) => ({ atMs: 50 + n, text, stream: n >= 3 ? ('stderr' as const) : ('stdout' as const) })).filter((l) => l.atMs > from && l.atMs <= to),
      onSigterm: { afterMs: 0, exitCode: 0 },
      listens: () => false,
      exec: () => ({ exitCode: 1, output: '' }),
    };
  }
  const ready = t0 + mysqlReadyMs;
  return serverProcess(
    {
      ports: [3306],
      readyAfterMs: mysqlReadyMs,
      startupLogs: () => [
        { atMs: 50, text: note(t0, `Entrypoint script for MySQL Server ${version}-1debian9 started.`) },
        { atMs: 51, text: note(t0, "Switching to dedicated user 'mysql'") },
        { atMs: 52, text: note(t0, `Entrypoint script for MySQL Server ${version}-1debian9 started.`) },
        { atMs: 60, text: note(t0, 'Initializing database files') },
        { atMs: 8_000, text: note(t0 + 8_000, 'Database files initialized') },
        { atMs: 8_010, text: note(t0 + 8_010, 'Starting temporary server') },
        { atMs: 10_000, text: note(t0 + 10_000, 'Temporary server started.') },
        { atMs: 12_000, text: note(t0 + 12_000, 'Stopping temporary server') },
        { atMs: 13_500, text: note(t0 + 13_500, 'Temporary server stopped') },
        { atMs: 13_510, text: note(t0 + 13_510, 'MySQL init process done. Ready for start up.') },
        { atMs: mysqlReadyMs - 1, text: `${mysqlTime(ready)} 1 [Note] mysqld (mysqld ${version}) starting as process 1 ...` },
        { atMs: mysqlReadyMs, text: `${mysqlTime(ready)} 1 [Note] mysqld: ready for connections.` },
        { atMs: mysqlReadyMs, text: `Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)` },
      ],
      // mysqld shuts down cleanly on SIGTERM, flushing InnoDB first.
      sigterm: { afterMs: 1_500, exitCode: 0 },
      exec: (command, elapsed) => {
        if (command[0] !== 'mysqladmin' || !command.includes('ping')) return undefined;
        return elapsed >= mysqlReadyMs
          ? { exitCode: 0, output: 'mysqld is alive\n' }
          : { exitCode: 1, output: "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\n" };
      },
    },
    input,
  );
}

export const mysqlImage: ImageModel = {
  // Only the 5.6 line is modelled (5.7 and 8.x run on Oracle Linux and log differently).
  tags: (tag) => /^5\.6(\.\d{1,2})?$/.test(tag),
  sizeBytes: 98_946_341,
  pullMs: 4_800,
  behaviour: overridable((input) => mysqlServer(input, /^5\.6\.\d+$/.test(input.imageTag ?? '') ? input.imageTag! : '5.6.51'), ['mysql', 'mysqld', 'mysqladmin']),
};
