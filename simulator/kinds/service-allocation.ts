// ClusterIPs and NodePorts, handed out like upstream's allocators: the service CIDR is
// 10.96.0.0/16 (a kind cluster's), NodePorts 30000-32767. Dynamic picks are random from the
// upper part of each range, keeping the lower band free for values users choose themselves.
import type { KubeObject } from '../machinery/types.ts';
import type { FieldError, StrategyContext } from './strategy.ts';
import { invalid } from './field-errors.ts';
import { goStringSlice } from './go-values.ts';
import { arrayAt, isObject, numberAt, stringAt } from './json.ts';
import { parseIPv4 } from './ip.ts';

export const SERVICE_CIDR = '10.96.0.0/16';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 16;
/** Upstream keeps min(max(16, size/16), 256) addresses at the bottom for static picks. */
const IP_STATIC_BAND = Math.min(Math.max(16, Math.floor((CIDR_SIZE - 2) / 16)), 256);

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const PORT_COUNT = NODE_PORT_MAX - NODE_PORT_MIN + 1;
const PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor(PORT_COUNT / 32)), 128);

function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
function ipToNumber(ip: string): number | undefined {
  const b = parseIPv4(ip);
  return b ? ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]! : undefined;
}

function otherServices(ctx: StrategyContext, self: KubeObject): KubeObject[] {
  const all = ctx.list({ group: '', resource: 'services' }).items;
  return all.filter((s) => !(s.metadata.namespace === self.metadata.namespace && s.metadata.name === self.metadata.name));
}

function usedIPs(services: KubeObject[]): Set<string> {
  const used = new Set<string>();
  for (const s of services) {
    for (const ip of arrayAt(s.spec, 'clusterIPs')) used.add(String(ip));
    const ip = stringAt(s.spec, 'clusterIP');
    if (ip) used.add(ip);
  }
  return used;
}

export function usedNodePorts(services: KubeObject[]): Set<number> {
  const used = new Set<number>();
  for (const s of services) {
    for (const p of arrayAt(s.spec, 'ports')) {
      const np = numberAt(p, 'nodePort');
      if (np) used.add(np);
    }
    const hc = numberAt(s.spec, 'healthCheckNodePort');
    if (hc) used.add(hc);
  }
  return used;
}

/** Random offset in [lo, hi), then the first free one scanning upward (wrapping within the band). */
function pickFree(ctx: StrategyContext, lo: number, hi: number, taken: (offset: number) => boolean): number | undefined {
  const size = hi - lo;
  if (size <= 0) return undefined;
  const start = ctx.random.int(size);
  for (let i = 0; i < size; i++) {
    const offset = lo + ((start + i) % size);
    if (!taken(offset)) return offset;
  }
  return undefined;
}

/** Gives a ClusterIP to a Service that needs one; the error for a requested IP that cannot be had. */
export function allocateClusterIP(svc: KubeObject, ctx: StrategyContext): FieldError[] {
  const spec = isObject(svc.spec) ? svc.spec : (svc.spec = {});
  const requested = stringAt(spec, 'clusterIP') ?? '';
  const used = usedIPs(otherServices(ctx, svc));
  if (requested) {
    const n = ipToNumber(requested);
    const ips = arrayAt(spec, 'clusterIPs').map(String);
    const fail = (why: string) => [invalid('spec.clusterIPs', ips, `failed to allocate IP ${requested}: ${why}`, goStringSlice(ips))];
    if (n === undefined || n <= CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE - 1) {
      return fail(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
    }
    if (used.has(requested)) return fail('provided IP is already allocated');
    return [];
  }
  const taken = (offset: number) => used.has(ipToString(CIDR_BASE + offset));
  // Offsets 1..size-2 are usable (not the network or broadcast address); prefer the upper band.
  const offset = pickFree(ctx, IP_STATIC_BAND + 1, CIDR_SIZE - 1, taken) ?? pickFree(ctx, 1, IP_STATIC_BAND + 1, taken);
  if (offset === undefined) return [invalid('spec.clusterIPs', [], 'failed to allocate a serviceIP: range is full')];
  const ip = ipToString(CIDR_BASE + offset);
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
  return [];
}

/** NodePorts for every port of a NodePort/LoadBalancer Service; one port number shares its nodePort across protocols. */
export function allocateNodePorts(svc: KubeObject, ctx: StrategyContext, alreadyMine: ReadonlySet<number> = new Set()): FieldError[] {
  const used = usedNodePorts(otherServices(ctx, svc));
  const mine = new Set<number>();
  const byPort = new Map<number, number>();
  const ports = arrayAt(svc.spec, 'ports');
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (!isObject(p)) continue;
    const portNum = numberAt(p, 'port') ?? 0;
    const requested = numberAt(p, 'nodePort') ?? 0;
    const shared = byPort.get(portNum);
    if (requested) {
      if (requested === shared) continue;
      if (requested < NODE_PORT_MIN || requested > NODE_PORT_MAX) {
        return [invalid(`spec.ports[${i}].nodePort`, requested, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`)];
      }
      if ((used.has(requested) || mine.has(requested)) && !alreadyMine.has(requested)) {
        return [invalid(`spec.ports[${i}].nodePort`, requested, 'provided port is already allocated')];
      }
      mine.add(requested);
      byPort.set(portNum, requested);
      continue;
    }
    if (shared !== undefined) {
      p.nodePort = shared;
      continue;
    }
    // A later port with the same number may have asked for a specific nodePort: use it for both.
    const later = ports.slice(i + 1).find((q) => numberAt(q, 'port') === portNum && numberAt(q, 'nodePort'));
    if (later) {
      const np = numberAt(later, 'nodePort')!;
      p.nodePort = np;
      byPort.set(portNum, np);
      mine.add(np);
      continue;
    }
    const taken = (offset: number) => used.has(NODE_PORT_MIN + offset) || mine.has(NODE_PORT_MIN + offset);
    const offset = pickFree(ctx, PORT_STATIC_BAND, PORT_COUNT, taken) ?? pickFree(ctx, 0, PORT_STATIC_BAND, taken);
    if (offset === undefined) return [invalid(`spec.ports[${i}].nodePort`, 0, 'failed to allocate a nodePort: range is full')];
    p.nodePort = NODE_PORT_MIN + offset;
    mine.add(NODE_PORT_MIN + offset);
    byPort.set(portNum, NODE_PORT_MIN + offset);
  }
  return [];
}

/** The health-check nodePort of a LoadBalancer with externalTrafficPolicy Local. */
export function allocateHealthCheckNodePort(svc: KubeObject, ctx: StrategyContext, own: ReadonlySet<number>): FieldError[] {
  const spec = isObject(svc.spec) ? svc.spec : (svc.spec = {});
  const used = usedNodePorts(otherServices(ctx, svc));
  for (const p of arrayAt(spec, 'ports')) {
    const np = numberAt(p, 'nodePort');
    if (np) used.add(np);
  }
  const requested = numberAt(spec, 'healthCheckNodePort') ?? 0;
  if (requested) {
    if (own.has(requested)) return [];
    if (requested < NODE_PORT_MIN || requested > NODE_PORT_MAX) {
      return [invalid('spec.healthCheckNodePort', requested, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`)];
    }
    return used.has(requested) ? [invalid('spec.healthCheckNodePort', requested, 'provided port is already allocated')] : [];
  }
  const taken = (offset: number) => used.has(NODE_PORT_MIN + offset);
  const offset = pickFree(ctx, PORT_STATIC_BAND, PORT_COUNT, taken) ?? pickFree(ctx, 0, PORT_STATIC_BAND, taken);
  if (offset === undefined) return [invalid('spec.healthCheckNodePort', 0, 'failed to allocate a nodePort: range is full')];
  spec.healthCheckNodePort = NODE_PORT_MIN + offset;
  return [];
}
