// Why a grade could not run, through client-node: each failure is a typed ReadError with a message
// that says what to do, and a grade over it reports `error` (never pass or fail).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import firstPod from '../../labs/first-pod/lab.ts';
import { gradeLab } from '../grade.ts';
import { startProxiedSim, type ProxiedSim } from '../testing/proxied-sim.node.ts';
import { tokenKubeconfig, type RecordingProxy } from '../testing/recording-proxy.node.ts';
import { clientNodeReader } from './client-node-reader.node.ts';
import { ReadError } from './read-errors.ts';

let proxy: RecordingProxy;
let kubeconfig: string;
let dir: string;
let proxied: ProxiedSim | undefined;

beforeAll(async () => {
  proxied = await startProxiedSim(3);
  ({ proxy, kubeconfig, dir } = proxied);
});

afterAll(async () => {
  await proxied?.close();
});

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ReadError ? err.reason : `not a ReadError: ${String(err)}`;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('client-node reader errors', () => {
  test('a kubeconfig file that does not exist', () => {
    expect(reasonOf(() => clientNodeReader({ kubeconfig: path.join(dir, 'missing') }))).toBe('no-kubeconfig');
  });

  test('a context that is not in the kubeconfig names the ones that are', () => {
    try {
      clientNodeReader({ kubeconfig, context: 'kind-nope' });
      expect.unreachable();
    } catch (err) {
      expect((err as ReadError).reason).toBe('unknown-context');
      expect((err as Error).message).toContain('wheelhouse-test');
    }
  });

  test('an unreachable cluster: every check errors, with the address', async () => {
    const file = path.join(dir, 'closed');
    writeFileSync(file, tokenKubeconfig(`http://127.0.0.1:${await freePort()}`, 'x'));
    const report = await gradeLab(firstPod, clientNodeReader({ kubeconfig: file }));
    expect(report.status).toBe('error');
    expect(report.checks.every((c) => c.status === 'error')).toBe(true);
    expect(report.checks[0]!.message).toMatch(/Cannot reach the cluster at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
  });

  test('a wrong token: 401 explained', async () => {
    const file = path.join(dir, 'badtoken');
    writeFileSync(file, tokenKubeconfig(proxy.url, 'not-the-token'));
    await expect(clientNodeReader({ kubeconfig: file }).list('Pod', { namespace: 'default' })).rejects.toMatchObject({ reason: 'unauthorized' });
  });

  test('a forbidden list (403)', async () => {
    proxy.overrides.push({ match: (r) => r.path.startsWith('/api/v1/namespaces/first-pod/pods'), respond: 403 });
    try {
      const report = await gradeLab(firstPod, clientNodeReader({ kubeconfig }));
      const check = report.checks.find((c) => c.id === 'labels-and-port')!;
      expect(check.status).toBe('error');
      expect(check.message).toContain('Not allowed to list pods in namespace first-pod');
    } finally {
      proxy.overrides.length = 0;
    }
  });

  test('a kind the cluster does not serve (404 on the collection)', async () => {
    proxy.overrides.push({ match: (r) => r.path.startsWith('/apis/apps/v1/namespaces/x/replicasets'), respond: 404 });
    try {
      await expect(clientNodeReader({ kubeconfig }).list('ReplicaSet', { namespace: 'x' })).rejects.toMatchObject({ reason: 'kind-not-installed' });
    } finally {
      proxy.overrides.length = 0;
    }
  });

  test('a missing object is an answer, not an error', async () => {
    expect(await clientNodeReader({ kubeconfig }).get('Pod', 'nope', 'default')).toBeUndefined();
  });

  test('a cluster that does not answer in time', async () => {
    proxy.overrides.push({ match: (r) => r.path.startsWith('/api/v1/nodes'), respond: 'stall' });
    try {
      await expect(clientNodeReader({ kubeconfig, timeoutMs: 300 }).list('Node')).rejects.toMatchObject({ reason: 'timeout' });
    } finally {
      proxy.overrides.length = 0;
    }
  });

  test('cluster info: the server version and the context', async () => {
    const info = await clientNodeReader({ kubeconfig }).clusterInfo();
    expect(info).toMatchObject({ backend: 'kubernetes', version: 'v1.32.2', context: 'wheelhouse-test' });
  });
});
