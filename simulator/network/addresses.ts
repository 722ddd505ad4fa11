// Where things live on the simulated network, as on a kind cluster: the cluster domain, the
// kube-dns Service address every pod's resolv.conf points at, the host ports kind publishes on
// the learner's machine, and URL parsing the way curl and wget read what a learner typed.

export const clusterDomain = 'cluster.local';
export const kubeDnsIP = '10.96.0.10';
/** kind's extraPortMappings in bookstore/kind-config.yaml: localhost port → node port on the control plane. */
export const workstationPortMappings: Readonly<Record<number, number>> = { 8080: 30080, 8081: 30081 };

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  /** The port given in the URL, or the scheme's default. */
  port: number;
  /** Path with query, always starting with '/'. */
  path: string;
}

/** curl and wget accept 'catalog', 'catalog:8080/books' and full URLs; anything else is an error. */
export function parseUrl(text: string): ParsedUrl | { error: 'scheme'; scheme: string } | { error: 'malformed' } {
  let rest = text;
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (scheme !== 'http' && scheme !== 'https') return { error: 'scheme', scheme };
  const slash = rest.search(/[/?]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  if (path.startsWith('?')) path = `/${path}`;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const pm = /^([^:]*)(?::(\d*))?$/.exec(hostPort);
  if (!pm || pm[1] === '') return { error: 'malformed' };
  const port = pm[2] ? Number(pm[2]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: 'malformed' };
  return { scheme: scheme as 'http' | 'https', host: pm[1]!.toLowerCase(), port, path };
}
