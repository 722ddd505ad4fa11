// The cluster commands against fake `docker` and `kind` executables: small shell scripts on PATH
// that append their argv to a log, so the test sees exactly what would have run.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookstoreImages } from '../images.ts';
import { commandRunner } from './run-command.ts';
import { clusterDown, clusterUp, loadImages } from './wheelhouse-cluster.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let callLog: string;

/** A fake tool: logs "name args…", then behaves as FAKE_* env vars say. */
function fakeTool(name: string, body: string): void {
  const file = path.join(dir, 'bin', name);
  writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${callLog}"\n${body}\n`);
  chmodSync(file, 0o755);
}

function runWith(env: Record<string, string> = {}) {
  // PATH holds the fakes plus the system's basic tools, never a real docker or kind.
  return commandRunner({ env: { PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`, ...env } });
}

function calls(): string[] {
  return existsSync(callLog) ? readFileSync(callLog, 'utf8').trim().split('\n').filter(Boolean) : [];
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'wheelhouse-cluster-'));
  callLog = path.join(dir, 'calls.log');
  mkdirSync(path.join(dir, 'bin'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function installFakes(): void {
  fakeTool('docker', 'if [ "$1" = info ] && [ "$FAKE_DOCKER_DAEMON" = down ]; then echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1; fi\nexit 0');
  // kind remembers the clusters it created, like the real one does.
  const created = path.join(dir, 'created-clusters');
  fakeTool('kind', `case "$1 $2" in\n  "get clusters") printf "%s" "$FAKE_KIND_CLUSTERS"; cat "${created}" 2>/dev/null ;;\n  "create cluster") echo wheelhouse >> "${created}" ;;\nesac\nexit 0`);
}

describe('preconditions', () => {
  it('the fake PATH has no real docker or kind', () => {
    for (const bin of ['/usr/bin/docker', '/bin/docker', '/usr/bin/kind', '/bin/kind']) expect(existsSync(bin), bin).toBe(false);
  });
});

describe('wheelhouse cluster up', () => {
  it('creates the cluster from kind-config.yaml, builds every buildable tag with its build args, and loads them', async () => {
    installFakes();
    const lines: string[] = [];
    await clusterUp({ run: runWith({ FAKE_KIND_CLUSTERS: 'other\n' }), repoRoot, log: (l) => lines.push(l) });
    const log = calls();
    expect(log[0]).toBe('docker info --format {{.ServerVersion}}');
    expect(log).toContain(`kind create cluster --config ${repoRoot}/bookstore/kind-config.yaml`);
    const builds = log.filter((l) => l.startsWith('docker build'));
    const buildable = bookstoreImages.filter((i) => i.built);
    expect(builds).toHaveLength(buildable.length);
    expect(builds).toContain(
      `docker build --file ${repoRoot}/bookstore/services/catalog/Dockerfile --tag bookstore/catalog:1.7-crash --build-arg VERSION=1.7-crash --build-arg FAILURE_MODE=crash ${repoRoot}`,
    );
    expect(builds.some((b) => b.includes('bookstore/catalog:1.6 '))).toBe(false);
    const load = log.find((l) => l.startsWith('kind load'));
    expect(load).toBe(`kind load docker-image --name wheelhouse ${buildable.map((i) => i.image).join(' ')}`);
    // Build before load, create before build.
    expect(log.indexOf(load!)).toBeGreaterThan(log.indexOf(builds.at(-1)!));
    expect(lines.join('\n')).toContain('bookstore/catalog:1.6');
  });

  it('keeps an existing cluster', async () => {
    installFakes();
    await clusterUp({ run: runWith({ FAKE_KIND_CLUSTERS: 'wheelhouse\n' }), repoRoot });
    expect(calls().some((l) => l.startsWith('kind create'))).toBe(false);
    expect(calls().some((l) => l.startsWith('kind load'))).toBe(true);
  });

  it('says Docker is missing when there is no docker command', async () => {
    fakeTool('kind', 'exit 0');
    await expect(clusterUp({ run: runWith(), repoRoot })).rejects.toThrow(/Docker is not installed.*docs\.docker\.com/);
    expect(calls()).toEqual([]);
  });

  it('says kind is missing when there is no kind command', async () => {
    fakeTool('docker', 'exit 0');
    await expect(clusterUp({ run: runWith(), repoRoot })).rejects.toThrow(/kind is not installed.*kind\.sigs\.k8s\.io/);
  });

  it('says the Docker daemon is not running when docker info fails, and changes nothing', async () => {
    installFakes();
    await expect(clusterUp({ run: runWith({ FAKE_DOCKER_DAEMON: 'down' }), repoRoot })).rejects.toThrow(/daemon is not running.*Cannot connect to the Docker daemon/);
    expect(calls()).toEqual(['docker info --format {{.ServerVersion}}']);
  });

  it('stops at the first failing build with its output', async () => {
    installFakes();
    fakeTool('docker', 'if [ "$1" = build ]; then echo "ERROR: failed to solve: node:24-alpine: not found" >&2; exit 1; fi\nexit 0');
    await expect(clusterUp({ run: runWith({ FAKE_KIND_CLUSTERS: 'wheelhouse' }), repoRoot })).rejects.toThrow(/building bookstore\/catalog:1\.0 failed[\s\S]*failed to solve/);
    expect(calls().filter((l) => l.startsWith('docker build'))).toHaveLength(1);
    expect(calls().some((l) => l.startsWith('kind load'))).toBe(false);
  });
});

describe('wheelhouse cluster load-images', () => {
  it('needs the cluster to exist', async () => {
    installFakes();
    await expect(loadImages({ run: runWith({ FAKE_KIND_CLUSTERS: '' }), repoRoot })).rejects.toThrow(/wheelhouse cluster up/);
  });

  it('builds only the images asked for, and refuses the never-built tag', async () => {
    installFakes();
    const loaded = await loadImages({ run: runWith({ FAKE_KIND_CLUSTERS: 'wheelhouse' }), repoRoot, images: ['bookstore/catalog:1.5'] });
    expect(loaded).toEqual(['bookstore/catalog:1.5']);
    expect(calls().filter((l) => l.startsWith('docker build'))).toHaveLength(1);
    await expect(loadImages({ run: runWith({ FAKE_KIND_CLUSTERS: 'wheelhouse' }), repoRoot, images: ['bookstore/catalog:1.6'] })).rejects.toThrow(/never built, on purpose/);
  });
});

describe('wheelhouse cluster down', () => {
  it('deletes the wheelhouse cluster', async () => {
    installFakes();
    await clusterDown({ run: runWith({ FAKE_KIND_CLUSTERS: 'wheelhouse\n' }), repoRoot });
    expect(calls()).toContain('kind delete cluster --name wheelhouse');
  });

  it('does nothing when there is no cluster', async () => {
    installFakes();
    const lines: string[] = [];
    await clusterDown({ run: runWith({ FAKE_KIND_CLUSTERS: '' }), repoRoot, log: (l) => lines.push(l) });
    expect(calls().some((l) => l.startsWith('kind delete'))).toBe(false);
    expect(lines[0]).toMatch(/nothing to delete/);
  });
});
