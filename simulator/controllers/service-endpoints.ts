// What the Endpoints and EndpointSlice controllers both work out for a Service: which pods back
// it, whether each is ready / serving / terminating, and which port number each service port
// reaches on each pod (a named targetPort is looked up in that pod's containers).
// After upstream pkg/controller/util/endpoint and endpointslice/util.
import { deepEqual } from '../machinery/json.ts';
import { selectorFromSet, type Selector } from '../machinery/selectors.ts';
import type { ApiClient, KubeObject, WatchEvent } from '../machinery/types.ts';
import { PodInformer } from './pod-informer.ts';
import { isPodReady } from './pod-state.ts';
import type { EndpointPort, Pod, Service, ServicePort } from './workload-types.ts';
import { NODES } from './workload-types.ts';

/** Pods with an IP that are not finished; terminating ones only if asked (slices keep them). */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  const restart = pod.spec.restartPolicy ?? 'Always';
  if (restart === 'Never') return phase !== 'Failed' && phase !== 'Succeeded';
  if (restart === 'OnFailure') return phase !== 'Succeeded';
  return true;
}

export function podIP(pod: Pod): string {
  return pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? '';
}

/** The container port a service port reaches on this pod, or undefined if a named port is missing. */
export function findPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = port.protocol ?? 'TCP';
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** The service's ports as this pod serves them (ports a pod cannot resolve are left out). */
export function endpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const sp of service.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    ports.push(ep);
  }
  return ports;
}

export interface PodEndpointState {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Ready is never true while terminating (unless the service publishes not-ready addresses). */
export function endpointState(service: Service, pod: Pod): PodEndpointState {
  const publish = service.spec.publishNotReadyAddresses === true;
  const serving = publish || isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  return { ready: publish || (serving && !terminating), serving, terminating };
}

/** Hostname is published only when the pod asks for it and names this service as its subdomain. */
export function endpointHostname(service: Service, pod: Pod): string | undefined {
  return pod.spec.hostname && pod.spec.subdomain === service.metadata.name ? pod.spec.hostname : undefined;
}

export function isHeadless(service: Service): boolean {
  return service.spec.clusterIP === 'None';
}

export function portsKey(ports: EndpointPort[]): string {
  return ports
    .map((p) => `${p.name}/${p.protocol}/${p.port}/${p.appProtocol ?? ''}`)
    .sort()
    .join(',');
}

const ipNumbers = new Map<string, number>();

/** A dotted IPv4 address as one number (remembered: the same pods are sorted again and again). */
function ipNumber(ip: string): number {
  let n = ipNumbers.get(ip);
  if (n === undefined) {
    const parts = ip.split('.').map(Number);
    n = parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p < 256) ? ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]! : Number.NaN;
    if (ipNumbers.size > 50_000) ipNumbers.clear();
    ipNumbers.set(ip, n);
  }
  return n;
}

/** Compare dotted IPv4 addresses numerically, anything else as text. */
export function compareIPs(a: string, b: string): number {
  const na = ipNumber(a);
  const nb = ipNumber(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The informer-side memory both endpoint controllers keep: each Service's selector and the pods it
 * selects right now (so a reconcile reads its pods without scanning the namespace), and which
 * Services each pod matched last time (so a pod whose labels changed still wakes the Service it left).
 */
export class ServiceIndex {
  private readonly selectors = new Map<string, Map<string, Selector>>();
  private readonly podServices = new Map<string, string[]>();
  /** service key → pod key → the pod as last seen: kept up to date by every pod event. */
  private readonly members = new Map<string, Map<string, Pod>>();
  /** The Services as the watch delivered them (frozen, shared), by key: a reconcile's lister. */
  private readonly services = new Map<string, Service>();
  /** The pods themselves, from the same watch. */
  readonly pods = new PodInformer();

  service(key: string): Service | undefined {
    return this.services.get(key);
  }

  serviceChanged(event: WatchEvent): string[] {
    const svc = event.object as Service;
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const key = `${ns}/${name}`;
    const previous = this.members.get(key);
    for (const podKey of previous?.keys() ?? []) this.unlink(podKey, key);
    this.members.delete(key);
    if (event.type === 'DELETED') this.services.delete(key);
    else this.services.set(key, svc);
    if (event.type === 'DELETED' || !svc.spec?.selector) this.selectors.get(ns)?.delete(name);
    else {
      let byName = this.selectors.get(ns);
      if (!byName) this.selectors.set(ns, (byName = new Map()));
      const selector = selectorFromSet(svc.spec.selector);
      byName.set(name, selector);
      // A new or changed selector: find its pods once, here, instead of on every reconcile.
      const members = new Map<string, Pod>();
      for (const pod of this.pods.inNamespace(ns)) {
        if (!selector.matches(pod.metadata.labels)) continue;
        const podKey = `${ns}/${pod.metadata.name}`;
        members.set(podKey, pod);
        this.podServices.set(podKey, [...(this.podServices.get(podKey) ?? []), key]);
      }
      this.members.set(key, members);
    }
    return [key];
  }

  podChanged(event: WatchEvent): string[] {
    const pod = event.object as Pod;
    const previous = this.pods.observe(event);
    const ns = pod.metadata.namespace ?? '';
    const podKey = `${ns}/${pod.metadata.name}`;
    const before = this.podServices.get(podKey) ?? [];
    // No Service selects in this namespace (a Deployment without a Service): nothing to do.
    if (!before.length && !this.selectors.get(ns)?.size) return [];
    // Being bound to a node or restarting a container changes no endpoint: refresh, no wake-up.
    if (event.type === 'MODIFIED' && previous && endpointFingerprint(previous) === endpointFingerprint(pod)) {
      for (const svc of before) this.members.get(svc)?.set(podKey, pod);
      return [];
    }
    const now: string[] = [];
    if (event.type !== 'DELETED') {
      for (const [name, selector] of this.selectors.get(ns) ?? []) {
        if (selector.matches(pod.metadata.labels)) now.push(`${ns}/${name}`);
      }
    }
    for (const svc of before) this.members.get(svc)?.delete(podKey);
    for (const svc of now) this.members.get(svc)?.set(podKey, pod);
    if (now.length) this.podServices.set(podKey, now);
    else this.podServices.delete(podKey);
    return [...new Set([...before, ...now])];
  }

  /** The cached pods a Service selects. */
  podsFor(svc: Service): Pod[] {
    return [...(this.members.get(`${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`)?.values() ?? [])];
  }

  private unlink(podKey: string, serviceKey: string): void {
    const rest = (this.podServices.get(podKey) ?? []).filter((k) => k !== serviceKey);
    if (rest.length) this.podServices.set(podKey, rest);
    else this.podServices.delete(podKey);
  }
}

/** Items equal one by one; shared objects (the same memoised endpoint) compare in one step. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !deepEqual(a[i], b[i])) return false;
  return true;
}

/** Remembers a value computed from one (Service, Pod) pair. Both are frozen watch objects that
 * are replaced, never changed, so identity says whether the value is still good. */
export class PairMemo<V> {
  private readonly byService = new WeakMap<Service, WeakMap<Pod, V>>();

  get(svc: Service, pod: Pod, compute: () => V): V {
    let byPod = this.byService.get(svc);
    if (!byPod) this.byService.set(svc, (byPod = new WeakMap()));
    let v = byPod.get(pod);
    if (v === undefined) byPod.set(pod, (v = compute()));
    return v;
  }
}

/** Everything about a pod that can change an endpoint built from it. */
function endpointFingerprint(pod: Pod): string {
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return 'no-ip';
  const ports = (pod.spec.containers ?? []).map((c) => c.ports ?? []);
  return JSON.stringify([
    pod.metadata.labels,
    podIP(pod),
    pod.spec.nodeName,
    pod.spec.hostname,
    pod.spec.subdomain,
    pod.spec.restartPolicy,
    pod.status?.phase,
    isPodReady(pod),
    pod.metadata.deletionTimestamp,
    ports,
    pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime,
  ]);
}

export const controlPlaneLabel = 'node-role.kubernetes.io/control-plane';

/** The API server's address, as the apiserver's own endpoint reconciler publishes it for the
 * `kubernetes` Service: the control-plane node's InternalIP, port 6443. */
export function apiServerAddress(client: ApiClient, fallback?: string): string | undefined {
  const nodes = client.list<KubeObject>(NODES).items;
  const node = nodes.find((n) => n.metadata.labels?.[controlPlaneLabel] !== undefined) ?? nodes[0];
  const addresses = (node?.status as { addresses?: Array<{ type: string; address: string }> } | undefined)?.addresses ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? fallback;
}

export const apiServerPort = 6443;

export function isKubernetesService(namespace: string, name: string): boolean {
  return namespace === 'default' && name === 'kubernetes';
}

/** Node events matter only for the `kubernetes` Service's endpoints. */
export function nodeChanged(event: WatchEvent): string[] {
  return event.object.metadata.labels?.[controlPlaneLabel] !== undefined ? ['default/kubernetes'] : [];
}
