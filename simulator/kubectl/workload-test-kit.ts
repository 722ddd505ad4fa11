// Test setup for the workload commands: a full simulated cluster (controllers, scheduler, kubelet),
// the lab shell with kubectl + curl + sim on the cluster's clock, and helpers that let virtual time
// pass while a command runs — `kubectl rollout status` returns only as the cluster moves on.
import { createCluster, type Cluster, type ClusterOptions } from '../cluster.ts';
import { createLabShell } from '../lab-shell.ts';
import { collectOutput, stringInput } from '../shell/streams.ts';
import { WorkspaceFs } from '../shell/workspace-fs.ts';
import { flush } from './test-kit.ts';

export interface Finished {
  out: string;
  err: string;
  status: number;
  /** Virtual ms the command took. */
  tookMs: number;
}

export function workloadBed(opts: { cluster?: ClusterOptions; files?: Record<string, string> } = {}) {
  const cluster: Cluster = createCluster({ seed: 11, ...opts.cluster });
  const fs = new WorkspaceFs({ now: () => cluster.clock.now() });
  for (const [path, content] of Object.entries(opts.files ?? {})) fs.writeFile(`${fs.home}/${path}`, content);
  const { shell, kubeconfig, host } = createLabShell({ cluster, fs });

  /** Let time pass in steps so controllers and waiting commands interleave as they would live. */
  async function advance(ms: number, step = ms > 10_000 ? 1_000 : 100): Promise<void> {
    for (let t = 0; t < ms; t += step) {
      cluster.advance(Math.min(step, ms - t));
      await flush();
    }
  }

  /** Runs a line, moving the clock on until it finishes (or maxMs of virtual time pass: then Ctrl-C). */
  async function run(line: string, opts: { maxMs?: number; stdin?: string; step?: number } = {}): Promise<Finished> {
    const out = collectOutput();
    const err = collectOutput();
    const controller = new AbortController();
    const started = cluster.clock.now();
    let finished = false;
    const done = shell.run(line, { stdout: out, stderr: err, signal: controller.signal, stdin: opts.stdin === undefined ? undefined : stringInput(opts.stdin) }).then((s) => {
      finished = true;
      return s;
    });
    await flush();
    const maxMs = opts.maxMs ?? 600_000;
    while (!finished && cluster.clock.now() - started < maxMs) {
      cluster.advance(opts.step ?? 100);
      await flush();
    }
    if (!finished) controller.abort();
    const status = await done;
    return { out: out.text(), err: err.text(), status, tookMs: cluster.clock.now() - started };
  }

  /** Starts a line that keeps running (-w, -f); read its output while the clock moves, then stop it. */
  function start(line: string) {
    const out = collectOutput();
    const err = collectOutput();
    const controller = new AbortController();
    const done = shell.run(line, { stdout: out, stderr: err, signal: controller.signal });
    return {
      out: () => out.text(),
      err: () => err.text(),
      async stop() {
        controller.abort();
        const status = await done;
        return status;
      },
    };
  }

  return { cluster, fs, shell, kubeconfig, host, run, start, advance };
}

export type WorkloadBed = ReturnType<typeof workloadBed>;
