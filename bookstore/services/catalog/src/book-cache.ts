// Cache-aside in Redis. Redis is optional: unset REDIS_URL means no cache (X-Cache: BYPASS), and a
// Redis that is down answers every lookup as a miss at once instead of stalling requests.
import { Redis } from 'ioredis';
import type { Logger } from '../../shared/logger.ts';

export interface BookCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

export function createRedisCache(url: string, log: Logger): { cache: BookCache; redis: Redis } {
  // Fail fast: no offline queue and one try per command, so an outage costs nothing but misses.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 1000, lazyConnect: true });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) log.warn({ err: error.message }, 'redis unavailable: serving without cache');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('redis back: caching again');
    down = false;
  });
  redis.connect().catch(() => undefined);
  return {
    redis,
    cache: {
      async get(key) {
        return (await redis.get(key)) ?? undefined;
      },
      async set(key, value, ttlSeconds) {
        await redis.set(key, value, 'EX', ttlSeconds);
      },
    },
  };
}
