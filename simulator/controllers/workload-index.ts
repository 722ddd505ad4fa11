// The workload controllers of kube-controller-manager (plus the API server's own `kubernetes`
// endpoints), for cluster.ts to run next to the scheduler, kubelet and node controllers.
import type { Controller } from './controller.ts';
import { DeploymentController } from './deployment.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceController } from './endpointslice.ts';
import { NamespaceController, type NamespaceControllerOptions } from './namespace.ts';
import { ReplicaSetController } from './replicaset.ts';
import { ServiceAccountController } from './serviceaccount.ts';

export interface WorkloadControllerOptions {
  /** The API server address for the `kubernetes` Service when no control-plane node reports one. */
  apiServerAddress?: string;
  /** The CA bundle published as kube-root-ca.crt in every namespace. */
  caBundle?: string;
  namespaces?: NamespaceControllerOptions;
}

export function workloadControllers(options: WorkloadControllerOptions = {}): Controller[] {
  return [
    new DeploymentController(),
    new ReplicaSetController(),
    new EndpointsController({ apiServerAddress: options.apiServerAddress }),
    new EndpointSliceController({ apiServerAddress: options.apiServerAddress }),
    new NamespaceController(options.namespaces),
    new ServiceAccountController({ caBundle: options.caBundle }),
  ];
}

/** The same controllers as factories (a fresh instance per cluster), the shape cluster.ts takes. */
export function workloadControllerFactories(options: WorkloadControllerOptions = {}): Array<() => Controller> {
  return [
    () => new DeploymentController(),
    () => new ReplicaSetController(),
    () => new EndpointsController({ apiServerAddress: options.apiServerAddress }),
    () => new EndpointSliceController({ apiServerAddress: options.apiServerAddress }),
    () => new NamespaceController(options.namespaces),
    () => new ServiceAccountController({ caBundle: options.caBundle }),
  ];
}

export { DeploymentController, EndpointsController, EndpointSliceController, NamespaceController, ReplicaSetController, ServiceAccountController };
