// Node-only test helper: the simulator's API server behind a recording proxy, and a kubeconfig
// (in a temporary folder) that points client-node at the proxy.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimServer, type SimServer } from '../../simulator/server/sim-server.ts';
import { startRecordingProxy, tokenKubeconfig, type RecordingProxy } from './recording-proxy.node.ts';

export interface ProxiedSim {
  sim: SimServer;
  proxy: RecordingProxy;
  kubeconfig: string;
  /** The temporary folder holding the kubeconfig, for a test's own files; removed by close(). */
  dir: string;
  close(): Promise<void>;
}

export async function startProxiedSim(seed: number): Promise<ProxiedSim> {
  const sim = await startSimServer({ port: 0, seed });
  const proxy = await startRecordingProxy({ url: sim.url, caPem: sim.caPem });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wheelhouse-sim-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, tokenKubeconfig(proxy.url, sim.token));
  return {
    sim,
    proxy,
    kubeconfig,
    dir,
    async close() {
      await proxy.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
