// Every tag in the image table can be built: its Dockerfile exists, has the stages it refers to,
// declares the build args the table passes and bakes them into env, copies files that exist,
// runs as a non-root user, and starts a file that exists. (No Docker engine runs in CI.)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, expandArgs, envPairs, type DockerStage } from './dockerfile.ts';
import { bookstoreImages, dependencyImages } from './images.ts';
import { failureModes } from './services/shared/failure-switches.ts';
import { runtimeDependencies } from './services/runtime-dependencies.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const multiArchBases = [/^node:24-alpine$/, /^nginxinc\/nginx-unprivileged:[\d.]+-alpine$/];

function args(stage: DockerStage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

describe('the image table', () => {
  it('has unique references, and the broken-on-purpose tags the labs need', () => {
    const refs = bookstoreImages.map((i) => i.image);
    expect(new Set(refs).size).toBe(refs.length);
    const behaviours = new Set(bookstoreImages.map((i) => i.behaviour));
    for (const b of ['unpullable', 'crash', 'never-ready', 'deadlock'] as const) expect(behaviours).toContain(b);
    for (const row of bookstoreImages) {
      expect(row.image).toBe(`bookstore/${row.service}:${row.version}`);
      expect(row.buildArgs.VERSION).toBe(row.version);
      expect(row.built).toBe(row.behaviour !== 'unpullable');
      expect(row.chapters.length).toBeGreaterThan(0);
      if (row.buildArgs.FAILURE_MODE) expect(failureModes).toContain(row.buildArgs.FAILURE_MODE);
    }
  });

  it('the rollout target and the bad tag of chapter 06 are there', () => {
    expect(bookstoreImages.find((i) => i.image === 'bookstore/catalog:1.5')?.behaviour).toBe('healthy');
    expect(bookstoreImages.find((i) => i.image === 'bookstore/catalog:1.6')?.built).toBe(false);
  });

  it('README lists every row', () => {
    const readme = readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
    for (const row of bookstoreImages) expect(readme).toContain(`\`${row.image}\``);
  });
});

describe.each(bookstoreImages.filter((i) => i.built).map((i) => [i.image, i] as const))('%s is buildable', (_, row) => {
  const file = path.join(repoRoot, row.dockerfile);
  const dockerfile = parseDockerfile(readFileSync(file, 'utf8'));
  const runtime = dockerfile.stages.at(-1)!;

  it('uses multi-arch base images, and every --from names an earlier stage', () => {
    for (const stage of dockerfile.stages) {
      const from = expandArgs(stage.from, dockerfile.globalArgs);
      const isEarlierStage = dockerfile.stages.some((s) => s.name === from && s !== stage);
      expect(isEarlierStage || multiArchBases.some((p) => p.test(from)), `FROM ${from}`).toBe(true);
    }
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    const names = dockerfile.stages.map((s) => s.name);
    for (const stage of dockerfile.stages) {
      for (const copy of args(stage, 'COPY')) {
        const from = /--from=(\S+)/.exec(copy)?.[1];
        if (from) expect(names.slice(0, dockerfile.stages.indexOf(stage))).toContain(from);
      }
    }
  });

  it('declares the build args in the runtime stage and bakes them into env', () => {
    const declared = args(runtime, 'ARG').map((a) => a.split('=')[0]);
    const env = new Map(args(runtime, 'ENV').flatMap((a) => [...envPairs(a)]));
    for (const name of Object.keys(row.buildArgs)) {
      expect(declared).toContain(name);
      expect([...env.values()]).toContain(`\${${name}}`);
    }
    expect(env.get('APP_VERSION')).toBe('${VERSION}');
  });

  it('copies only files that exist (build context: the repository root)', () => {
    for (const stage of dockerfile.stages) {
      for (const copy of args(stage, 'COPY')) {
        if (copy.includes('--from=')) continue;
        const parts = copy.split(/\s+/).filter((p) => !p.startsWith('--'));
        for (const source of parts.slice(0, -1)) expect(existsSync(path.join(repoRoot, source)), `${source} in ${row.dockerfile}`).toBe(true);
      }
    }
  });

  it('runs as a numeric non-root user, with an exec-form command whose file exists', () => {
    const user = args(runtime, 'USER').at(-1) ?? '';
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
    const cmd = args(runtime, 'CMD').at(-1);
    if (row.service === 'storefront') {
      expect(cmd).toBeUndefined(); // nginx's own entrypoint and command
      return;
    }
    const argv = JSON.parse(cmd ?? 'null') as string[];
    expect(argv[0]).toBe('node');
    expect(existsSync(path.join(repoRoot, argv[1]!))).toBe(true);
    expect(readFileSync(path.join(repoRoot, row.dockerfile), 'utf8')).toContain(`runtime-dependencies.ts ${row.service}`);
  });

  it('has its own .dockerignore that keeps what it copies', () => {
    const ignore = readFileSync(`${file}.dockerignore`, 'utf8');
    expect(ignore.split('\n')).toContain('*');
    for (const stage of dockerfile.stages) {
      for (const copy of args(stage, 'COPY')) {
        if (copy.includes('--from=')) continue;
        const sources = copy.split(/\s+/).filter((p) => !p.startsWith('--')).slice(0, -1);
        for (const source of sources) expect(ignore.split('\n').some((l) => l.startsWith('!') && source.startsWith(l.slice(1).replace(/\/$/, ''))), source).toBe(true);
      }
    }
  });
});

describe('runtime dependencies', () => {
  /** Bare package imports of a file and of every relative file it imports, transitively. */
  function packagesImported(entry: string, seen = new Set<string>()): Set<string> {
    const packages = new Set<string>();
    if (seen.has(entry)) return packages;
    seen.add(entry);
    const source = readFileSync(entry, 'utf8');
    for (const m of source.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const [, typeOnly, spec] = m;
      if (spec!.startsWith('.')) {
        for (const p of packagesImported(path.resolve(path.dirname(entry), spec!), seen)) packages.add(p);
      } else if (!spec!.startsWith('node:') && !typeOnly) {
        packages.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    return packages;
  }

  it.each(Object.keys(runtimeDependencies))('%s: every package its code imports goes into its image', (service) => {
    const used = packagesImported(path.join(import.meta.dirname, 'services', service, 'src', 'main.ts'));
    expect([...used].sort()).toEqual([...new Set(runtimeDependencies[service])].filter((p) => used.has(p)).sort());
    for (const p of used) expect(runtimeDependencies[service]).toContain(p);
  });

  it('every service with a Dockerfile has a row in the table', () => {
    const services = readdirSync(path.join(import.meta.dirname, 'services')).filter((d) => existsSync(path.join(import.meta.dirname, 'services', d, 'Dockerfile')));
    for (const s of services) expect(bookstoreImages.some((i) => i.service === s)).toBe(true);
  });

  it('third-party images are pinned to a version', () => {
    for (const image of dependencyImages) expect(image).toMatch(/:\d/);
  });
});
