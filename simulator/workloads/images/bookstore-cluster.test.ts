// The Bookstore models inside a simulated cluster: pulled by the kubelet, reached through a
// Service from another pod, and failing the way the broken tags fail on kind.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster.ts';
import { createLabShell } from '../../lab-shell.ts';
import { collectOutput } from '../../shell/streams.ts';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};

function lab() {
  const cluster = createCluster({ seed: 5 });
  const { shell } = createLabShell({ cluster });
  async function run(line: string) {
    const out = collectOutput();
    const err = collectOutput();
    let done = false;
    const status = shell.run(line, { stdout: out, stderr: err }).finally(() => (done = true));
    await flush();
    for (let i = 0; i < 900 && !done; i++) {
      cluster.advance(100);
      await flush();
    }
    return { status: await status, out: out.text(), err: err.text() };
  }
  return { cluster, run };
}

describe('bookstore images in the simulated cluster', () => {
  it('catalog:1.5 runs, logs JSON and answers through its Service with pod and version', async () => {
    const t = lab();
    expect((await t.run('kubectl run catalog --image=bookstore/catalog:1.5 --port=8080 --env=DATABASE_URL=postgres://bookstore@postgres:5432/bookstore --env=APP_VERSION=1.5')).status).toBe(0);
    expect((await t.run('kubectl wait --for=condition=Ready pod/catalog --timeout=60s')).status).toBe(0);
    expect((await t.run('kubectl expose pod catalog --port=80 --target-port=8080')).status).toBe(0);
    expect((await t.run('kubectl run client --image=busybox:1.36 -- sleep 3600')).status).toBe(0);
    expect((await t.run('kubectl wait --for=condition=Ready pod/client --timeout=60s')).status).toBe(0);
    const info = await t.run('kubectl exec client -- wget -qO- http://catalog/api/info');
    expect(JSON.parse(info.out)).toMatchObject({ service: 'catalog', version: '1.5', pod: 'catalog' });
    const logs = (await t.run('kubectl logs catalog')).out.trim().split('\n');
    expect(JSON.parse(logs[0]!)).toMatchObject({ service: 'catalog', version: '1.5', msg: 'starting' });
  });

  it('catalog:1.6 cannot be pulled; catalog:1.7-crash crash-loops', async () => {
    const t = lab();
    await t.run('kubectl run bad --image=bookstore/catalog:1.6');
    await t.run('kubectl run crash --image=bookstore/catalog:1.7-crash --env=DATABASE_URL=postgres://postgres/bookstore');
    await t.run('sleep 60');
    const pods = (await t.run('kubectl get pods')).out;
    expect(pods).toMatch(/bad\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    expect(pods).toMatch(/crash\s+0\/1\s+(CrashLoopBackOff|Error)\s+[1-9]/);
  });
});
