// What answers at a pod's IP: the containers the runtime runs there, each with its image's
// behaviour model (simulator/workloads). The network asks through this small interface so it can
// be tested with hand-made backends and wired to the kubelet's ContainerRuntime in the cluster.
import type { HttpRequest, HttpResponse } from '../workloads/container-model.ts';
import type { ContainerRuntime } from '../workloads/container-runtime.ts';
import type { PodObject } from './cluster-view.ts';

export type PodAnswer = HttpResponse | 'refused' | 'reset' | 'unreachable';

export interface PodBackends {
  /** An HTTP request to a pod's IP on req.port now: the response, or why there is none. */
  http(pod: PodObject, ip: string, req: HttpRequest, now: number): PodAnswer;
  /** False while a node is stopped: nothing on it answers, packets to it are lost. */
  nodeRunning(name: string): boolean;
}

/** Backends over the container runtime the kubelet drives (a function, when the cluster may
 * swap its runtime on restore). */
export function runtimeBackends(source: ContainerRuntime | (() => ContainerRuntime)): PodBackends {
  const runtime = typeof source === 'function' ? source : () => source;
  const nodeRunning = (name: string) => runtime().node(name)?.running !== false;
  return {
    nodeRunning,
    http(pod, ip, req, now) {
      const nodeName = pod.spec?.nodeName;
      if (nodeName && !nodeRunning(nodeName)) return 'unreachable';
      const container = runtime().containerAt(ip, req.port, now);
      if (!container) return 'refused';
      return runtime().http(container, req, now);
    },
  };
}
