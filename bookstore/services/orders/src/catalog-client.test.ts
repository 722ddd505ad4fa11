import { describe, expect, it } from 'vitest';
import { CatalogUnavailableError, httpCatalogClient } from './catalog-client.ts';

const respond = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status });

describe('catalog client', () => {
  it('returns the price, or undefined for a 404', async () => {
    expect(await httpCatalogClient('http://catalog/', 100, respond(200, { book: { id: 'b', title: 'T', priceCents: 5, author: 'x' } })).book('b')).toEqual({ id: 'b', title: 'T', priceCents: 5 });
    expect(await httpCatalogClient('http://catalog', 100, respond(404, {})).book('b')).toBeUndefined();
  });

  it('turns errors, 5xx and timeouts into CatalogUnavailableError', async () => {
    await expect(httpCatalogClient('http://catalog', 100, respond(503, {})).book('b')).rejects.toBeInstanceOf(CatalogUnavailableError);
    const hang: typeof fetch = (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    await expect(httpCatalogClient('http://catalog', 20, hang).book('b')).rejects.toThrow(/did not answer/);
  });
});
