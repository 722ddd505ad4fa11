// The EndpointSlice controller: the pods behind a Service, published as EndpointSlices of at most
// 100 endpoints, one group of slices per set of ports. Unlike Endpoints, each endpoint carries
// conditions (ready / serving / terminating), so terminating pods stay visible while they drain.
//
//   desired   the Service's selector and ports
//   observed  matching pods with an IP (terminating ones included), and the slices we manage
//   diff/act  keep endpoints in the slice they are already in, fill free room, create slices
//             (generateName <service>-) for the rest, delete slices left empty
//
// After upstream pkg/controller/endpointslice (reconciler.go, utils.go). Slices are owned by the
// Service, so the garbage collector removes them with it.
import { hasReason } from '../machinery/errors.ts';
import type { WatchEvent } from '../machinery/types.ts';
import { getIfExists } from './client-calls.ts';
import type { Controller, ControllerContext, ControllerWatch } from './controller.ts';
import { lastChangeTriggerTime, headlessLabel, lastChangeTriggerTimeAnnotation } from './endpoints.ts';
import { newControllerRef } from './ownership.ts';
import { deepEqual } from '../machinery/json.ts';
import {
  PairMemo,
  ServiceIndex,
  apiServerAddress,
  apiServerPort,
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
import type { EndpointPort, EndpointSlice, Pod, Service, SliceEndpoint } from './workload-types.ts';
import { ENDPOINTSLICES, NODES, PODS, SERVICES, splitKey, timestamp } from './workload-types.ts';

export const serviceNameLabel = 'kubernetes.io/service-name';
export const managedByLabel = 'endpointslice.kubernetes.io/managed-by';
export const managedBy = 'endpointslice-controller.k8s.io';
export const maxEndpointsPerSlice = 100;

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  // A burst of pod changes at one instant becomes one write (see Controller.coalesceBursts).
  readonly coalesceBursts = true;
  readonly watches: readonly ControllerWatch[];
  private readonly services = new ServiceIndex();
  private readonly apiServerFallback: string | undefined;
  // Our slices as the watch delivered them (frozen, shared), by service key then slice name.
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  // The endpoints we last wrote per slice uid, and the resourceVersion that write produced.
  private readonly written = new Map<string, { resourceVersion: string | undefined; endpoints: SliceEndpoint[] }>();
  // Each (Service, Pod) pair's endpoint, computed once per pod version.
  private readonly endpoints = new PairMemo<DesiredEndpoint | null>();

  constructor(options: { apiServerAddress?: string } = {}) {
    this.apiServerFallback = options.apiServerAddress;
    this.watches = [
      { resource: SERVICES, keysFor: (e) => this.services.serviceChanged(e) },
      { resource: PODS, keysFor: (e) => this.services.podChanged(e) },
      { resource: ENDPOINTSLICES, keysFor: (e) => this.sliceChanged(e) },
      { resource: NODES, keysFor: nodeChanged },
    ];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.service(key);
    if (!svc || svc.metadata.deletionTimestamp) return; // the garbage collector removes owned slices
    if (isKubernetesService(namespace, name)) return this.apiServerSlice(ctx, svc);
    if (!svc.spec.selector) return; // mirrored from user-written Endpoints upstream; not modelled

    const pods = this.services.podsFor(svc);
    const existing = [...(this.slices.get(key)?.values() ?? [])].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));

    const groups = desiredEndpoints(svc, pods, this.endpoints);
    const plan = planSlices(groups, existing);
    const labels = sliceLabels(svc);
    let trigger: string | undefined;
    const triggerTime = () => (trigger ??= timestamp(lastChangeTriggerTime(svc, pods)));

    for (const slice of plan.remove) {
      try {
        ctx.client.delete(ENDPOINTSLICES, namespace, slice.metadata.name ?? '');
      } catch (err) {
        if (!hasReason(err, 'NotFound')) throw err;
      }
    }
    for (const { slice, endpoints, ports } of plan.keep) {
      // What we wrote last, if unchanged since, shares its endpoint objects: a cheap comparison.
      const written = this.written.get(slice.metadata.uid ?? '');
      const base = written && written.resourceVersion === slice.metadata.resourceVersion ? written.endpoints : (slice.endpoints ?? []);
      const same = sameItems(base, endpoints) && deepEqual(slice.ports ?? [], ports ?? []) && deepEqual(slice.metadata.labels, labels);
      if (same) continue;
      const annotations = { ...(slice.metadata.annotations ?? {}), [lastChangeTriggerTimeAnnotation]: triggerTime() };
      this.write(ctx, svc, { ...slice, metadata: { ...slice.metadata, labels, annotations }, endpoints, ports }, false);
    }
    for (const { endpoints, ports } of plan.create) {
      const slice: EndpointSlice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${name}-`,
          namespace,
          labels,
          annotations: { [lastChangeTriggerTimeAnnotation]: triggerTime() },
          ownerReferences: [newControllerRef(svc)],
        },
        addressType: 'IPv4',
        endpoints,
        ports,
      };
      this.write(ctx, svc, slice, true);
    }
  }

  /** The `kubernetes` Service's slice, as the API server itself writes it (fixed name, no owner). */
  private apiServerSlice(ctx: ControllerContext, svc: Service): void {
    const ip = apiServerAddress(ctx.client, this.apiServerFallback);
    if (!ip) return;
    const current = getIfExists<EndpointSlice>(ctx.client, ENDPOINTSLICES, 'default', 'kubernetes');
    const desired: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { ...(current?.metadata ?? { name: 'kubernetes', namespace: 'default' }), labels: { [serviceNameLabel]: 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports: [{ name: 'https', port: apiServerPort, protocol: 'TCP' }],
    };
    if (current && deepEqual({ ...current, metadata: current.metadata.labels }, { ...desired, metadata: desired.metadata.labels })) return;
    this.write(ctx, svc, desired, !current);
  }

  private sliceChanged(event: WatchEvent): string[] {
    const slice = event.object as EndpointSlice;
    const labels = slice.metadata.labels ?? {};
    const svc = labels[serviceNameLabel];
    if (!svc || labels[managedByLabel] !== managedBy) return [];
    const key = `${slice.metadata.namespace}/${svc}`;
    let byName = this.slices.get(key);
    if (!byName) this.slices.set(key, (byName = new Map()));
    if (event.type === 'DELETED') {
      byName.delete(slice.metadata.name ?? '');
      this.written.delete(slice.metadata.uid ?? '');
    } else byName.set(slice.metadata.name ?? '', slice);
    return [key];
  }

  private write(ctx: ControllerContext, svc: Service, slice: EndpointSlice, create: boolean): void {
    try {
      const saved = create ? ctx.client.create(ENDPOINTSLICES, slice) : ctx.client.update(ENDPOINTSLICES, slice);
      if (saved.metadata.labels?.[managedByLabel] === managedBy) {
        this.written.set(saved.metadata.uid ?? '', { resourceVersion: saved.metadata.resourceVersion, endpoints: slice.endpoints ?? [] });
      }
    } catch (err) {
      if (hasReason(err, 'Conflict') || hasReason(err, 'AlreadyExists') || hasReason(err, 'NotFound')) {
        ctx.requeueAfter(`${svc.metadata.namespace}/${svc.metadata.name}`, 0);
        return;
      }
      if (hasReason(err, 'Forbidden')) return; // namespace terminating
      throw err;
    }
  }
}

export function endpointSliceController(options: { apiServerAddress?: string } = {}): Controller {
  return new EndpointSliceController(options);
}

/** Service labels, then ours on top (upstream drops a user's copy of the two it owns). */
export function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  delete labels[serviceNameLabel];
  delete labels[managedByLabel];
  if (isHeadless(svc)) labels[headlessLabel] = '';
  else delete labels[headlessLabel];
  labels[serviceNameLabel] = svc.metadata.name ?? '';
  labels[managedByLabel] = managedBy;
  return labels;
}

export interface EndpointGroup {
  ports: EndpointPort[];
  endpoints: Map<string, SliceEndpoint>; // by pod uid
}

/** One pod's endpoint for a Service, with the ports it serves. */
export interface DesiredEndpoint {
  endpoint: SliceEndpoint;
  ports: EndpointPort[];
  portsKey: string;
  id: string;
}

function desiredEndpoint(svc: Service, pod: Pod): DesiredEndpoint | null {
  if (!shouldPodBeInEndpoints(pod, true)) return null;
  const ports = endpointPorts(svc, pod);
  const endpoint: SliceEndpoint = { addresses: [podIP(pod)], conditions: endpointState(svc, pod) };
  const hostname = endpointHostname(svc, pod);
  if (hostname) endpoint.hostname = hostname;
  if (pod.spec.nodeName) endpoint.nodeName = pod.spec.nodeName;
  endpoint.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid };
  return { endpoint, ports, portsKey: portsKey(ports), id: pod.metadata.uid ?? pod.metadata.name ?? '' };
}

/** The endpoint every backing pod should have, grouped by the ports it serves. */
export function desiredEndpoints(svc: Service, pods: Pod[], memo?: PairMemo<DesiredEndpoint | null>): Map<string, EndpointGroup> {
  const groups = new Map<string, EndpointGroup>();
  for (const pod of pods) {
    const want = memo ? memo.get(svc, pod, () => desiredEndpoint(svc, pod)) : desiredEndpoint(svc, pod);
    if (!want) continue;
    let group = groups.get(want.portsKey);
    if (!group) groups.set(want.portsKey, (group = { ports: want.ports, endpoints: new Map() }));
    group.endpoints.set(want.id, want.endpoint);
  }
  return groups;
}

export interface SlicePlan {
  keep: Array<{ slice: EndpointSlice; endpoints: SliceEndpoint[]; ports: EndpointPort[] | null }>;
  create: Array<{ endpoints: SliceEndpoint[]; ports: EndpointPort[] | null }>;
  remove: EndpointSlice[];
}

/**
 * Place endpoints into slices with as little churn as possible: an endpoint stays in the slice
 * that has it; new endpoints fill existing slices of the same ports, then new slices. Slices left
 * empty are removed — except that a Service with no endpoints keeps one empty placeholder slice.
 */
export function planSlices(groups: Map<string, EndpointGroup>, existing: EndpointSlice[]): SlicePlan {
  const plan: SlicePlan = { keep: [], create: [], remove: [] };
  const byGroup = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    const k = slice.addressType === 'IPv4' ? portsKey(slice.ports ?? []) : '\0other';
    if (!byGroup.has(k)) byGroup.set(k, []);
    byGroup.get(k)?.push(slice);
  }

  for (const [k, group] of groups) {
    const remaining = new Map(group.endpoints);
    const filled: Array<{ slice: EndpointSlice; endpoints: SliceEndpoint[] }> = [];
    for (const slice of byGroup.get(k) ?? []) {
      const endpoints: SliceEndpoint[] = [];
      for (const ep of slice.endpoints ?? []) {
        const uid = ep.targetRef?.uid ?? ep.targetRef?.name ?? '';
        const want = remaining.get(uid);
        if (want && endpoints.length < maxEndpointsPerSlice) {
          endpoints.push(want);
          remaining.delete(uid);
        }
      }
      filled.push({ slice, endpoints });
    }
    byGroup.delete(k);
    for (const f of filled) {
      for (const [uid, ep] of remaining) {
        if (f.endpoints.length >= maxEndpointsPerSlice) break;
        f.endpoints.push(ep);
        remaining.delete(uid);
      }
      if (f.endpoints.length) plan.keep.push({ ...f, ports: group.ports });
      else plan.remove.push(f.slice);
    }
    const rest = [...remaining.values()];
    for (let i = 0; i < rest.length; i += maxEndpointsPerSlice) {
      plan.create.push({ endpoints: rest.slice(i, i + maxEndpointsPerSlice), ports: group.ports });
    }
  }
  for (const slices of byGroup.values()) plan.remove.push(...slices);

  // No endpoints at all: keep (or create) a single placeholder slice, as upstream does.
  if (plan.keep.length === 0 && plan.create.length === 0) {
    const placeholder = plan.remove.find((s) => (s.endpoints ?? []).length === 0 && !s.ports) ?? plan.remove[0];
    if (placeholder) {
      plan.remove = plan.remove.filter((s) => s !== placeholder);
      plan.keep.push({ slice: placeholder, endpoints: [], ports: null });
    } else {
      plan.create.push({ endpoints: [], ports: null });
    }
  }
  return plan;
}
