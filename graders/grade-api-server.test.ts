// The same labs graded through the simulator's HTTP API server with client-node: setup through
// client-node, the solution run in the simulator's shell, and a grade that matches the in-process
// grade, makes one list per kind and namespace, and sends nothing but GET requests.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SimServer } from '../simulator/server/sim-server.ts';
import { labs } from '../labs/index.ts';
import { gradeLab, type GradeReport } from './grade.ts';
import { readLabFiles } from './lab-files.node.ts';
import { setUpLab } from './lab-setup.ts';
import { clientNodeWriter } from './lab-setup.node.ts';
import { parseManifests } from './manifests.ts';
import { clientNodeReader } from './reader/client-node-reader.node.ts';
import { simulatorReader } from './reader/simulator-reader.ts';
import { failures, runSolution } from './testing/lab-harness.ts';
import { startProxiedSim, type ProxiedSim } from './testing/proxied-sim.node.ts';
import type { RecordingProxy } from './testing/recording-proxy.node.ts';

let sim: SimServer;
let proxy: RecordingProxy;
let kubeconfig: string;
let proxied: ProxiedSim | undefined;

beforeAll(async () => {
  proxied = await startProxiedSim(11);
  ({ sim, proxy, kubeconfig } = proxied);
});

afterAll(async () => {
  await proxied?.close();
});

const statuses = (report: GradeReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));

describe('grading through the API server with client-node', () => {
  // Sequential: the labs share the server's one cluster, each in its own namespace.
  for (const lab of labs) {
    test(`${lab.id}: setup, start fails, solution passes, the grade only reads`, async () => {
      const cluster = sim.sim.cluster;
      const reader = clientNodeReader({ kubeconfig });
      await setUpLab(lab, parseManifests(readLabFiles(lab.id).setup), clientNodeWriter(reader.http));
      cluster.advance(60_000);

      const start = await gradeLab(lab, reader, { now: cluster.clock.now() });
      expect(start.status).toBe('fail');
      expect(statuses(start)).toEqual(statuses(await gradeLab(lab, simulatorReader(cluster.client), { now: cluster.clock.now() })));

      await runSolution(lab, cluster);
      proxy.requests.length = 0;
      const end = await gradeLab(lab, reader, { now: cluster.clock.now() });
      expect(failures(end)).toEqual([]);
      expect(proxy.requests.length).toBeGreaterThan(0);
      expect(proxy.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      // One list per kind and namespace: no path asked twice, no single-object gets.
      const paths = proxy.requests.map((r) => r.path.split('?')[0]);
      expect(new Set(paths).size).toBe(paths.length);
      expect(paths.length).toBe(end.reads.length);
    });
  }
});
