import { describe, expect, it } from 'vitest';
import type { ContainerInput } from '../container-model.ts';
import { createImageRegistry } from './index.ts';
import { bookstoreProcess } from './bookstore.ts';

const input = (image: string, env: Record<string, string> = {}): ContainerInput => ({
  image: `docker.io/${image}`,
  imageTag: image.split(':')[1],
  env,
  ports: [8080],
  podName: 'p',
  namespace: 'bookstore',
  hostname: 'p',
  podIP: '10.244.1.2',
  startedAt: Date.UTC(2025, 0, 1),
});
const db = { DATABASE_URL: 'postgres://bookstore@postgres:5432/bookstore' };

describe('the Bookstore images in the simulated registry', () => {
  it('pulls every built tag and not catalog:1.6', () => {
    const registry = createImageRegistry();
    for (const tag of ['1.0', '1.5', '1.7-crash', '1.8-neverready', '1.9-deadlock']) expect(registry.pull(`bookstore/catalog:${tag}`).ok).toBe(true);
    expect(registry.pull('bookstore/catalog:1.6')).toMatchObject({ ok: false, error: expect.stringContaining('not found') });
    for (const s of ['orders', 'payments-worker', 'storefront', 'migrations']) expect(registry.pull(`bookstore/${s}:1.0`).ok).toBe(true);
  });

  it('refuses to start on a setting the real service rejects: a fatal log line, then exit 1', () => {
    const process = bookstoreProcess('catalog', '1.0', input('bookstore/catalog:1.0', { ...db, ERROR_RATE: '2' }));
    expect(process.exit).toEqual({ afterMs: 30, exitCode: 1 });
    const [line] = process.logs(0, 1_000);
    expect(JSON.parse(line!.text)).toMatchObject({ level: expect.anything(), msg: expect.stringContaining('ERROR_RATE') });
    expect(process.listens(8080, 10)).toBe(false);
  });

  it('bakes the failure modes into the tags: 1.7 exits 1 after 10 s, 1.9 hangs after 30 s and ignores SIGTERM', () => {
    const crash = bookstoreProcess('catalog', '1.7-crash', input('bookstore/catalog:1.7-crash', db));
    expect(crash.exit).toEqual({ afterMs: 10_000, exitCode: 1 });
    const deadlock = bookstoreProcess('catalog', '1.9-deadlock', input('bookstore/catalog:1.9-deadlock', db));
    const get = (path: string, at: number) => deadlock.http!({ method: 'GET', path, port: 8080, headers: {} }, at)!;
    expect(get('/healthz', 29_000).status).toBe(200);
    expect(get('/healthz', 30_000).delayMs).toBeGreaterThan(60_000);
    expect(deadlock.onSigterm).toBe('ignore');
    const never = bookstoreProcess('catalog', '1.8-neverready', input('bookstore/catalog:1.8-neverready', db));
    expect(never.http!({ method: 'GET', path: '/readyz', port: 8080, headers: {} }, 1000)!.status).toBe(503);
  });

  it('exits 0 on SIGTERM after SHUTDOWN_DELAY_SECONDS (default 5)', () => {
    expect(bookstoreProcess('catalog', '1.0', input('bookstore/catalog:1.0', db)).onSigterm).toMatchObject({ exitCode: 0, afterMs: 5_050 });
  });

  it('writes JSON log lines with service, version and pod', () => {
    const p = bookstoreProcess('orders', '1.0', input('bookstore/orders:1.0', { APP_VERSION: '1.0', POD_NAME: 'orders-1' }));
    const lines = p.logs(-1, 5_000).map((l) => JSON.parse(l.text) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 30, service: 'orders', version: '1.0', pod: 'orders-1', msg: 'starting' });
    expect(lines.some((l) => String(l.msg).includes('configuration incomplete'))).toBe(true);
  });

  it('migrations exit 0 with a database, 2 without one; the storefront answers its probes', () => {
    expect(bookstoreProcess('migrations', '1.0', input('bookstore/migrations:1.0', db)).exit?.exitCode).toBe(0);
    expect(bookstoreProcess('migrations', '1.0', input('bookstore/migrations:1.0')).exit?.exitCode).toBe(2);
    const sf = bookstoreProcess('storefront', '1.0', input('bookstore/storefront:1.0', { APP_VERSION: '1.0' }));
    expect(sf.http!({ method: 'GET', path: '/readyz', port: 8080, headers: {} }, 100)).toMatchObject({ status: 200, headers: { 'x-served-by': 'p', 'x-app-version': '1.0' } });
  });
});
