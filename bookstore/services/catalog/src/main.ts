// catalog: lists books from Postgres, cached in Redis. Ready when Postgres answers; Redis is optional.
import { readInteger, readOptionalString } from '../../shared/config.ts';
import { createPool, databaseSettingsFromEnv, postgresCheck } from '../../shared/postgres.ts';
import { runService } from '../../shared/run-service.ts';
import { createServiceApp, serviceContextFromEnv } from '../../shared/service-app.ts';
import { createRedisCache } from './book-cache.ts';
import { PostgresBookRepository } from './books.ts';
import { addCatalogRoutes } from './catalog-app.ts';

const env = process.env;
const ctx = serviceContextFromEnv('catalog', env);
const { log, switches, health } = ctx;
const app = createServiceApp(ctx);
const closers: { name: string; close: () => Promise<void> }[] = [];

const database = databaseSettingsFromEnv(env);
if (!database) {
  log.error('no database configured (DATABASE_URL or PGHOST): the catalog will never be ready');
  health.addDependency('postgres', async () => Promise.reject(new Error('not configured: set DATABASE_URL or PGHOST')), { required: true });
}
const pool = database ? createPool(database, log) : undefined;
if (pool) {
  health.addDependency('postgres', postgresCheck(pool), { required: true });
  closers.push({ name: 'postgres', close: () => pool.end() });
}

const redisUrl = readOptionalString(env, 'REDIS_URL');
const redis = redisUrl ? createRedisCache(redisUrl, log) : undefined;
if (redis) {
  health.addDependency('redis', async () => {
    if (redis.redis.status !== 'ready') throw new Error(`redis is ${redis.redis.status}: serving without cache`);
  }, { required: false });
  closers.push({ name: 'redis', close: async () => void redis.redis.disconnect() });
}

addCatalogRoutes(app, ctx, {
  books: pool ? new PostgresBookRepository(pool) : { list: () => Promise.reject(new Error('no database')), get: () => Promise.reject(new Error('no database')) },
  cache: redis?.cache,
  cacheTtlSeconds: readInteger(env, 'CACHE_TTL_SECONDS', 60, { min: 1 }),
});

await runService({ app, env, health, log, switches, closers });
