// Containers by name, with the field path a learner would look at (`spec.containers[0].image`).
import type { KubeObject } from '../reader/cluster-reader.ts';
import { valueAt } from './objects.ts';

export interface ContainerSpec {
  name: string;
  image?: string;
  ports?: Array<{ containerPort?: number; hostPort?: number; protocol?: string; name?: string }>;
}

export interface FoundContainer {
  container: ContainerSpec;
  /** `spec.containers[0]` or `spec.template.spec.containers[0]`. */
  path: string;
}

/** The pod spec of a Pod, or the template's of a workload. */
export function podSpecPath(object: KubeObject): string {
  return object.kind === 'Pod' ? 'spec' : 'spec.template.spec';
}

export function containersOf(object: KubeObject): ContainerSpec[] {
  const list = valueAt(object, `${podSpecPath(object)}.containers`);
  return Array.isArray(list) ? (list as ContainerSpec[]) : [];
}

export function containerNamed(object: KubeObject, name: string): FoundContainer | undefined {
  const list = containersOf(object);
  const index = list.findIndex((c) => c.name === name);
  if (index < 0) return undefined;
  return { container: list[index]!, path: `${podSpecPath(object)}.containers[${index}]` };
}

/** Image references as the runtime resolves them: `bookstore/catalog:1.0` is `docker.io/bookstore/catalog:1.0`. */
export function normalizeImage(image: string | undefined): string {
  if (!image) return '';
  let ref = image.trim();
  if (ref.startsWith('docker.io/')) ref = ref.slice('docker.io/'.length);
  if (ref.startsWith('library/')) ref = ref.slice('library/'.length);
  return ref;
}

export function sameImage(a: string | undefined, b: string): boolean {
  return normalizeImage(a) === normalizeImage(b);
}

/** The tag of an image reference (after the last colon of the last path part), or `latest`. */
export function imageTag(image: string | undefined): string {
  const ref = normalizeImage(image);
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 ? 'latest' : last.slice(colon + 1);
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  image?: string;
  state?: { waiting?: { reason?: string; message?: string }; running?: object; terminated?: { reason?: string } };
}

export function containerStatus(pod: KubeObject, name: string): ContainerStatus | undefined {
  const list = valueAt(pod, 'status.containerStatuses');
  return Array.isArray(list) ? (list as ContainerStatus[]).find((s) => s.name === name) : undefined;
}

export function waitingReasons(pod: KubeObject): string[] {
  const list = valueAt(pod, 'status.containerStatuses');
  if (!Array.isArray(list)) return [];
  return (list as ContainerStatus[]).map((s) => s.state?.waiting?.reason).filter((r): r is string => Boolean(r));
}
