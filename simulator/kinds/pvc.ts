// PersistentVolumeClaim: access modes and a positive storage request are required; the
// spec is fixed once created except for growing the request. Also the claim templates
// of StatefulSets, which share these rules.
import type { FieldError, KindStrategy } from './strategy.ts';
import { IMMUTABLE, forbidden, invalid, key, notSupported, required } from './field-errors.ts';
import { arrayAt, clone, deepEqual, ensureObject, isObject, objectAt, setDefault, stringAt, type JsonObject } from './json.ts';
import { nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { compareQuantities, formatQuantity, parseQuantity } from './quantity.ts';
import { validateLabelSelector } from './label-selector.ts';
import { keepSpec, keepStatus } from './workload-common.ts';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

export function defaultClaimSpec(spec: JsonObject): void {
  setDefault(spec, 'volumeMode', 'Filesystem');
}

export function validateClaimSpec(spec: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const modes = arrayAt(spec, 'accessModes').map(String);
  if (!modes.length) errs.push(required(`${path}.accessModes`, 'at least 1 access mode is required'));
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(notSupported(`${path}.accessModes`, m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    errs.push(forbidden(`${path}.accessModes`, 'may not use ReadWriteOncePod with other access modes'));
  }
  if (isObject(spec) && spec.selector !== undefined) errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const storage = objectAt(objectAt(spec, 'resources'), 'requests')?.storage;
  const storagePath = key(`${path}.resources`, 'storage');
  if (storage === undefined) errs.push(required(storagePath));
  else {
    const q = parseQuantity(storage);
    if (typeof q !== 'string' && q.nano <= 0n) errs.push(invalid(`${path}.resources.requests[storage]`, formatQuantity(q), 'must be greater than zero'));
  }
  const mode = stringAt(spec, 'volumeMode');
  if (mode !== undefined && mode !== 'Block' && mode !== 'Filesystem') errs.push(notSupported(`${path}.volumeMode`, mode, ['Block', 'Filesystem']));
  return errs;
}

export const pvcStrategy: KindStrategy = {
  applyDefaults(obj) {
    defaultClaimSpec(ensureObject(obj, 'spec'));
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateClaimSpec(obj.spec, 'spec')];
  },
  validateUpdate(obj, old) {
    const errs = [...validateObjectMetaUpdate(obj, old), ...validateClaimSpec(obj.spec, 'spec')];
    const next = clone(objectAt(obj, 'spec') ?? {});
    const prev = clone(objectAt(old, 'spec') ?? {});
    // Binding may fill volumeName once; a bound claim may change its storage request.
    if (!prev.volumeName) prev.volumeName = next.volumeName;
    const bound = stringAt(objectAt(obj, 'status'), 'phase') === 'Bound';
    const nextRequests = objectAt(objectAt(next, 'resources'), 'requests');
    if (bound && nextRequests) nextRequests.storage = objectAt(objectAt(prev, 'resources'), 'requests')?.storage;
    if (!deepEqual(next, prev)) {
      errs.push(forbidden('spec', `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${specDiff(prev, next)}`));
    }
    const newSize = parseQuantity(objectAt(objectAt(obj.spec, 'resources'), 'requests')?.storage);
    const oldSize = parseQuantity(objectAt(objectAt(old.spec, 'resources'), 'requests')?.storage);
    const capacity = parseQuantity(objectAt(objectAt(old, 'status'), 'capacity')?.storage ?? '0');
    if (typeof newSize !== 'string' && typeof oldSize !== 'string' && typeof capacity !== 'string') {
      if (compareQuantities(newSize, oldSize) < 0 && compareQuantities(newSize, capacity) <= 0) {
        errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
      }
    }
    const mode = stringAt(obj.spec, 'volumeMode');
    if (mode !== stringAt(old.spec, 'volumeMode')) errs.push(invalid('volumeMode', mode ?? null, IMMUTABLE));
    return errs;
  },
};

/** A short stand-in for the cmp.Diff upstream appends: the changed spec fields, old then new. */
function specDiff(prev: JsonObject, next: JsonObject): string {
  const lines = ['  core.PersistentVolumeClaimSpec{'];
  for (const k of [...new Set([...Object.keys(prev), ...Object.keys(next)])]) {
    if (deepEqual(prev[k], next[k])) continue;
    if (prev[k] !== undefined) lines.push(`- \t${k.charAt(0).toUpperCase()}${k.slice(1)}: ${JSON.stringify(prev[k])},`);
    if (next[k] !== undefined) lines.push(`+ \t${k.charAt(0).toUpperCase()}${k.slice(1)}: ${JSON.stringify(next[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

/** A StatefulSet's volumeClaimTemplates: defaulted like PVCs, with the PVC's kind and a Pending status. */
export function defaultClaimTemplates(templates: unknown[]): void {
  for (const t of templates) {
    if (!isObject(t)) continue;
    setDefault(t, 'apiVersion', 'v1');
    setDefault(t, 'kind', 'PersistentVolumeClaim');
    defaultClaimSpec(ensureObject(t, 'spec'));
    const status = ensureObject(t, 'status');
    setDefault(status, 'phase', 'Pending');
  }
}

