// Columns for how traffic reaches pods: Service, Endpoints, EndpointSlice and Ingress.
import type { KubeObject } from '../machinery/types.ts';
import { age } from './duration.ts';
import { formatLabels } from './labels.ts';
import { ageColumn, column, nameColumn, type KindPrinter } from './table.ts';

interface ServicePortLike {
  name?: string;
  port: number;
  nodePort?: number;
  protocol?: string;
  targetPort?: number | string;
}

export interface ServiceLike extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: ServicePortLike[];
    selector?: Record<string, string>;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** Go's net.JoinHostPort: IPv6 addresses go in brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function loadBalancerAddresses(svc: ServiceLike): string[] {
  const found = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) found.add(ing.ip);
    else if (ing.hostname) found.add(ing.hostname);
  }
  return [...found].sort();
}

/** EXTERNAL-IP: `<none>`, the external IPs, the load balancer's addresses or `<pending>`, or the external name. */
export function serviceExternalIP(svc: ServiceLike): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      // The server prints as for -o wide, so long hostnames are never cut short.
      const lb = loadBalancerAddresses(svc);
      if (externalIPs.length > 0) return [...lb, ...externalIPs].join(',');
      return lb.length > 0 ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** PORT(S): `80/TCP`, `80:31234/TCP`, comma-separated; `<none>` when there are none. */
export function servicePorts(svc: ServiceLike): string {
  const text = (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
  return text === '' ? '<none>' : text;
}

export const servicePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Type', 'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
    column('Cluster-IP', 'The virtual IP the service is reachable at inside the cluster.'),
    column('External-IP', 'Addresses the service is reachable at from outside the cluster.'),
    column('Port(s)', 'The ports the service exposes.'),
    ageColumn(),
    column('Selector', 'The labels of the pods that receive the traffic.', { priority: 1 }),
  ],
  row(obj, now) {
    const svc = obj as ServiceLike;
    return {
      cells: [
        svc.metadata.name ?? '',
        svc.spec?.type ?? '',
        svc.spec?.clusterIPs?.[0] ?? '<none>',
        serviceExternalIP(svc),
        servicePorts(svc),
        age(svc.metadata.creationTimestamp, now),
        formatLabels(svc.spec?.selector),
      ],
    };
  },
};

interface EndpointsLike extends KubeObject {
  subsets?: {
    addresses?: { ip: string }[];
    notReadyAddresses?: { ip: string }[];
    ports?: { name?: string; port: number; protocol?: string }[];
  }[];
}

const MAX_LISTED = 3;

/** ENDPOINTS: up to three `ip:port` pairs, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: EndpointsLike): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports: list bare IPs.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_LISTED} more...` : text;
}

export const endpointsPrinter: KindPrinter = {
  columns: [nameColumn(), column('Endpoints', 'The ready addresses and ports behind the service.'), ageColumn()],
  row(obj, now) {
    return { cells: [obj.metadata.name ?? '', formatEndpoints(obj as EndpointsLike), age(obj.metadata.creationTimestamp, now)] };
  },
};

interface EndpointSliceLike extends KubeObject {
  addressType?: string;
  ports?: { name?: string | null; port?: number | null; protocol?: string }[] | null;
  endpoints?: { addresses: string[] }[] | null;
}

function listWithMore(list: string[], more: boolean, count: number): string {
  const text = list.join(',');
  if (more) return `${text} + ${count - MAX_LISTED} more...`;
  return text === '' ? '<unset>' : text;
}

function sliceCells(slice: EndpointSliceLike): { ports: string; endpoints: string } {
  const ports: string[] = [];
  let portCount = 0;
  let portsMore = false;
  for (const p of slice.ports ?? []) {
    if (ports.length < MAX_LISTED) {
      let text = '*';
      if (p.port !== undefined && p.port !== null) text = String(p.port);
      else if (p.name !== undefined && p.name !== null) text = p.name;
      ports.push(text);
    } else if (ports.length === MAX_LISTED) {
      portsMore = true;
    }
    portCount++;
  }
  const addresses: string[] = [];
  let addressCount = 0;
  let addressesMore = false;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (addresses.length < MAX_LISTED) addresses.push(a);
      else if (addresses.length === MAX_LISTED) addressesMore = true;
      addressCount++;
    }
  }
  return { ports: listWithMore(ports, portsMore, portCount), endpoints: listWithMore(addresses, addressesMore, addressCount) };
}

export const endpointSlicePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('AddressType', 'The kind of addresses the slice holds: IPv4, IPv6 or FQDN.'),
    column('Ports', 'The ports of the endpoints.'),
    column('Endpoints', 'The endpoints’ addresses.'),
    ageColumn(),
  ],
  row(obj, now) {
    const slice = obj as EndpointSliceLike;
    const { ports, endpoints } = sliceCells(slice);
    return { cells: [slice.metadata.name ?? '', slice.addressType ?? '', ports, endpoints, age(slice.metadata.creationTimestamp, now)] };
  },
};

interface IngressLike extends KubeObject {
  spec?: { ingressClassName?: string; rules?: { host?: string }[]; tls?: unknown[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

function ingressHosts(rules: { host?: string }[]): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === MAX_LISTED) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const text = list.join(',');
  return more ? `${text} + ${rules.length - MAX_LISTED} more...` : text;
}

export const ingressPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Class', 'The IngressClass that handles this ingress.'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    ageColumn(),
  ],
  row(obj, now) {
    const ing = obj as IngressLike;
    const addresses = new Set<string>();
    for (const i of ing.status?.loadBalancer?.ingress ?? []) {
      if (i.ip) addresses.add(i.ip);
      else if (i.hostname) addresses.add(i.hostname);
    }
    return {
      cells: [
        ing.metadata.name ?? '',
        ing.spec?.ingressClassName ?? '<none>',
        ingressHosts(ing.spec?.rules ?? []),
        [...addresses].sort().join(','),
        (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
        age(ing.metadata.creationTimestamp, now),
      ],
    };
  },
};
