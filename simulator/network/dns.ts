// Cluster DNS as CoreDNS answers it on a kind cluster: Services at <svc>.<ns>.svc.cluster.local
// (the ClusterIP, or the ready pod IPs of a headless Service), <hostname>.<svc>.<ns>.svc… for
// StatefulSet-style pods, <a-b-c-d>.<ns>.pod.cluster.local, ExternalName as a CNAME. A pod's
// resolver walks the search path of its namespace first (ndots:5), so `catalog` from a pod in
// bookstore means catalog.bookstore.svc.cluster.local, and `catalog.bookstore` works from anywhere.
import { clusterDomain, isIPv4, kubeDnsIP } from './addresses.ts';
import type { ClusterView, ServiceObject } from './cluster-view.ts';

export type DnsAnswer =
  | {
      found: true;
      /** The fully qualified name that answered. */
      fqdn: string;
      addresses: string[];
      /** ExternalName Services answer with a CNAME (to a name outside the cluster). */
      cname?: string;
      service?: ServiceObject;
    }
  | { found: false; tried: string[] };

export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain];
}

export interface PodDnsSettings {
  /** dnsPolicy: ClusterFirst (the default) or None; Default is not a cluster resolver at all. */
  policy?: string;
  config?: { nameservers?: string[]; searches?: string[]; options?: Array<{ name: string; value?: string }> };
}

/** /etc/resolv.conf in a pod of this namespace: the cluster resolver (dnsPolicy ClusterFirst, the
 * default), with the pod's dnsConfig merged in; with dnsPolicy None, only dnsConfig. */
export function resolvConf(namespace: string, dns: PodDnsSettings = {}): string {
  const none = dns.policy === 'None';
  const cfg = dns.config ?? {};
  const searches = [...(none ? [] : searchPath(namespace)), ...(cfg.searches ?? [])];
  const servers = [...(none ? [] : [kubeDnsIP]), ...(cfg.nameservers ?? [])];
  const options = new Map<string, string | undefined>(none ? [] : [['ndots', '5']]);
  for (const o of cfg.options ?? []) options.set(o.name, o.value);
  const lines: string[] = [];
  if (searches.length) lines.push(`search ${searches.join(' ')}`);
  for (const server of servers) lines.push(`nameserver ${server}`);
  if (options.size) lines.push(`options ${[...options].map(([k, v]) => (v === undefined ? k : `${k}:${v}`)).join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** The names a resolver tries, in order, for what was typed (glibc/musl rules with ndots:5). */
export function candidates(name: string, namespace: string | undefined): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = namespace === undefined ? [] : searchPath(namespace).map((d) => `${name}.${d}`);
  return dots >= 5 ? [name, ...searched] : [...searched, name];
}

/** `turn` rotates multi-address answers, as CoreDNS's loadbalance plugin shuffles A records between queries. */
export function lookup(view: ClusterView, name: string, fromNamespace: string | undefined, turn = 0): DnsAnswer {
  const lower = name.toLowerCase();
  if (isIPv4(lower)) return { found: true, fqdn: lower, addresses: [lower] };
  const tried = candidates(lower, fromNamespace);
  for (const fqdn of tried) {
    const answer = lookupFqdn(view, fqdn, turn);
    if (answer) return answer;
  }
  return { found: false, tried };
}

/** One authoritative lookup in the cluster.local zone; undefined = NXDOMAIN. */
export function lookupFqdn(view: ClusterView, fqdn: string, turn = 0): DnsAnswer | undefined {
  const suffix = `.${clusterDomain}`;
  if (!fqdn.endsWith(suffix)) return undefined; // no upstream resolvers are modelled
  const labels = fqdn.slice(0, -suffix.length).split('.');
  // <a-b-c-d>.<ns>.pod.cluster.local: CoreDNS's `pods insecure` answers any well-formed address.
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0]!.replace(/-/g, '.');
    return isIPv4(ip) ? { found: true, fqdn, addresses: [ip] } : undefined;
  }
  if (labels[labels.length - 1] !== 'svc') return undefined;
  if (labels.length === 3) return serviceRecord(view, fqdn, labels[1]!, labels[0]!, turn);
  if (labels.length === 4) return hostRecord(view, fqdn, labels[2]!, labels[1]!, labels[0]!);
  return undefined;
}

function serviceRecord(view: ClusterView, fqdn: string, namespace: string, name: string, turn: number): DnsAnswer | undefined {
  const service = view.service(namespace, name);
  if (!service) return undefined;
  const spec = service.spec ?? {};
  if (spec.type === 'ExternalName') return { found: true, fqdn, addresses: [], cname: spec.externalName, service };
  if (spec.clusterIP && spec.clusterIP !== 'None') return { found: true, fqdn, addresses: [spec.clusterIP], service };
  // Headless: one A record per ready endpoint; with none, the name exists but has no addresses.
  const ips = view
    .slicesOf(service)
    .flatMap((s) => s.endpoints ?? [])
    .filter((e) => e.conditions?.ready !== false)
    .flatMap((e) => e.addresses.slice(0, 1));
  const unique = [...new Set(ips)];
  const shift = unique.length ? turn % unique.length : 0;
  return { found: true, fqdn, addresses: [...unique.slice(shift), ...unique.slice(0, shift)], service };
}

function hostRecord(view: ClusterView, fqdn: string, namespace: string, serviceName: string, hostname: string): DnsAnswer | undefined {
  const service = view.service(namespace, serviceName);
  if (!service) return undefined;
  for (const endpoint of view.slicesOf(service).flatMap((s) => s.endpoints ?? [])) {
    if (endpoint.hostname === hostname && endpoint.addresses[0]) return { found: true, fqdn, addresses: [endpoint.addresses[0]], service };
  }
  return undefined;
}
