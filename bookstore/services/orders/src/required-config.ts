// The settings orders cannot work without (chapter 09: they come from a ConfigMap and a Secret).
import type { Env } from '../../shared/config.ts';

export function missingOrdersConfig(env: Env): string[] {
  const has = (name: string) => (env[name] ?? '').trim() !== '';
  const missing: string[] = [];
  if (!has('DATABASE_URL')) {
    if (!has('PGHOST')) missing.push('PGHOST (or DATABASE_URL)');
    if (!has('PGPASSWORD') && !has('PGPASSWORD_FILE')) missing.push('PGPASSWORD or PGPASSWORD_FILE (or DATABASE_URL)');
  }
  if (!has('CATALOG_URL')) missing.push('CATALOG_URL');
  if (!has('AMQP_URL')) missing.push('AMQP_URL');
  return missing;
}
