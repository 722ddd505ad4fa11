// Node: a DNS-subdomain name, taints with valid keys and effects, unique per key and effect.
// Nodes keep the status they are registered with (the kubelet sends it on create).
import type { FieldError, KindStrategy } from './strategy.ts';
import { duplicate, invalid, required } from './field-errors.ts';
import { arrayAt, isObject, objectAt, stringAt } from './json.ts';
import { isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { validateTaintEffect } from './pod-spec-validation.ts';
import { keepSpec, keepStatus } from './workload-common.ts';

function validateTaints(taints: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = stringAt(t, 'key') ?? '';
    if (!key) errs.push(required(`${p}.key`));
    else for (const msg of isQualifiedName(key)) errs.push(invalid(`${p}.key`, key, msg));
    const value = stringAt(t, 'value') ?? '';
    for (const msg of isValidLabelValue(value)) errs.push(invalid(`${p}.value`, value, msg));
    const effect = stringAt(t, 'effect') ?? '';
    errs.push(...validateTaintEffect(effect, false, `${p}.effect`));
    const id = `${key}:${effect}`;
    if (seen.has(id)) errs.push({ ...duplicate(p, t), detail: 'taints must be unique by key and effect pair' });
    seen.add(id);
  });
  return errs;
}

export const nodeStrategy: KindStrategy = {
  applyDefaults(obj) {
    // Allocatable starts as a copy of capacity when the kubelet reports only capacity.
    const status = objectAt(obj, 'status');
    if (status && isObject(status.capacity) && status.allocatable === undefined) status.allocatable = { ...status.capacity };
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateTaints(arrayAt(obj.spec, 'taints'), 'spec.taints')];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...validateTaints(arrayAt(obj.spec, 'taints'), 'spec.taints')];
  },
  validateStatusUpdate(obj, old) {
    return validateObjectMetaUpdate(obj, old);
  },
};
