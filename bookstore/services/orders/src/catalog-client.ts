// Orders asks the catalog for each book's price, by its Service name (CATALOG_URL), with a timeout:
// a slow catalog makes an order fail fast instead of piling up requests.

export interface PricedBook {
  id: string;
  title: string;
  priceCents: number;
}

export interface CatalogClient {
  /** Undefined when the catalog says the book does not exist. */
  book(id: string, requestId?: string): Promise<PricedBook | undefined>;
}

export class CatalogUnavailableError extends Error {
  override name = 'CatalogUnavailableError';
}

export function httpCatalogClient(baseUrl: string, timeoutMs: number, fetchImpl: typeof fetch = fetch): CatalogClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async book(id, requestId) {
      let response: Response;
      try {
        response = await fetchImpl(`${base}/api/books/${encodeURIComponent(id)}`, {
          signal: AbortSignal.timeout(timeoutMs),
          headers: requestId ? { 'X-Request-Id': requestId } : {},
        });
      } catch (error) {
        throw new CatalogUnavailableError(`catalog at ${base} did not answer: ${(error as Error).message}`);
      }
      if (response.status === 404) return undefined;
      if (!response.ok) throw new CatalogUnavailableError(`catalog at ${base} answered ${response.status}`);
      const body = (await response.json()) as { book?: PricedBook };
      if (!body.book) throw new CatalogUnavailableError('catalog answered without a book');
      return { id: body.book.id, title: body.book.title, priceCents: body.book.priceCents };
    },
  };
}
