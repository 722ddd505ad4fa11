// The integration stack: real Postgres, Redis and RabbitMQ, the schema migrated, helpers to read
// what the services wrote. Skips (outside CI) when the server binaries are missing.
import pg from 'pg';
import { BackingServices, missingServerBinaries } from '../testing/backing-services.ts';
import { ServiceProcess } from '../testing/service-process.ts';

/** Why the integration tests skip here; in CI a missing binary is an error, not a skip. */
export function integrationSkipReason(): string | undefined {
  const missing = missingServerBinaries();
  if (missing && process.env.CI) throw new Error(`CI must install the servers: ${missing}`);
  return missing;
}

export class IntegrationStack {
  readonly services = new BackingServices();
  private pool?: pg.Pool;

  async start(): Promise<void> {
    await this.services.start();
    const migrate = await ServiceProcess.start('migrations', { DATABASE_URL: this.services.postgres.url }, { waitForListen: false });
    const exit = await migrate.waitForExit(30_000);
    if (exit?.code !== 0) throw new Error(`migrations failed: ${JSON.stringify(migrate.logs)}`);
  }

  get db(): pg.Pool {
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.services.postgres.url, max: 2 });
      this.pool.on('error', () => undefined); // Postgres restarts mid-test on purpose
    }
    return this.pool;
  }

  async stop(): Promise<void> {
    await this.pool?.end().catch(() => undefined);
    await this.services.dispose();
  }
}
