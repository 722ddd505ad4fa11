// Postgres settings from the environment and a pool that survives the database going away.
// DATABASE_URL wins; otherwise the standard PGHOST/PGPORT/PGUSER/PGDATABASE that node-postgres
// knows, with the password from PGPASSWORD or from a mounted Secret file (PGPASSWORD_FILE).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { ConfigError, readInteger, readOptionalString, type Env } from './config.ts';
import type { Logger } from './logger.ts';

export interface DatabaseSettings {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  database?: string;
  password?: string;
  poolMax: number;
}

/** Undefined when nothing says where the database is (the service then reports it in /readyz). */
export function databaseSettingsFromEnv(env: Env, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): DatabaseSettings | undefined {
  const poolMax = readInteger(env, 'DB_POOL_MAX', 5, { min: 1, max: 100 });
  const connectionString = readOptionalString(env, 'DATABASE_URL');
  if (connectionString) return { connectionString, poolMax };
  const host = readOptionalString(env, 'PGHOST');
  if (!host) return undefined;
  const passwordFile = readOptionalString(env, 'PGPASSWORD_FILE');
  let password = readOptionalString(env, 'PGPASSWORD');
  if (passwordFile) {
    try {
      password = readFile(passwordFile).trim();
    } catch (error) {
      throw new ConfigError(`PGPASSWORD_FILE ${passwordFile} cannot be read: ${(error as Error).message}`);
    }
  }
  return {
    host,
    port: readInteger(env, 'PGPORT', 5432, { min: 1, max: 65535 }),
    user: readOptionalString(env, 'PGUSER') ?? 'bookstore',
    database: readOptionalString(env, 'PGDATABASE') ?? 'bookstore',
    password,
    poolMax,
  };
}

export function createPool(settings: DatabaseSettings, log: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    host: settings.host,
    port: settings.port,
    user: settings.user,
    database: settings.database,
    password: settings.password,
    max: settings.poolMax,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 10_000,
  });
  // Without this listener a database restart kills the process ("Unhandled 'error' event").
  pool.on('error', (error) => log.warn({ err: error.message }, 'postgres connection lost; the pool will reconnect'));
  return pool;
}

/** Readiness check: a trivial query, answered by the database itself. */
export function postgresCheck(pool: pg.Pool): () => Promise<void> {
  return async () => {
    await pool.query('SELECT 1');
  };
}

/**
 * Runs `work` in a transaction on one pooled connection. The pool only watches idle connections:
 * a connection that the database drops while checked out emits 'error' on its client, which
 * would kill the process unless someone listens, so listen for as long as we hold it.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    broken ??= error instanceof Error && isConnectionError(error) ? error : undefined;
    throw error;
  } finally {
    client.off('error', onError);
    // A broken connection is destroyed instead of going back to the pool.
    client.release(broken);
  }
}

function isConnectionError(error: Error): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('57P') || code.startsWith('08') || /Connection terminated|ECONNRESET|ECONNREFUSED/.test(error.message);
}
