// How long the commands a learner types most take through the whole path (shell parse, flag
// parsing, API list, server-side Table, client rendering): `kubectl get pods` over 100 pods and a
// full `kubectl describe pod` with its events. The goal is a few milliseconds each.
import { describe, expect, test } from 'vitest';
import { collectOutput } from '../shell/streams.ts';
import { runningPod } from './fixtures.ts';
import { setupKubectl } from './test-kit.ts';

const k = setupKubectl();
for (let i = 0; i < 100; i++) runningPod(k.cluster, `web-59bbf76844-${String(i).padStart(5, '0')}`, { labels: { app: 'web' }, ip: `10.244.1.${i + 2}` });
k.cluster.advance(30_000);

async function run(line: string): Promise<string> {
  const out = collectOutput();
  const err = collectOutput();
  await k.shell.run(line, { stdout: out, stderr: err });
  return out.text();
}

describe('kubectl through the shell', () => {
  test('get pods (100) and describe pod', async ({ bench }) => {
    expect((await run('kubectl get pods')).split('\n').length).toBe(102);
    expect(await run('kubectl describe pod web-59bbf76844-00000')).toContain('Name:             web-59bbf76844-00000');
    const result = await bench.compare(
      bench('kubectl get pods (100 pods)', async () => {
        await run('kubectl get pods');
      }),
      bench('kubectl get pods -o wide -A --show-labels', async () => {
        await run('kubectl get pods -o wide -A --show-labels');
      }),
      bench('kubectl describe pod', async () => {
        await run('kubectl describe pod web-59bbf76844-00000');
      }),
      bench('kubectl get pods -o yaml (100 pods)', async () => {
        await run('kubectl get pods -o yaml');
      }),
    );
    // The goal is a few milliseconds; fail only on a gross regression (mean latency is in ms).
    expect(result.get('kubectl get pods (100 pods)').latency.mean).toBeLessThan(50);
    expect(result.get('kubectl describe pod').latency.mean).toBeLessThan(50);
    // go-yaml's emitter by hand: about 3 ms for the 300 KB of 100 pods (it took 9–45 ms before
    // quoting styles and key orders were remembered and writes stopped going char by char).
    expect(result.get('kubectl get pods -o yaml (100 pods)').latency.mean).toBeLessThan(25);
  });
});
