#!/usr/bin/env node
// `npm ci` insists that every optional platform binary a package names (esbuild's, pagefind's,
// the Astro compiler's builds for macOS, Windows, …) has an entry in package-lock.json. `npm
// install` leaves an entry out when the registry it can reach does not have that build, and
// then `npm ci` fails on every machine. This finds such gaps and, with --fix, records the
// missing entries with the os/cpu/libc the package declares, so npm skips them where they do
// not apply and fetches them where they do.
//   node .ci/lockfile-platforms.mjs          list what is missing (exit 1 if anything is)
//   node .ci/lockfile-platforms.mjs --fix    add the entries (asks the registry for os/cpu/libc)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);

export function missingPlatformEntries(lock) {
  const packages = lock.packages ?? {};
  const missing = new Map();
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      if (packages[nested] || packages[`node_modules/${name}`]) continue;
      missing.set(`node_modules/${name}`, { name, version: range });
    }
  }
  return missing;
}

function platformOf(name) {
  const out = execFileSync('npm', ['view', name, 'os', 'cpu', 'libc', '--json'], { encoding: 'utf8' });
  const info = out.trim() ? JSON.parse(out) : {};
  const pick = (key) => (Array.isArray(info[key]) ? info[key] : info[key] ? [info[key]] : undefined);
  return { os: pick('os'), cpu: pick('cpu'), libc: pick('libc') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
  const missing = missingPlatformEntries(lock);
  if (!process.argv.includes('--fix')) {
    for (const [path, { version }] of missing) console.log(`missing: ${path}@${version}`);
    process.exit(missing.size ? 1 : 0);
  }
  for (const [path, { name, version }] of missing) {
    const { os, cpu, libc } = platformOf(name);
    lock.packages[path] = { version, ...(cpu && { cpu }), license: undefined, optional: true, ...(os && { os }), ...(libc && { libc }) };
    console.log(`added ${path}@${version} (${[os, cpu, libc].filter(Boolean).map((v) => v.join('/')).join(', ')})`);
  }
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  writeFileSync(LOCK, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
}
