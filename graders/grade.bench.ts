// How long a grade takes: the rollout lab (five checks, the most reading) on its solved state, in
// process and through the simulator's API server with client-node. Goal: well under 100 ms, with
// one list per kind and namespace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { startSimServer } from '../simulator/server/sim-server.ts';
import rollout from '../labs/rollout/lab.ts';
import { gradeLab } from './grade.ts';
import { readLabFiles } from './lab-files.node.ts';
import { setUpLab } from './lab-setup.ts';
import { parseManifests } from './manifests.ts';
import { clientNodeReader } from './reader/client-node-reader.node.ts';
import { simulatorReader } from './reader/simulator-reader.ts';
import { labWriter, runSolution } from './testing/lab-harness.ts';
import { tokenKubeconfig } from './testing/recording-proxy.node.ts';

describe('grade', () => {
  test('rollout lab, solved: in process and through the API server', async ({ bench }) => {
    const sim = await startSimServer({ port: 0, seed: 11 });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wheelhouse-bench-'));
    try {
      const cluster = sim.sim.cluster;
      await setUpLab(rollout, parseManifests(readLabFiles(rollout.id).setup), labWriter(cluster));
      cluster.advance(60_000);
      await runSolution(rollout, cluster);
      const kubeconfig = path.join(dir, 'kubeconfig');
      writeFileSync(path.join(dir, 'ca.pem'), sim.caPem);
      writeFileSync(kubeconfig, tokenKubeconfig(sim.url, sim.token).replace('    insecure-skip-tls-verify: true\n', `    certificate-authority: ${path.join(dir, 'ca.pem')}\n`));
      const inProcess = simulatorReader(cluster.client);
      const overHttp = clientNodeReader({ kubeconfig });
      const check = await gradeLab(rollout, overHttp);
      expect(check.status).toBe('pass');
      expect(new Set(check.reads).size).toBe(check.reads.length);

      const result = await bench.compare(
        bench('grade rollout in process', async () => {
          await gradeLab(rollout, inProcess, { now: cluster.clock.now() });
        }),
        bench('grade rollout through the API server (client-node, HTTPS)', async () => {
          await gradeLab(rollout, overHttp);
        }),
      );
      expect(result.get('grade rollout in process').latency.mean).toBeLessThan(100);
      expect(result.get('grade rollout through the API server (client-node, HTTPS)').latency.mean).toBeLessThan(100);
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
