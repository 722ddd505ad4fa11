// Which npm packages each service needs at run time. The repository has one package.json (the
// whole course: site, simulator, tests); an image must not carry all of that. The Dockerfiles run
// this script to cut package.json down to one service's packages before `npm install`, which
// keeps the versions package-lock.json pins.
//   node bookstore/services/runtime-dependencies.ts catalog   (rewrites ./package.json)
import { readFileSync, writeFileSync } from 'node:fs';

const server = ['@hono/node-server', 'hono', 'pino', 'prom-client', 'pg'];

export const runtimeDependencies: Record<string, string[]> = {
  catalog: [...server, 'ioredis'],
  orders: [...server, 'amqplib'],
  'payments-worker': [...server, 'amqplib'],
  migrations: ['pg', 'pino'],
};

export function pruneManifest(manifest: Record<string, unknown>, service: string): Record<string, unknown> {
  const keep = runtimeDependencies[service];
  if (!keep) throw new Error(`unknown service ${service}; expected one of ${Object.keys(runtimeDependencies).join(', ')}`);
  const all = (manifest.dependencies ?? {}) as Record<string, string>;
  const missing = keep.filter((name) => !(name in all));
  if (missing.length) throw new Error(`package.json lacks ${missing.join(', ')}`);
  return {
    name: `bookstore-${service}`,
    version: manifest.version,
    private: true,
    type: manifest.type, // "module": the .ts sources are ES modules
    dependencies: Object.fromEntries(keep.map((name) => [name, all[name]])),
  };
}

if (import.meta.main) {
  const service = process.argv[2] ?? '';
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
  writeFileSync('package.json', `${JSON.stringify(pruneManifest(manifest, service), null, 2)}\n`);
}
