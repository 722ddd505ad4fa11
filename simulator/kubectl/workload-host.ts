// What the workload commands need beyond the API: the container runtime (logs, exec) and the
// cluster network (wget/curl inside containers). Both are optional fields of KubectlHost, so a
// command that needs one says so plainly when the host has none; clusterWorkloadHost fills them
// from a whole simulated cluster.
import type { Cluster } from '../cluster.ts';
import { ClusterNetwork } from '../network/network.ts';
import { runtimeBackends } from '../network/pod-backends.ts';
import type { ContainerRuntime } from '../workloads/container-runtime.ts';
import type { EditorHost, Invocation, KubectlHost } from './command.ts';
import { KubectlError } from './errors.ts';
import type { Kubeconfig } from './kubeconfig.ts';

/** @deprecated KubectlHost now carries `containers` and `network` itself. */
export type WorkloadHost = KubectlHost;

export function containersOf(inv: Invocation): ContainerRuntime {
  const runtime = inv.host.containers;
  if (!runtime) throw new KubectlError('this simulated cluster has no container runtime attached, so containers cannot be read (the page wires KubectlHost.containers)');
  return runtime;
}

export function networkOf(inv: Invocation): ClusterNetwork | undefined {
  return inv.host.network;
}

/** The host for a whole simulated cluster; `containers` follows the cluster across restores. */
export function clusterWorkloadHost(cluster: Cluster, kubeconfig: Kubeconfig, editor?: EditorHost): KubectlHost & { network: ClusterNetwork } {
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
