// `kubectl describe service` (with the endpoints kubectl reads from EndpointSlices) and
// `kubectl describe endpoints`.
import type { KubeObject } from '../machinery/types.ts';
import type { EventLike } from '../printers/events.ts';
import { formatLabels } from '../printers/labels.ts';
import { joinHostPort, type ServiceLike } from '../printers/networking.ts';
import { writeAnnotations, writeEvents, writeLabels } from './format.ts';
import { eventsFor, safeList, type DescribeContext } from './reader.ts';
import { tabbed } from './writer.ts';

interface DescribedService extends ServiceLike {
  spec?: ServiceLike['spec'] & {
    ipFamilyPolicy?: string;
    ipFamilies?: string[];
    loadBalancerIP?: string;
    sessionAffinity?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    loadBalancerSourceRanges?: string[];
    trafficDistribution?: string;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } };
}

export interface EndpointSliceLike extends KubeObject {
  ports?: { name?: string | null; port?: number | null; protocol?: string }[] | null;
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean | null } }[] | null;
}

const MAX = 3;

/** The Endpoints line of describe service: ready `ip:port` pairs for one service port, three at most. */
export function formatSliceEndpoints(slices: EndpointSliceLike[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ready = (e: { conditions?: { ready?: boolean | null } }): boolean =>
      e.conditions?.ready === undefined || e.conditions.ready === null || e.conditions.ready;
    if ((slice.ports ?? []).length === 0) {
      for (const e of endpoints) {
        if (list.length === MAX) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === MAX) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses[0], port.port ?? 0));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX} more...` : text;
}

/** The text of `kubectl describe service`. */
export function describeService(obj: KubeObject, ctx: DescribeContext): string {
  const svc = obj as DescribedService;
  const name = svc.metadata.name ?? '';
  const slices = (
    safeList<EndpointSliceLike>(ctx, 'discovery.k8s.io', 'endpointslices', {
      namespace: svc.metadata.namespace,
      labelSelector: `kubernetes.io/service-name=${name}`,
    }) ?? []
  ).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
  const events = eventsFor(ctx, { name, namespace: svc.metadata.namespace, kind: 'Service', uid: svc.metadata.uid });
  return renderService(svc, slices, events, ctx.now);
}

export function renderService(svc: DescribedService, slices: EndpointSliceLike[], events: EventLike[] | undefined, now: number): string {
  const spec = svc.spec ?? {};
  return tabbed((w) => {
    w.write(0, `Name:\t${svc.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    writeLabels(w, 'Labels', svc.metadata.labels);
    writeAnnotations(w, 'Annotations', svc.metadata.annotations);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? (spec.ipFamilies ?? []).join(',') : '<none>'}\n`);
    w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? (spec.clusterIPs ?? []).join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`);
    if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const text = ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
      w.write(0, `LoadBalancer Ingress:\t${text}\n`);
    }
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      w.write(0, `Port:\t${name}\t${p.port}/${p.protocol ?? ''}\n`);
      w.write(0, `TargetPort:\t${p.targetPort ?? ''}/${p.protocol ?? ''}\n`);
      if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? ''}\n`);
      w.write(0, `Endpoints:\t${formatSliceEndpoints(slices, p.name ?? '')}\n`);
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
      w.write(0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`);
    }
    if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    writeEvents(w, events, now);
  });
}

interface EndpointsLike extends KubeObject {
  subsets?: {
    addresses?: { ip: string }[];
    notReadyAddresses?: { ip: string }[];
    ports?: { name?: string; port: number; protocol?: string }[];
  }[];
}

/** The text of `kubectl describe endpoints`. */
export function describeEndpoints(obj: KubeObject, ctx: DescribeContext): string {
  const ep = obj as EndpointsLike;
  const events = eventsFor(ctx, { name: ep.metadata.name ?? '', namespace: ep.metadata.namespace, kind: 'Endpoints', uid: ep.metadata.uid });
  return tabbed((w) => {
    w.write(0, `Name:\t${ep.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    writeLabels(w, 'Labels', ep.metadata.labels);
    writeAnnotations(w, 'Annotations', ep.metadata.annotations);
    w.write(0, 'Subsets:\n');
    for (const ss of ep.subsets ?? []) {
      w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      if ((ss.ports ?? []).length > 0) {
        w.write(1, 'Ports:\n');
        w.write(2, 'Name\tPort\tProtocol\n');
        w.write(2, '----\t----\t--------\n');
        for (const p of ss.ports ?? []) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(0, '\n');
    }
    writeEvents(w, events, ctx.now);
  });
}
