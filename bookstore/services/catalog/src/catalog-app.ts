// The catalog's HTTP routes: list and show books, cache-aside in Redis.
import type { Context, Hono } from 'hono';
import { Counter } from 'prom-client';
import { reply, type ServiceContext } from '../../shared/service-app.ts';
import type { BookCache } from './book-cache.ts';
import type { BookRepository } from './books.ts';

export interface CatalogDeps {
  books: BookRepository;
  /** Undefined when no Redis is configured. */
  cache?: BookCache;
  cacheTtlSeconds: number;
}

type CacheResult = 'HIT' | 'MISS' | 'BYPASS';

export function addCatalogRoutes(app: Hono, ctx: ServiceContext, deps: CatalogDeps): void {
  const { identity, log } = ctx;
  const cacheRequests = new Counter({
    name: 'bookstore_cache_requests_total',
    help: 'Cache lookups by result.',
    labelNames: ['result'],
    registers: [ctx.metrics.registry],
  });

  /** Reads through the cache; a failing cache is a miss, never an error. */
  async function cached<T>(key: string, load: () => Promise<T>): Promise<{ value: T; cache: CacheResult }> {
    if (!deps.cache) {
      cacheRequests.inc({ result: 'bypass' });
      return { value: await load(), cache: 'BYPASS' };
    }
    try {
      const hit = await deps.cache.get(key);
      if (hit !== undefined) {
        cacheRequests.inc({ result: 'hit' });
        return { value: JSON.parse(hit) as T, cache: 'HIT' };
      }
      cacheRequests.inc({ result: 'miss' });
    } catch (error) {
      cacheRequests.inc({ result: 'error' });
      log.debug({ err: (error as Error).message }, 'cache read failed');
    }
    const value = await load();
    deps.cache.set(key, JSON.stringify(value), deps.cacheTtlSeconds).catch((error: Error) => log.debug({ err: error.message }, 'cache write failed'));
    return { value, cache: 'MISS' };
  }

  function intParam(c: Context, name: string, fallback: number, max: number): number | undefined {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
  }

  app.get('/api/books', async (c) => {
    const limit = intParam(c, 'limit', 20, 100);
    const offset = intParam(c, 'offset', 0, 1_000_000);
    if (limit === undefined || offset === undefined) return reply(c, identity, { error: 'limit must be 0..100 and offset a whole number' }, 400);
    const q = c.req.query('q')?.trim() || undefined;
    const key = `books:list:${q ?? ''}:${limit}:${offset}`;
    const { value, cache } = await cached(key, () => deps.books.list({ q, limit, offset }));
    c.header('X-Cache', cache);
    return reply(c, identity, { books: value.books, total: value.total, limit, offset });
  });

  app.get('/api/books/:id', async (c) => {
    const id = c.req.param('id');
    const { value: book, cache } = await cached(`books:one:${id}`, async () => (await deps.books.get(id)) ?? null);
    c.header('X-Cache', cache);
    if (!book) return reply(c, identity, { error: `no book with id ${id}` }, 404);
    return reply(c, identity, { book });
  });
}
