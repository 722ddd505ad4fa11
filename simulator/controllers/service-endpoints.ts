// What the Endpoints and EndpointSlice controllers both work out for a Service: which pods back
// it, whether each is ready / serving / terminating, and which port number each service port
// reaches on each pod (a named targetPort is looked up in that pod's containers).
// After upstream pkg/controller/util/endpoint and endpointslice/util.
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
 * The informer-side memory both endpoint controllers keep: each Service's selector (so a pod event
 * finds the Services it backs) and which Services each pod matched last time (so a pod whose labels
 * changed still wakes the Service it left).
 */
export class ServiceIndex {
  private readonly selectors = new Map<string, Map<string, Selector>>();
  private readonly podServices = new Map<string, string[]>();
  /** The pods themselves, from the same watch: reconciles read them here instead of listing. */
  readonly pods = new PodInformer();

  serviceChanged(event: WatchEvent): string[] {
    const svc = event.object as Service;
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    if (event.type === 'DELETED' || !svc.spec?.selector) this.selectors.get(ns)?.delete(name);
    else {
      let byName = this.selectors.get(ns);
      if (!byName) this.selectors.set(ns, (byName = new Map()));
      byName.set(name, selectorFromSet(svc.spec.selector));
    }
    return [`${ns}/${name}`];
  }

  podChanged(event: WatchEvent): string[] {
    const pod = event.object as Pod;
    const previous = this.pods.observe(event);
    // Being bound to a node or restarting a container changes no endpoint: skip the wake-up.
    if (event.type === 'MODIFIED' && previous && endpointFingerprint(previous) === endpointFingerprint(pod)) return [];
    const ns = pod.metadata.namespace ?? '';
    const podKey = `${ns}/${pod.metadata.name}`;
    const now: string[] = [];
    if (event.type !== 'DELETED') {
      for (const [name, selector] of this.selectors.get(ns) ?? []) {
        if (selector.matches(pod.metadata.labels)) now.push(`${ns}/${name}`);
      }
    }
    const before = this.podServices.get(podKey) ?? [];
    if (now.length) this.podServices.set(podKey, now);
    else this.podServices.delete(podKey);
    return [...new Set([...before, ...now])];
  }

  /** The cached pods a Service selects. */
  podsFor(svc: Service): Pod[] {
    const selector = selectorFromSet(svc.spec.selector);
    const out: Pod[] = [];
    for (const pod of this.pods.inNamespace(svc.metadata.namespace ?? '')) if (selector.matches(pod.metadata.labels)) out.push(pod);
    return out;
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
