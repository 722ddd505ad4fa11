// Which pod `kubectl logs deployment/web` or `kubectl exec deploy/web` talks to: the object's
// selector finds its pods, and upstream's ordering (podutils.ByLogging) picks the most useful one —
// scheduled before unscheduled, running before pending, ready before not ready, then the oldest.
import { badRequest } from '../machinery/errors.ts';
import { formatLabelSelector, type LabelSelector } from '../machinery/selectors.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { getObject, type ObjectArg } from './object-args.ts';

export interface PodLike extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: Array<{ name: string; image?: string; [k: string]: unknown }>;
    initContainers?: Array<{ name: string; image?: string; [k: string]: unknown }>;
    [k: string]: unknown;
  };
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string }>;
    containerStatuses?: Array<{ name: string; ready?: boolean; restartCount?: number; containerID?: string; state?: Record<string, unknown> }>;
    initContainerStatuses?: Array<{ name: string; ready?: boolean; restartCount?: number; containerID?: string; state?: Record<string, unknown> }>;
    podIP?: string;
  };
}

const PODS = { resource: 'pods' };

function isReady(pod: PodLike): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Sort order of upstream's ByLogging: the pod a human most likely wants first. */
export function byLogging(a: PodLike, b: PodLike): number {
  const rank = (p: PodLike) => [p.spec?.nodeName ? 0 : 1, p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 2 : 1, isReady(p) ? 0 : 1];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  const restarts = (p: PodLike) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  return String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || String(a.metadata.name).localeCompare(String(b.metadata.name));
}

/** The label selector an object uses to pick its pods. */
export function podSelectorOf(obj: KubeObject): string {
  const spec = obj.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') {
    const sel = (spec?.selector ?? {}) as Record<string, string>;
    if (Object.keys(sel).length === 0) throw new KubectlError(`invalid label selector`);
    return Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
  }
  return formatLabelSelector(spec?.selector as LabelSelector | undefined);
}

export function podsMatching(inv: Invocation, selector: string): PodLike[] {
  return inv.host.client.list<PodLike>(PODS, { namespace: inv.namespace, labelSelector: selector }).items.sort(byLogging);
}

/** The pod for a TYPE/NAME argument (a pod name is itself). Says "Found N pods, using …" like kubectl. */
export function podForObject(inv: Invocation, target: ObjectArg): PodLike | undefined {
  if (target.rt.kind === 'Pod') return getObject<PodLike>(inv, target);
  const supported = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Service', 'ReplicationController'];
  if (!supported.includes(target.rt.kind)) throw new KubectlError(`cannot attach to ${target.rt.kind === 'Node' ? '*v1.Node' : target.rt.kind}: not implemented`);
  const obj = getObject<KubeObject>(inv, target);
  const pods = podsMatching(inv, podSelectorOf(obj));
  if (pods.length > 1) inv.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n`);
  return pods[0];
}

/** The container kubectl picks without -c: the default-container annotation, else the first,
 * saying so on stderr when there was a choice (kubectl 1.32). */
export function defaultContainer(inv: Invocation, pod: PodLike, given: string): string {
  const containers = pod.spec?.containers ?? [];
  const init = pod.spec?.initContainers ?? [];
  if (given) {
    if (![...containers, ...init].some((c) => c.name === given)) throw new KubectlError(`container ${given} is not valid for pod ${pod.metadata.name}`);
    return given;
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) {
    if ([...containers, ...init].some((c) => c.name === annotated)) return annotated;
    inv.err(`Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name}\n`);
  }
  const first = containers[0]?.name;
  if (!first) throw badRequest(`a container name must be specified for pod ${pod.metadata.name}`);
  if (containers.length > 1 || init.length > 0) {
    inv.err(`Defaulted container ${JSON.stringify(first)} out of: ${[...init, ...containers].map((c) => c.name).join(', ')}\n`);
  }
  return first;
}
