// What a pod asks of a node, in the units the scheduler compares: millicores, bytes, pod slots and
// extended resources. Requests default to limits; init containers run one at a time, so the largest
// of them counts if it is bigger than the app containers together.
import { parseQuantity } from '../kinds/quantity.ts';
import type { Container, Pod } from './pod-types.ts';

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
  scalar: Record<string, number>;
}

/** What the scorer counts for a container with no request: 100m CPU and 200Mi memory. */
export const nonZeroDefaults = { milliCPU: 100, memory: 200 * 1024 * 1024 };

function quantityValue(raw: unknown, milli: boolean): number {
  const q = parseQuantity(raw);
  if (typeof q === 'string') return 0;
  const scaled = milli ? q.nano / 1_000_000n : q.nano / 1_000_000_000n;
  // Upstream rounds up when converting to a coarser unit.
  const exact = milli ? q.nano % 1_000_000n === 0n : q.nano % 1_000_000_000n === 0n;
  return Number(scaled) + (exact || q.nano < 0n ? 0 : 1);
}

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} };
}

export function addList(r: Resources, list: Record<string, unknown> | undefined): Resources {
  for (const [name, value] of Object.entries(list ?? {})) {
    if (name === 'cpu') r.milliCPU += quantityValue(value, true);
    else if (name === 'memory') r.memory += quantityValue(value, false);
    else if (name === 'ephemeral-storage') r.ephemeralStorage += quantityValue(value, false);
    else if (name === 'pods') r.pods += quantityValue(value, false);
    else if (name.includes('/') || name.startsWith('hugepages-')) r.scalar[name] = (r.scalar[name] ?? 0) + quantityValue(value, false);
  }
  return r;
}

/** Adds (sign 1) or takes away (sign -1) one set of resources from another. */
export function addResources(into: Resources, r: Resources, sign: 1 | -1 = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  into.pods += sign * r.pods;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v;
}

function containerRequests(c: Container): Resources {
  // Requests default to limits when only limits are given (API defaulting may already have done it).
  return addList(emptyResources(), { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) });
}

function maxInto(r: Resources, other: Resources): void {
  r.milliCPU = Math.max(r.milliCPU, other.milliCPU);
  r.memory = Math.max(r.memory, other.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, other.ephemeralStorage);
  for (const [k, v] of Object.entries(other.scalar)) r.scalar[k] = Math.max(r.scalar[k] ?? 0, v);
}

/** A pod's effective request: the sum over containers, or the largest init container if bigger.
 * With useNonZeroDefaults, a container that requests no CPU or memory counts as the scorer's defaults. */
export function podRequests(pod: Pod, useNonZeroDefaults = false): Resources {
  const total = emptyResources();
  for (const c of pod.spec.containers ?? []) {
    const r = containerRequests(c);
    if (useNonZeroDefaults) {
      if (!('cpu' in (c.resources?.requests ?? {})) && !('cpu' in (c.resources?.limits ?? {}))) r.milliCPU = nonZeroDefaults.milliCPU;
      if (!('memory' in (c.resources?.requests ?? {})) && !('memory' in (c.resources?.limits ?? {}))) r.memory = nonZeroDefaults.memory;
    }
    addResources(total, r);
  }
  for (const c of pod.spec.initContainers ?? []) maxInto(total, containerRequests(c));
  return total;
}
