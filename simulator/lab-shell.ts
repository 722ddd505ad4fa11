// The lab terminal's shell, wired once for every host (the page's worker, the lab tests, the
// graders' harness): the builtin commands, kubectl with the workload and troubleshooting
// commands (logs, exec, run, rollout…), the learner's `curl` from outside the cluster, and `sim`.
//
//   const { shell, kubeconfig } = createLabShell({ cluster });          // scheduler on cluster time
//   const session = new TerminalSession({ shell, write, prompt });      // the page
//   await shell.run('kubectl get pods', { stdout, stderr });            // tests, graders
//
// Options:
//   cluster     the simulated cluster; restoring a snapshot into it keeps the terminal working
//   fs          the workspace files (share it with the editor panel); a fresh one by default
//   kubeconfig  the learner's kubeconfig (persist kubeconfig.toJSON()); the kind-like default otherwise
//   editor      the page's editor panel, for `kubectl edit`
//   scheduler   time for sleep/watch/-w; by default timers on the cluster's virtual clock, so
//               `kubectl wait` and `sleep 5` finish as the cluster's time moves (advance or tick)
//   namespace   where `sim` acts without -n; by default the kubeconfig context's namespace
import type { Cluster } from './cluster.ts';
import type { EditorHost, KubectlHost } from './kubectl/command.ts';
import { Kubeconfig } from './kubectl/kubeconfig.ts';
import { createKubectl } from './kubectl/kubectl.ts';
import { workloadCommands } from './kubectl/workload-commands.ts';
import { clusterWorkloadHost } from './kubectl/workload-host.ts';
import { labCurlCommand } from './network/lab-curl.ts';
import type { ClusterNetwork } from './network/network.ts';
import { createShell } from './shell/builtins.ts';
import type { Command } from './shell/command.ts';
import type { Scheduler } from './shell/scheduler.ts';
import type { Shell } from './shell/shell.ts';
import { WorkspaceFs } from './shell/workspace-fs.ts';
import { simCommand } from './sim-commands/sim.ts';

export interface LabShellOptions {
  cluster: Cluster;
  fs?: WorkspaceFs;
  kubeconfig?: Kubeconfig;
  editor?: EditorHost;
  scheduler?: Scheduler;
  namespace?: () => string;
}

export interface LabShell {
  shell: Shell;
  kubectl: Command;
  kubeconfig: Kubeconfig;
  network: ClusterNetwork;
  fs: WorkspaceFs;
  /** What kubectl talks to: the cluster's API, container runtime and network. */
  host: KubectlHost & { network: ClusterNetwork };
  scheduler: Scheduler;
}

/** Sleeps as timers on the cluster's virtual clock: they fire when advance()/tick() pass them. */
export function clusterScheduler(cluster: Cluster): Scheduler {
  return {
    now: () => cluster.clock.now(),
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        cluster.clock.schedule(cluster.clock.now() + Math.max(0, ms), resolve);
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    },
  };
}

export function createLabShell(options: LabShellOptions): LabShell {
  const { cluster } = options;
  const fs = options.fs ?? new WorkspaceFs({ now: () => cluster.clock.now() });
  const kubeconfig = options.kubeconfig ?? new Kubeconfig();
  const scheduler = options.scheduler ?? clusterScheduler(cluster);
  const host = clusterWorkloadHost(cluster, kubeconfig, options.editor);
  const kubectl = createKubectl(host, { commands: [...workloadCommands] });
  const namespace = options.namespace ?? (() => kubeconfig.namespace(kubeconfig.currentContextName) || 'default');
  const shell = createShell({
    fs,
    scheduler,
    commands: [kubectl, labCurlCommand(() => host.network), simCommand(() => cluster, { namespace })],
  });
  return { shell, kubectl, kubeconfig, network: host.network, fs, host, scheduler };
}
