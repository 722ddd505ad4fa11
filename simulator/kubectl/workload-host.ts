// What the workload commands need beyond the API: the container runtime (logs, exec), the
// cluster network (wget/curl inside containers) and the fault switches (drain's node stop is not
// one; `sim` uses them). The page builds one host object with all of it; KubectlHost only
// promises the API, so these are optional and a command that needs one says so plainly.
import type { ClusterNetwork } from '../network/network.ts';
import type { ContainerRuntime } from '../workloads/container-runtime.ts';
import type { Invocation, KubectlHost } from './command.ts';
import { KubectlError } from './errors.ts';

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
