// The simulator as a Kubernetes API server:
//   const sim = await startSimServer({ port: 0, kubeconfigPath: 'sim.kubeconfig', statePath: 'sim-state.json' });
//   // KUBECONFIG=sim.kubeconfig kubectl get nodes
//   await sim.close();   // saves the state
// HTTPS on 127.0.0.1 with a CA made at start, bearer-token auth, and the cluster's clock driven in
// real time. Time stands still while the server is stopped: a loaded state resumes where it was saved.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateServingCertificates } from './certificates.ts';
import { mergeIntoKubeconfig, writeKubeconfig } from './kubeconfig.ts';
import { Router } from './router.ts';
import { createSimCluster, type SimCluster } from './sim-cluster.ts';
import { readStateFile, writeStateFile } from './state-file.ts';

export interface SimServerOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default 0. */
  port?: number;
  /** Where to write the simulator's own kubeconfig (nothing is written when unset). */
  kubeconfigPath?: string;
  /** Load the cluster from this file at start (if it exists) and save it there on close. */
  statePath?: string;
  /** Also add the wheelhouse-sim context to ~/.kube/config (or this path) and switch to it. */
  writeUserKubeconfig?: boolean | string;
  seed?: number;
  /** How often the cluster clock catches up with the wall clock. Default 100 ms. */
  tickMs?: number;
  /** How long watches without timeoutSeconds stay open. Default 1800 s. */
  watchTimeoutSeconds?: number;
}

export interface SimServer {
  url: string;
  token: string;
  caPem: string;
  port: number;
  sim: SimCluster;
  /** Milliseconds from the call to listening. */
  startupMs: number;
  /** Saves the state now (close does it too). */
  save(): void;
  close(): Promise<void>;
}

export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const started = performance.now();
  const certs = generateServingCertificates();
  const token = randomBytes(32).toString('base64url');

  const saved = options.statePath ? readStateFile(options.statePath) : undefined;
  const sim = createSimCluster({ seed: options.seed, startTime: Date.now() });
  if (saved) sim.load(saved);
  // Virtual time = wall time − offset; zero for a fresh cluster, the downtime for a loaded one.
  const offset = Date.now() - sim.cluster.clock.now();

  const ctx = { cluster: sim.cluster, podIO: sim.podIO, serverAddress: '', watchTimeoutSeconds: options.watchTimeoutSeconds };
  const { caPem, certPem, keyPem } = await certs;
  const router = new Router(ctx, token);
  const server: Server = createServer({ cert: certPem, key: keyPem, ca: caPem });
  server.on('request', (req, res) => void router.handle(req, res));
  server.on('upgrade', (req, socket, head) => router.handleUpgrade(req, socket, head));
  // Watches and followed logs stay open for minutes: no request or keep-alive timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://127.0.0.1:${port}`;
  ctx.serverAddress = `127.0.0.1:${port}`;

  const tick = setInterval(() => {
    try {
      sim.cluster.tick(Date.now() - offset);
    } catch (e) {
      console.error('wheelhouse sim: a controller failed:', e);
    }
  }, options.tickMs ?? 100);
  tick.unref();

  const creds = { url, token, caPem };
  if (options.kubeconfigPath) writeKubeconfig(options.kubeconfigPath, creds);
  if (options.writeUserKubeconfig) {
    const target = typeof options.writeUserKubeconfig === 'string' ? options.writeUserKubeconfig : join(homedir(), '.kube', 'config');
    mergeIntoKubeconfig(target, creds);
  }

  const save = () => {
    if (options.statePath) writeStateFile(options.statePath, sim.save());
  };
  let closing: Promise<void> | undefined;
  return {
    url,
    token,
    caPem,
    port,
    sim,
    startupMs: performance.now() - started,
    save,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(tick);
        save();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
