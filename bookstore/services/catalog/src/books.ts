// Where books come from: Postgres, behind an interface so the handlers can be tested without it.
import type pg from 'pg';

export interface Book {
  id: string;
  title: string;
  author: string;
  year: number | null;
  priceCents: number;
  description: string;
}

export interface BookQuery {
  q?: string;
  limit: number;
  offset: number;
}

export interface BookRepository {
  list(query: BookQuery): Promise<{ books: Book[]; total: number }>;
  get(id: string): Promise<Book | undefined>;
}

interface BookRow {
  id: string;
  title: string;
  author: string;
  year: number | null;
  price_cents: number;
  description: string;
  total?: string;
}

function toBook(row: BookRow): Book {
  return { id: row.id, title: row.title, author: row.author, year: row.year, priceCents: row.price_cents, description: row.description };
}

export class PostgresBookRepository implements BookRepository {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async list({ q, limit, offset }: BookQuery): Promise<{ books: Book[]; total: number }> {
    const pattern = q ? `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
    const { rows } = await this.pool.query<BookRow>(
      `SELECT id, title, author, year, price_cents, description, count(*) OVER () AS total
         FROM books
        WHERE $1::text IS NULL OR title ILIKE $1 OR author ILIKE $1
        ORDER BY title
        LIMIT $2 OFFSET $3`,
      [pattern, limit, offset],
    );
    return { books: rows.map(toBook), total: rows[0] ? Number(rows[0].total) : 0 };
  }

  async get(id: string): Promise<Book | undefined> {
    const { rows } = await this.pool.query<BookRow>('SELECT id, title, author, year, price_cents, description FROM books WHERE id = $1', [id]);
    return rows[0] ? toBook(rows[0]) : undefined;
  }
}
