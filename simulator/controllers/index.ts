// The controllers a cluster runs. Pod lifecycle (this file's own list): the scheduler, the kubelet
// of every node, the node lifecycle and taint eviction controllers. Workload controllers come from
// workload-index.ts.
//
// The kubelet needs the node's container runtime (images, sandboxes, containers) and the logs
// reader sits on top of it; createPodLifecycle makes one set per cluster:
//   const life = createPodLifecycle(api);
//   for (const c of life.controllers) runtime.add(c);
//   life.logs.read(pod, { container: 'app', previous: true }, clock.now());   // kubectl logs
//   life.registry.register('ghcr.io/wheelhouse/catalog', model);              // course images
import type { ApiServer } from '../machinery/api-server.ts';
import { ContainerRuntime } from '../workloads/container-runtime.ts';
import type { ImageRegistry } from '../workloads/image-registry.ts';
import { createImageRegistry } from '../workloads/images/index.ts';
import { ContainerLogs } from '../workloads/logs.ts';
import type { Controller } from './controller.ts';
import { createKubelet } from './kubelet.ts';
import { createNodeLifecycleController } from './node-lifecycle.ts';
import { createScheduler } from './scheduler.ts';
import { createTaintEvictionController } from './taint-eviction.ts';

export { workloadControllers } from './workload-index.ts';

export interface PodLifecycle {
  registry: ImageRegistry;
  runtime: ContainerRuntime;
  logs: ContainerLogs;
  controllers: Controller[];
}

export function createPodLifecycle(api: ApiServer, registry: ImageRegistry = createImageRegistry()): PodLifecycle {
  const runtime = new ContainerRuntime(registry);
  return { registry, runtime, logs: new ContainerLogs(runtime), controllers: podLifecycleControllers(api, runtime) };
}

export function podLifecycleControllers(api: ApiServer, runtime: ContainerRuntime): Controller[] {
  return [createScheduler(api), createKubelet({ api, runtime }), createNodeLifecycleController(), createTaintEvictionController()];
}
