import { describe, expect, it } from 'vitest';
import { readMigrations } from './migrate.ts';

describe('migrations', () => {
  it('run in name order: schema first, then the seed books', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.name)).toEqual(['001_schema.sql', '002_seed_books.sql']);
    expect(migrations[1]!.sql.match(/\('b-\d{3}'/g)).toHaveLength(12);
    expect(migrations[1]!.sql).toContain('ON CONFLICT (id) DO NOTHING');
  });
});
