// The migration Job's entry point: wait for Postgres (it may still be starting), apply what is
// missing, exit 0. A non-zero exit makes the Job retry, up to its backoffLimit.
import { identityFromEnv } from '../../shared/identity.ts';
import { createLogger } from '../../shared/logger.ts';
import { readInteger } from '../../shared/config.ts';
import { createPool, databaseSettingsFromEnv } from '../../shared/postgres.ts';
import { migrate, readMigrations } from './migrate.ts';

const env = process.env;
const identity = identityFromEnv('migrations', env);
const log = createLogger(identity, env.LOG_LEVEL ?? 'info');
const settings = databaseSettingsFromEnv(env);
if (!settings) {
  log.fatal('no database configured: set DATABASE_URL or PGHOST (with PGUSER, PGPASSWORD or PGPASSWORD_FILE)');
  process.exit(2);
}
const pool = createPool(settings, log);
const waitSeconds = readInteger(env, 'WAIT_FOR_DATABASE_SECONDS', 60, { min: 0 });
const deadline = Date.now() + waitSeconds * 1000;

for (;;) {
  try {
    await pool.query('SELECT 1');
    break;
  } catch (error) {
    if (Date.now() > deadline) {
      log.fatal({ err: (error as Error).message }, 'database not reachable');
      process.exit(1);
    }
    log.info({ err: (error as Error).message }, 'waiting for the database');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

try {
  const applied = await migrate(pool, readMigrations());
  log.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
  await pool.end();
} catch (error) {
  log.fatal({ err: (error as Error).message }, 'migration failed');
  process.exit(1);
}
