import { describe, expect, it } from 'vitest';
import { testContext } from '../../shared/test-context.ts';
import type { BookCache } from './book-cache.ts';
import type { Book, BookRepository } from './books.ts';
import { addCatalogRoutes } from './catalog-app.ts';

const dune: Book = { id: 'b-1', title: 'A Book', author: 'An Author', year: 1900, priceCents: 500, description: '' };

function fakeBooks(): BookRepository & { loads: number } {
  return {
    loads: 0,
    async list() {
      this.loads++;
      return { books: [dune], total: 1 };
    },
    async get(id) {
      this.loads++;
      return id === dune.id ? dune : undefined;
    },
  };
}

function memoryCache(): BookCache & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
}

function catalog(cache?: BookCache) {
  const { app, ctx } = testContext('catalog');
  const books = fakeBooks();
  addCatalogRoutes(app, ctx, { books, cache, cacheTtlSeconds: 60 });
  return { app, books };
}

describe('catalog routes', () => {
  it('reads through the cache: MISS, then HIT without touching the database', async () => {
    const { app, books } = catalog(memoryCache());
    const first = await app.request('/api/books/b-1');
    expect(first.headers.get('X-Cache')).toBe('MISS');
    expect(await first.json()).toMatchObject({ book: dune, pod: 'catalog-abc', version: '1.2.3' });
    await new Promise((r) => setTimeout(r, 0));
    const second = await app.request('/api/books/b-1');
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(books.loads).toBe(1);
  });

  it('a failing cache is a miss, not an error', async () => {
    const broken: BookCache = { get: async () => Promise.reject(new Error('ECONNREFUSED')), set: async () => Promise.reject(new Error('ECONNREFUSED')) };
    const { app } = catalog(broken);
    const res = await app.request('/api/books?limit=5');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Cache')).toBe('MISS');
    expect(await res.json()).toMatchObject({ books: [dune], total: 1, limit: 5, offset: 0 });
  });

  it('no cache configured: BYPASS', async () => {
    const { app } = catalog();
    expect((await app.request('/api/books')).headers.get('X-Cache')).toBe('BYPASS');
  });

  it('404 for an unknown book, 400 for a bad limit', async () => {
    const { app } = catalog(memoryCache());
    expect((await app.request('/api/books/nope')).status).toBe(404);
    expect((await app.request('/api/books?limit=1000')).status).toBe(400);
    expect((await app.request('/api/books?offset=-1')).status).toBe(400);
  });
});
