// Which strategy the store uses for a kind: looked up by API group ('' for core) and kind.
import type { KindStrategy } from './strategy.ts';
import { configMapStrategy } from './configmap.ts';
import { cronJobStrategy } from './cronjob.ts';
import { daemonSetStrategy } from './daemonset.ts';
import { deploymentStrategy } from './deployment.ts';
import { endpointSliceStrategy, endpointsStrategy } from './endpoints.ts';
import { namespaceStrategy } from './namespace.ts';
import { nodeStrategy } from './node.ts';
import { podStrategy } from './pod.ts';
import { replicaSetStrategy } from './replicaset.ts';
import { secretStrategy } from './secret.ts';
import { serviceStrategy } from './service.ts';
import { eventStrategy, serviceAccountStrategy } from './simple-kinds.ts';
import { jobStrategy } from './job.ts';
import { pvcStrategy } from './pvc.ts';
import { resourceQuotaStrategy } from './resourcequota.ts';
import { statefulSetStrategy } from './statefulset.ts';

const strategies = new Map<string, KindStrategy>([
  ['/Namespace', namespaceStrategy],
  ['/Node', nodeStrategy],
  ['/Pod', podStrategy],
  ['/Service', serviceStrategy],
  ['/Endpoints', endpointsStrategy],
  ['/ConfigMap', configMapStrategy],
  ['/Secret', secretStrategy],
  ['/Event', eventStrategy],
  ['/ServiceAccount', serviceAccountStrategy],
  ['/PersistentVolumeClaim', pvcStrategy],
  ['/ResourceQuota', resourceQuotaStrategy],
  ['apps/ReplicaSet', replicaSetStrategy],
  ['apps/Deployment', deploymentStrategy],
  ['apps/StatefulSet', statefulSetStrategy],
  ['apps/DaemonSet', daemonSetStrategy],
  ['batch/Job', jobStrategy],
  ['batch/CronJob', cronJobStrategy],
  ['discovery.k8s.io/EndpointSlice', endpointSliceStrategy],
]);

export function strategyFor(group: string, kind: string): KindStrategy | undefined {
  return strategies.get(`${group}/${kind}`);
}

export { fieldErrorMessage } from './field-errors.ts';
export type { KindStrategy, FieldError, FieldErrorType, StrategyContext } from './strategy.ts';
