import { describe, expect, it } from 'vitest';
import { databaseSettingsFromEnv } from './postgres.ts';

describe('database settings', () => {
  it('prefers DATABASE_URL', () => {
    expect(databaseSettingsFromEnv({ DATABASE_URL: 'postgres://a@b/c', PGHOST: 'x' })).toEqual({ connectionString: 'postgres://a@b/c', poolMax: 5 });
  });

  it('reads the password from a mounted Secret file', () => {
    const files: Record<string, string> = { '/etc/secrets/pw': 's3cret\n' };
    const settings = databaseSettingsFromEnv({ PGHOST: 'postgres', PGPASSWORD_FILE: '/etc/secrets/pw' }, (p) => files[p] ?? '');
    expect(settings).toMatchObject({ host: 'postgres', port: 5432, user: 'bookstore', database: 'bookstore', password: 's3cret' });
  });

  it('is undefined when nothing says where the database is', () => {
    expect(databaseSettingsFromEnv({})).toBeUndefined();
  });

  it('says which file it could not read', () => {
    expect(() => databaseSettingsFromEnv({ PGHOST: 'p', PGPASSWORD_FILE: '/nope' }, () => { throw new Error('ENOENT'); })).toThrow(/PGPASSWORD_FILE \/nope/);
  });
});
