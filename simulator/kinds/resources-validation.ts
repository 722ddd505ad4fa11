// A container's resources: names, non-negative quantities, and requests never above limits
// (`spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`).
import type { FieldError } from './strategy.ts';
import { forbidden, invalid, key, required } from './field-errors.ts';
import { isObject, objectAt } from './json.ts';
import { isQualifiedName } from './names.ts';
import { compareQuantities, formatQuantity, isIntegerQuantity, parseQuantity, type Quantity } from './quantity.ts';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}
/** Native resources live in the default namespace: no prefix, or a kubernetes.io prefix. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}
/** Extended resources (example.com/dongle) and hugepages cannot be overcommitted. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (errs.length) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNative(name) && name.startsWith('requests.')) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function quantitiesOf(list: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isObject(list)) return out;
  for (const [name, raw] of Object.entries(list)) {
    const q = parseQuantity(raw);
    if (typeof q !== 'string') out.set(name, q);
  }
  return out;
}

function validateQuantity(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.nano < 0n) errs.push(invalid(path, formatQuantity(q), 'must be greater than or equal to 0'));
  if (!isNative(name) && !isIntegerQuantity(q)) errs.push(invalid(path, formatQuantity(q), 'must be an integer'));
  return errs;
}

export function validateResourceRequirements(resources: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const limits = quantitiesOf(objectAt(resources, 'limits'));
  const requests = quantitiesOf(objectAt(resources, 'requests'));
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, q] of limits) {
    errs.push(...validateResourceName(name, key(limPath, name)));
    errs.push(...validateQuantity(name, q, key(limPath, name)));
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
    if (isHugePages(name)) hugePages = true;
  }
  for (const [name, q] of requests) {
    errs.push(...validateResourceName(name, key(reqPath, name)));
    errs.push(...validateQuantity(name, q, key(reqPath, name)));
    const limit = limits.get(name);
    if (limit) {
      const cmp = compareQuantities(q, limit);
      if (cmp !== 0 && !overcommitAllowed(name)) {
        errs.push(invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(limit)}`));
      } else if (cmp > 0) {
        errs.push(invalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
    if (isHugePages(name)) hugePages = true;
  }
  if (hugePages && !cpuOrMemory) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

/** The first quantity in a container's resources that does not even parse (a 400 decode error upstream). */
export function unparsableQuantity(resources: unknown): string | undefined {
  for (const list of ['limits', 'requests']) {
    const values = objectAt(resources, list);
    if (!values) continue;
    for (const raw of Object.values(values)) {
      const q = parseQuantity(raw);
      if (typeof q === 'string') return q;
    }
  }
  return undefined;
}
