// The cluster behind the HTTP server: createCluster with the pod lifecycle (scheduler, kubelets,
// node lifecycle, taint eviction) and the workload controllers, plus the kubelet's logs and exec
// for the pods/log and pods/exec endpoints. Its state (API objects and the container runtime)
// round-trips through JSON for --state.
//
// createCluster() does not run pods by default yet; when it does (and exposes its logs and
// container runtime), this file shrinks to the PodIO adapter.
import { createCluster, type Cluster, type ClusterSnapshot } from '../cluster.ts';
import { createGarbageCollector } from '../controllers/garbage-collector.ts';
import { createPodLifecycle, type PodLifecycle } from '../controllers/index.ts';
import { workloadControllerFactories } from '../controllers/workload-index.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { RuntimeSnapshot } from '../workloads/container-runtime.ts';
import type { PodIO } from './server-context.ts';

export interface SimState {
  format: 'wheelhouse-sim-state/v1';
  cluster: ClusterSnapshot;
  containers?: RuntimeSnapshot;
  /** Wall-clock time the state was saved at. */
  savedAt: number;
}

export interface SimCluster {
  cluster: Cluster;
  life: PodLifecycle;
  podIO: PodIO;
  save(): SimState;
  load(state: SimState): void;
}

interface PodShape extends KubeObject {
  status?: { containerStatuses?: Array<{ name: string; containerID?: string }> };
}

function podIOFor(life: PodLifecycle): PodIO {
  return {
    logs: (pod, opts, now) => life.logs.read(pod, opts, now),
    exec(pod, container, command, now) {
      const status = (pod as PodShape).status?.containerStatuses?.find((s) => s.name === container);
      const id = status?.containerID?.replace(/^[a-z]+:\/\//, '');
      const record = id ? life.runtime.container(id) : undefined;
      if (!record || !life.runtime.isRunning(record, now)) {
        return { error: `container ${container} is not running in pod ${pod.metadata.name}` };
      }
      const r = life.runtime.exec(record, command, now);
      return { exitCode: r.exitCode, stdout: r.output, stderr: '' };
    },
  };
}

export function createSimCluster(options: { seed?: number; startTime?: number } = {}): SimCluster {
  let life: PodLifecycle | undefined;
  const lifecycle = [0, 1, 2, 3].map((i) => ({ api }: { api: Parameters<typeof createPodLifecycle>[0] }) => {
    life ??= createPodLifecycle(api);
    return life.controllers[i]!;
  });
  const cluster = createCluster({
    seed: options.seed,
    startTime: options.startTime,
    controllers: [({ api }) => createGarbageCollector(api.store), ...lifecycle, ...workloadControllerFactories()],
  });
  const l = life!;
  return {
    cluster,
    life: l,
    podIO: podIOFor(l),
    save: () => ({ format: 'wheelhouse-sim-state/v1', cluster: cluster.snapshot(), containers: l.runtime.snapshot(), savedAt: Date.now() }),
    load(state) {
      if (state?.format !== 'wheelhouse-sim-state/v1') throw new Error('not a wheelhouse simulator state file');
      if (state.containers) l.runtime.restore(state.containers);
      cluster.restore(state.cluster);
    },
  };
}
