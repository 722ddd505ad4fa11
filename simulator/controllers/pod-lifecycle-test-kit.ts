// A kind-like cluster running the pod lifecycle controllers (and the workload ones), for tests.
import { createCluster, podLifecycleFactories, type Cluster } from '../cluster.ts';
import type { KubeObject } from '../machinery/types.ts';
import { createGarbageCollector } from './garbage-collector.ts';
import type { PodLifecycle } from './index.ts';
import type { Pod } from './pod-types.ts';
import { workloadControllerFactories } from './workload-index.ts';

export interface TestCluster extends Cluster {
  life: PodLifecycle;
  pod(name: string, namespace?: string): Pod;
  events(name: string): Array<{ reason: string; message: string; type: string; count: number; source?: { component?: string } }>;
}

export function lifecycleCluster(options: { workloads?: boolean } = {}): TestCluster {
  const c = createCluster({
    controllers: [({ api }) => createGarbageCollector(api.store), ...podLifecycleFactories(), ...(options.workloads === false ? [] : workloadControllerFactories())],
  });
  // A restore builds a new pod lifecycle: `life` is always the cluster's current one.
  Object.defineProperty(c, 'life', { get: () => c.podLifecycle });
  return Object.assign(c as Cluster & { life: PodLifecycle }, {
    pod: (name: string, namespace = 'default') => c.client.get<Pod>({ resource: 'pods' }, namespace, name),
    events: (name: string) =>
      c.client
        .list<KubeObject & { reason: string; message: string; type: string; count: number; involvedObject: { name: string } }>({ resource: 'events' })
        .items.filter((e) => e.involvedObject.name === name)
        .map((e) => ({ reason: e.reason, message: e.message, type: e.type, count: e.count, source: e.source as { component?: string } })),
  });
}

export function podManifest(name: string, spec: Record<string, unknown>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec };
}
