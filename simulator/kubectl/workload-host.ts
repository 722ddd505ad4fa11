// What the workload commands need beyond the API: the container runtime (logs, exec), the
// cluster network (wget/curl inside containers) and the fault switches (drain's node stop is not
// one; `sim` uses them). The page builds one host object with all of it; KubectlHost only
// promises the API, so these are optional and a command that needs one says so plainly.
import type { Cluster } from '../cluster.ts';
import { ClusterNetwork } from '../network/network.ts';
import { runtimeBackends } from '../network/pod-backends.ts';
import type { ContainerRuntime } from '../workloads/container-runtime.ts';
import type { EditorHost, Invocation, KubectlHost } from './command.ts';
import { KubectlError } from './errors.ts';
import type { Kubeconfig } from './kubeconfig.ts';

export interface WorkloadHost extends KubectlHost {
  /** The kubelets' container runtime: container logs and what runs inside for exec. */
  containers?: ContainerRuntime;
  /** The cluster network, for programs run inside containers. */
  network?: ClusterNetwork;
}

export function containersOf(inv: Invocation): ContainerRuntime {
  const runtime = (inv.host as WorkloadHost).containers;
  if (!runtime) throw new KubectlError('this simulated cluster has no container runtime attached, so containers cannot be read (the page wires WorkloadHost.containers)');
  return runtime;
}

export function networkOf(inv: Invocation): ClusterNetwork | undefined {
  return (inv.host as WorkloadHost).network;
}

/** The host for a whole simulated cluster; `containers` follows the cluster across restores. */
export function clusterWorkloadHost(cluster: Cluster, kubeconfig: Kubeconfig, editor?: EditorHost): WorkloadHost & { network: ClusterNetwork } {
  const network = new ClusterNetwork({ client: cluster.client, clock: cluster.clock, backends: runtimeBackends(() => cluster.podLifecycle.runtime) });
  return {
    client: cluster.client,
    now: () => cluster.clock.now(),
    kubeconfig,
    editor,
    get containers() {
      return cluster.podLifecycle.runtime;
    },
    network,
  };
}
