// Shared setup for this folder's tests: a seeded cluster, a shell with kubectl, and a scheduler
// on the cluster's own clock, so `advance` moves both the controllers and anything kubectl waits for.
import { createCluster, type ClusterOptions } from '../cluster.ts';
import { createShell } from '../shell/builtins.ts';
import { clusterScheduler } from '../lab-shell.ts';
import { collectOutput, stringInput } from '../shell/streams.ts';
import { WorkspaceFs } from '../shell/workspace-fs.ts';
import type { EditorHost } from './command.ts';
import { Kubeconfig } from './kubeconfig.ts';
import { createKubectl } from './kubectl.ts';

/** Timers on the cluster's virtual clock (the lab shell's default scheduler). */
export { clusterScheduler };

/** Let pending promise chains run (a command waiting on a watch wakes up here). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export function setupKubectl(opts: { cluster?: ClusterOptions; files?: Record<string, string>; editor?: EditorHost; columns?: number } = {}) {
  const cluster = createCluster({ seed: 7, ...opts.cluster });
  const fs = new WorkspaceFs({ now: () => cluster.clock.now() });
  for (const [path, content] of Object.entries(opts.files ?? {})) {
    const abs = path.startsWith('/') ? path : `${fs.home}/${path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true });
    fs.writeFile(abs, content);
  }
  const kubeconfig = new Kubeconfig();
  const kubectl = createKubectl({ client: cluster.client, now: () => cluster.clock.now(), kubeconfig, editor: opts.editor });
  const shell = createShell({ fs, scheduler: clusterScheduler(cluster), commands: [kubectl] });
  /** Run a line to completion; stdout and stderr captured apart. */
  async function run(line: string, stdin?: string) {
    const out = collectOutput({ columns: opts.columns });
    const err = collectOutput();
    const status = await shell.run(line, { stdout: out, stderr: err, stdin: stdin === undefined ? undefined : stringInput(stdin) });
    return { out: out.text(), err: err.text(), status };
  }
  /** Start a line that keeps running (get -w, delete --wait); stop it with `stop()`. */
  function start(line: string, stdin?: string) {
    const out = collectOutput();
    const err = collectOutput();
    const controller = new AbortController();
    const done = shell.run(line, { stdout: out, stderr: err, stdin: stdin === undefined ? undefined : stringInput(stdin), signal: controller.signal });
    return {
      out: () => out.text(),
      err: () => err.text(),
      done,
      async stop() {
        controller.abort();
        return done;
      },
    };
  }
  return { cluster, fs, shell, kubeconfig, kubectl, run, start };
}
