// Where the pod spec sits in each workload kind: a Pod's own spec, a template's spec, or a
// CronJob's job template. set image and expose read and patch containers through these.
import type { KubeObject } from '../machinery/types.ts';

export interface ContainerLike {
  name: string;
  image?: string;
  ports?: Array<{ containerPort: number; name?: string; protocol?: string }>;
}
export interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}

/** The path (as keys) from the object to its pod spec, or undefined for kinds without one. */
export function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const path = podSpecPath(obj.kind);
  if (!path) return undefined;
  let at: unknown = obj;
  for (const key of path) at = (at as Record<string, unknown> | undefined)?.[key];
  return at as PodSpecLike | undefined;
}

/** Wraps a pod-spec fragment in the object's path: {spec:{template:{spec:fragment}}}. */
export function atPodSpec(kind: string, fragment: Record<string, unknown>): Record<string, unknown> {
  const path = podSpecPath(kind) ?? ['spec'];
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), fragment);
}
