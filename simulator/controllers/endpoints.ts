// The Endpoints controller: for every Service with a selector, an Endpoints object of the same
// name listing the IPs of the pods behind it — Ready pods under `addresses`, the rest under
// `notReadyAddresses` — with the port numbers each pod actually serves.
//
//   desired   the Service's selector and ports
//   observed  the pods matching the selector that have an IP and are not finished or terminating
//   diff/act  create or update Endpoints/<service> when its subsets or labels differ
//
// After upstream pkg/controller/endpoint/endpoints_controller.go (still running in 1.32). The
// `kubernetes` Service has no selector; the API server publishes its own address for it, which
// we do from here.
import { hasReason } from '../machinery/errors.ts';
import type { WatchEvent } from '../machinery/types.ts';
import { errorText } from './client-calls.ts';
import type { Controller, ControllerContext, ControllerWatch } from './controller.ts';
import { deepEqual } from '../machinery/json.ts';
import {
  PairMemo,
  ServiceIndex,
  apiServerAddress,
  apiServerPort,
  compareIPs,
  endpointHostname,
  endpointPorts,
  endpointState,
  isHeadless,
  isKubernetesService,
  nodeChanged,
  podIP,
  portsKey,
  sameItems,
  shouldPodBeInEndpoints,
} from './service-endpoints.ts';
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from './workload-types.ts';
import { ENDPOINTS, NODES, PODS, SERVICES, parseTime, splitKey, timestamp } from './workload-types.ts';

export const lastChangeTriggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';
export const overCapacityAnnotation = 'endpoints.kubernetes.io/over-capacity';
export const headlessLabel = 'service.kubernetes.io/headless';
const maxCapacity = 1000;

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';
  // A burst of pod changes at one instant becomes one write (see Controller.coalesceBursts).
  readonly coalesceBursts = true;
  readonly watches: readonly ControllerWatch[];
  private readonly services = new ServiceIndex();
  private readonly apiServerFallback: string | undefined;
  // Endpoints as the watch delivered them (frozen, shared): read instead of a copying GET.
  private readonly cache = new Map<string, Endpoints>();
  // The subsets we last wrote per Service, and the resourceVersion that write produced.
  private readonly written = new Map<string, { resourceVersion: string | undefined; subsets: EndpointSubset[] }>();
  // Each (Service, Pod) pair's address entry, computed once per pod version.
  private readonly addresses = new PairMemo<AddressEntry | null>();

  constructor(options: { apiServerAddress?: string } = {}) {
    this.apiServerFallback = options.apiServerAddress;
    this.watches = [
      { resource: SERVICES, keysFor: (e) => this.services.serviceChanged(e) },
      { resource: PODS, keysFor: (e) => this.services.podChanged(e) },
      // Someone edited or deleted our Endpoints: put them back.
      { resource: ENDPOINTS, keysFor: (e) => this.endpointsChanged(e) },
      { resource: NODES, keysFor: nodeChanged },
    ];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.service(key);
    const current = this.cache.get(key);
    if (!svc) {
      // The Service is gone: so are its Endpoints (they carry no ownerReference to collect them).
      if (current && !isKubernetesService(namespace, name)) deleteQuietly(ctx, namespace, name);
      return;
    }
    if (isKubernetesService(namespace, name)) return this.apiServerEndpoints(ctx, svc, current);
    if (!svc.spec.selector) return; // endpoints of a selector-less Service are the user's to write

    const pods = this.services.podsFor(svc);
    const { subsets, truncated } = endpointSubsets(svc, pods, this.addresses);

    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (isHeadless(svc)) labels[headlessLabel] = '';
    else delete labels[headlessLabel];

    // What we wrote last, if nobody has changed it since, shares its address objects with what we
    // want now: comparing with it is cheap even for a thousand addresses.
    const written = this.written.get(key);
    const base = current && written && written.resourceVersion === current.metadata.resourceVersion ? written.subsets : (current?.subsets ?? []);
    const unchanged =
      current &&
      sameSubsets(base, subsets) &&
      deepEqual(current.metadata.labels ?? {}, labels) &&
      (current.metadata.annotations?.[overCapacityAnnotation] === 'truncated') === truncated;
    if (unchanged) return;

    const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
    annotations[lastChangeTriggerTimeAnnotation] = timestamp(lastChangeTriggerTime(svc, pods));
    if (truncated) annotations[overCapacityAnnotation] = 'truncated';
    else delete annotations[overCapacityAnnotation];

    const desired: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...(current?.metadata ?? { name, namespace }), labels, annotations },
    };
    if (subsets.length) desired.subsets = subsets;
    const saved = this.write(ctx, svc, desired, !current);
    if (saved) this.written.set(key, { resourceVersion: saved.metadata.resourceVersion, subsets });
    else this.written.delete(key);
  }

  private apiServerEndpoints(ctx: ControllerContext, svc: Service, current: Endpoints | undefined): void {
    const ip = apiServerAddress(ctx.client, this.apiServerFallback);
    if (!ip) return;
    const subsets: EndpointSubset[] = [{ addresses: [{ ip }], ports: [{ name: 'https', port: apiServerPort, protocol: 'TCP' }] }];
    const labels = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
    if (current && deepEqual(current.subsets, subsets) && deepEqual(current.metadata.labels, labels)) return;
    const meta = current?.metadata ?? { name: svc.metadata.name, namespace: svc.metadata.namespace };
    this.write(ctx, svc, { apiVersion: 'v1', kind: 'Endpoints', metadata: { ...meta, labels }, subsets }, !current);
  }

  private endpointsChanged(event: WatchEvent): string[] {
    const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
    if (event.type === 'DELETED') this.cache.delete(key);
    else this.cache.set(key, event.object as Endpoints);
    return [key];
  }

  private write(ctx: ControllerContext, svc: Service, endpoints: Endpoints, create: boolean): Endpoints | undefined {
    try {
      return create ? ctx.client.create(ENDPOINTS, endpoints) : ctx.client.update(ENDPOINTS, endpoints);
    } catch (err) {
      // A Conflict or AlreadyExists means our view was stale: the watch will bring us back.
      if (hasReason(err, 'Conflict') || hasReason(err, 'AlreadyExists') || hasReason(err, 'NotFound')) {
        ctx.requeueAfter(`${svc.metadata.namespace}/${svc.metadata.name}`, 0);
        return undefined;
      }
      if (hasReason(err, 'Forbidden')) return undefined; // namespace terminating
      ctx.recorder.event(
        svc,
        'Warning',
        'FailedToUpdateEndpoint',
        `Failed to update endpoint ${svc.metadata.namespace}/${svc.metadata.name}: ${errorText(err)}`,
      );
      return undefined;
    }
  }
}

export function endpointsController(options: { apiServerAddress?: string } = {}): Controller {
  return new EndpointsController(options);
}

/** What one pod contributes to a Service's Endpoints: its address, under which ports, ready or not. */
interface AddressEntry {
  address: EndpointAddress;
  ports: EndpointPort[];
  portsKey: string;
  ready: boolean;
  uid: string;
}

function addressEntry(svc: Service, pod: Pod): AddressEntry | null {
  if (!shouldPodBeInEndpoints(pod, svc.spec.publishNotReadyAddresses === true)) return null;
  const ports = endpointPorts(svc, pod);
  // A pod serving none of the service's ports is not an endpoint, except for a port-less headless service.
  if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) return null;
  const address: EndpointAddress = { ip: podIP(pod) };
  const hostname = endpointHostname(svc, pod);
  if (hostname) address.hostname = hostname;
  if (pod.spec.nodeName) address.nodeName = pod.spec.nodeName;
  address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid };
  return { address, ports, portsKey: portsKey(ports), ready: endpointState(svc, pod).ready, uid: pod.metadata.uid ?? '' };
}

/** Addresses grouped by the set of ports they serve, ready and not-ready apart, sorted by IP. */
export function endpointSubsets(svc: Service, pods: Pod[], memo?: PairMemo<AddressEntry | null>): { subsets: EndpointSubset[]; truncated: boolean } {
  const groups = new Map<string, { ports: EndpointPort[]; ready: AddressEntry[]; notReady: AddressEntry[] }>();
  for (const pod of pods) {
    const entry = memo ? memo.get(svc, pod, () => addressEntry(svc, pod)) : addressEntry(svc, pod);
    if (!entry) continue;
    let group = groups.get(entry.portsKey);
    if (!group) groups.set(entry.portsKey, (group = { ports: entry.ports, ready: [], notReady: [] }));
    (entry.ready ? group.ready : group.notReady).push(entry);
  }

  let budget = maxCapacity;
  let total = 0;
  for (const g of groups.values()) total += g.ready.length + g.notReady.length;
  const truncated = total > maxCapacity;
  const byIP = (a: AddressEntry, b: AddressEntry) => compareIPs(a.address.ip, b.address.ip) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
  // (compareIPs remembers parsed addresses, so sorting a thousand pods stays cheap)
  const subsets: EndpointSubset[] = [];
  for (const [, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ready = g.ready.sort(byIP).slice(0, budget);
    budget -= ready.length;
    const notReady = g.notReady.sort(byIP).slice(0, budget);
    budget -= notReady.length;
    if (!ready.length && !notReady.length) continue;
    const subset: EndpointSubset = {};
    if (ready.length) subset.addresses = ready.map((e) => e.address);
    if (notReady.length) subset.notReadyAddresses = notReady.map((e) => e.address);
    if (g.ports.length) subset.ports = [...g.ports].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : a.port - b.port));
    subsets.push(subset);
  }
  return { subsets, truncated };
}

function sameSubsets(a: EndpointSubset[], b: EndpointSubset[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!sameItems(x.addresses ?? [], y.addresses ?? []) || !sameItems(x.notReadyAddresses ?? [], y.notReadyAddresses ?? []) || !deepEqual(x.ports ?? [], y.ports ?? [])) return false;
  }
  return true;
}

/** When the change we are publishing happened: the latest pod readiness flip or the Service's
 * creation. (RFC 3339 strings of one format order like the times they name: no parsing needed.) */
export function lastChangeTriggerTime(svc: Service, pods: Pod[]): number {
  let latest = svc.metadata.creationTimestamp ?? '';
  for (const pod of pods) {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    const t = ready?.lastTransitionTime ?? pod.metadata.creationTimestamp ?? '';
    if (t > latest) latest = t;
  }
  return parseTime(latest) ?? 0;
}

function deleteQuietly(ctx: ControllerContext, namespace: string, name: string): void {
  try {
    ctx.client.delete(ENDPOINTS, namespace, name);
  } catch (err) {
    if (!hasReason(err, 'NotFound')) throw err;
  }
}
