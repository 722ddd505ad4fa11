// redis and postgres: servers that need a moment to start, answer their own ports, and — for
// postgres — refuse to start without a superuser password, exactly as the real entrypoint does.
import type { ContainerProcess, LogLine } from '../container-model.ts';
import { serverProcess } from '../container-model.ts';
import type { ImageModel } from '../image-registry.ts';
import { overridable } from './web-servers.ts';

function redisTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${String(d.getUTCDate()).padStart(2, '0')} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

export const redisImage: ImageModel = {
  tags: (tag) => /^(latest|alpine|7(\.\d{1,2}){0,2}|6(\.\d{1,2}){0,2})(-alpine|-bookworm)?$/.test(tag),
  sizeBytes: 45_094_310,
  pullMs: 2_300,
  behaviour: overridable(
    (input) =>
      serverProcess(
        {
          ports: [6379],
          readyAfterMs: 20,
          startupLogs: (i): LogLine[] => {
            const t = redisTime(i.startedAt);
            return [
              `1:C ${t} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
              `1:C ${t} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
              `1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
              `1:M ${t} * monotonic clock: POSIX clock_gettime`,
              `1:M ${t} * Running mode=standalone, port=6379.`,
              `1:M ${t} * Server initialized`,
              `1:M ${t} * Ready to accept connections tcp`,
            ].map((text, n) => ({ atMs: 5 + n, text }));
          },
          sigterm: { afterMs: 100, exitCode: 0 },
          exec: (command) => {
            if (command[0] !== 'redis-cli') return undefined;
            const args = command.slice(1).filter((a, i, all) => !(a.startsWith('-') || all[i - 1] === '-h' || all[i - 1] === '-p'));
            if (args[0]?.toLowerCase() === 'ping') return { exitCode: 0, output: 'PONG\n' };
            return { exitCode: 0, output: '(nil)\n' };
          },
        },
        input,
      ),
    ['redis-cli', 'redis-server'],
  ),
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
