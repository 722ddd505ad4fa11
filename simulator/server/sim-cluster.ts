// The cluster behind the HTTP server: a whole createCluster, plus the kubelet's logs and exec for
// the pods/log and pods/exec endpoints. Its state (API objects, containers, the kubelets' memory)
// round-trips through JSON for --state.
import { createCluster, type Cluster, type ClusterSnapshot } from '../cluster.ts';
import type { PodLifecycle } from '../controllers/index.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { RuntimeSnapshot } from '../workloads/container-runtime.ts';
import type { PodIO } from './server-context.ts';

export interface SimState {
  format: 'wheelhouse-sim-state/v1';
  cluster: ClusterSnapshot;
  /** Containers saved beside the cluster by older versions (now inside the cluster snapshot). */
  containers?: RuntimeSnapshot;
  /** Wall-clock time the state was saved at. */
  savedAt: number;
}

export interface SimCluster {
  cluster: Cluster;
  readonly life: PodLifecycle;
  podIO: PodIO;
  save(): SimState;
  load(state: SimState): void;
}

interface PodShape extends KubeObject {
  status?: { containerStatuses?: Array<{ name: string; containerID?: string }> };
}

function podIOFor(lifecycle: () => PodLifecycle): PodIO {
  return {
    logs: (pod, opts, now) => lifecycle().logs.read(pod, opts, now),
    exec(pod, container, command, now) {
      const status = (pod as PodShape).status?.containerStatuses?.find((s) => s.name === container);
      const id = status?.containerID?.replace(/^[a-z]+:\/\//, '');
      const life = lifecycle();
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
  const cluster = createCluster({ seed: options.seed, startTime: options.startTime });
  return {
    cluster,
    // A restore builds a new pod lifecycle: always look up the current one.
    get life() {
      return cluster.podLifecycle;
    },
    podIO: podIOFor(() => cluster.podLifecycle),
    save: () => ({ format: 'wheelhouse-sim-state/v1', cluster: cluster.snapshot(), savedAt: Date.now() }),
    load(state) {
      if (state?.format !== 'wheelhouse-sim-state/v1') throw new Error('not a wheelhouse simulator state file');
      // State files from before snapshots carried the containers keep them beside the cluster.
      cluster.restore(state.containers && !state.cluster.containers ? { ...state.cluster, containers: state.containers } : state.cluster);
    },
  };
}
