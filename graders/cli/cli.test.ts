// The wheelhouse CLI end to end against the simulator's API server: list, start, grade (text and
// JSON, exit codes, hints, receipts), reset, and clear exit-2 errors for clusters it cannot use.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimServer, type SimServer } from '../../simulator/server/sim-server.ts';
import firstPod from '../../labs/first-pod/lab.ts';
import { verifyReceipt } from '../receipt.ts';
import { readReceiptFile } from '../../site/lab/receipt.ts';
import { labs } from '../../labs/index.ts';
import { runScript } from '../testing/lab-harness.ts';
import { tokenKubeconfig } from '../testing/recording-proxy.node.ts';
import { runCli } from './program.ts';
import type { CliIO } from './terminal.ts';

let sim: SimServer;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  sim = await startSimServer({ port: 0, seed: 4 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'wheelhouse-cli-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(path.join(dir, 'ca.pem'), sim.caPem);
  writeFileSync(
    kubeconfig,
    tokenKubeconfig(sim.url, sim.token, 'wheelhouse-sim')
      .replace('    insecure-skip-tls-verify: true\n', `    certificate-authority: ${path.join(dir, 'ca.pem')}\n`),
  );
});

afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}, tty = false) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), isTTY: tty, errIsTTY: false, env, cwd: dir };
  const code = await runCli(args, io);
  return { code, out, err };
}

const target = () => ['--kubeconfig', kubeconfig];

describe('wheelhouse CLI', () => {
  test('lab list, as text and as JSON', async () => {
    const text = await cli(['lab', 'list']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('04  first-pod');
    const json = JSON.parse((await cli(['lab', 'list', '--json'])).out);
    expect(json.map((l: { id: string }) => l.id)).toEqual(['tour', 'self-healing', 'first-pod', 'replicas', 'rollout']);
  });

  test('lab start, grade failing (exit 1, ✗, hints one at a time), solve, grade passing (exit 0, receipt)', async () => {
    const start = await cli(['lab', 'start', 'first-pod', ...target()]);
    expect(start.code).toBe(0);
    expect(start.out).toContain('created namespace/first-pod');
    expect(start.out).toContain('## Finish the manifest and apply it');
    expect(existsSync(path.join(dir, 'workspace', 'first-pod', 'catalog-pod.yaml'))).toBe(true);

    const first = await cli(['grade', 'first-pod', ...target()]);
    expect(first.code).toBe(1);
    expect(first.out).toContain('✗ Labels app=catalog, tier=backend and container port 8080');
    expect(first.out).toContain('hint: Labels live under `metadata.labels`');
    expect(first.out).toContain('0 passed, 4 failed (of 4).');
    expect(first.out).not.toContain('\x1b[');
    const second = await cli(['grade', 'first-pod', ...target()]);
    expect(second.out).toContain('hint: `kubectl explain pod.spec.containers.ports`');

    // The learner's work, typed into the simulator's shell on the server's cluster.
    const files = readFileSync(path.join(dir, 'workspace', 'first-pod', 'catalog-pod.yaml'), 'utf8');
    const solution = readFileSync(path.join(import.meta.dirname, '..', '..', 'labs', 'first-pod', 'solution.sh'), 'utf8');
    await runScript(sim.sim.cluster, solution, { files: [{ path: 'catalog-pod.yaml', content: files }] });

    const pass = await cli(['grade', 'first-pod', ...target(), '--json']);
    expect(pass.code).toBe(0);
    const json = JSON.parse(pass.out);
    expect(json).toMatchObject({ lab: 'first-pod', namespace: 'first-pod', status: 'pass', receipt: 'workspace/receipts/first-pod.json' });
    expect(json.checks.map((c: { status: string }) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    const receiptText = readFileSync(path.join(dir, 'workspace', 'receipts', 'first-pod.json'), 'utf8');
    const receipt = JSON.parse(receiptText);
    expect(receipt.cluster).toMatchObject({ backend: 'kubernetes', distribution: 'simulator', context: 'wheelhouse-sim' });
    expect(await verifyReceipt(receipt, { lab: firstPod })).toMatchObject({ ok: true, problems: [] });
    // The progress page takes the file the CLI wrote as it is.
    expect(await readReceiptFile(receiptText, labs.map((lab) => lab.id))).toMatchObject({ ok: true, receipt: { lab: 'first-pod' } });
  });

  test('colours on a terminal, none with NO_COLOR', async () => {
    expect((await cli(['grade', 'tour', ...target()], {}, true)).out).toContain('\x1b[31m✗\x1b[39m');
    expect((await cli(['grade', 'tour', ...target()], { NO_COLOR: '1' }, true)).out).not.toContain('\x1b[');
  });

  test('lab reset starts over', async () => {
    // The server's clock follows the wall clock; hurry it so the old pod's grace period passes quickly.
    const hurry = setInterval(() => sim.sim.cluster.advance(2_000), 20);
    const reset = await cli(['lab', 'reset', 'first-pod', ...target()]).finally(() => clearInterval(hurry));
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('created namespace/first-pod');
    expect((await cli(['grade', 'first-pod', ...target()])).code).toBe(1);
  }, 60_000);

  test.each([
    [['grade', 'nope'], /There is no lab "nope"/],
    [['grade', 'tour', '--kubeconfig', '/nonexistent/kubeconfig'], /No kubeconfig found/],
    [['grade', 'tour', '--kubeconfig', 'KC', '--context', 'kind-other'], /There is no context "kind-other"/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const result = await cli(args.map((a) => (a === 'KC' ? kubeconfig : a)));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  test('an unreachable cluster: every check marked ! and exit 2', async () => {
    const file = path.join(dir, 'closed');
    writeFileSync(file, tokenKubeconfig('http://127.0.0.1:9', 'x'));
    const result = await cli(['grade', 'tour', '--kubeconfig', file]);
    expect(result.code).toBe(2);
    expect(result.out).toContain('! The bookstore namespace exists');
    expect(result.out).toMatch(/Cannot reach the cluster at http:\/\/127\.0\.0\.1:9/);
  });
});
