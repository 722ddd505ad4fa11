// A pod's QoS class, computed once at creation the way upstream's ComputePodQOS does:
// Guaranteed when every container limits cpu and memory and requests equal limits,
// BestEffort when nothing requests or limits cpu or memory, Burstable otherwise.
import { arrayAt, objectAt } from './json.ts';
import { compareQuantities, parseQuantity, type Quantity } from './quantity.ts';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'];

function addPositive(into: Map<string, bigint>, list: unknown, found?: Set<string>): void {
  for (const name of QOS_RESOURCES) {
    const raw = objectAt({ list }, 'list')?.[name];
    if (raw === undefined) continue;
    const q = parseQuantity(raw) as Quantity | string;
    if (typeof q === 'string' || q.nano <= 0n) continue;
    found?.add(name);
    into.set(name, (into.get(name) ?? 0n) + q.nano);
  }
}

export function podQOSClass(spec: unknown): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of [...arrayAt(spec, 'containers'), ...arrayAt(spec, 'initContainers')]) {
    const resources = objectAt(c, 'resources');
    addPositive(requests, objectAt(resources, 'requests'));
    const limitsFound = new Set<string>();
    addPositive(limits, objectAt(resources, 'limits'), limitsFound);
    if (!QOS_RESOURCES.every((r) => limitsFound.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || compareQuantities({ nano: lim, format: 'DecimalSI' }, { nano: req, format: 'DecimalSI' }) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
