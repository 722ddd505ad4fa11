// Namespace: a DNS-label name, the kubernetes.io/metadata.name label always equal to it,
// the `kubernetes` finalizer added on create, phase Active; finalizers and status are not
// changed by ordinary updates (they have their own subresources).
import type { FieldError, KindStrategy } from './strategy.ts';
import { invalid } from './field-errors.ts';
import { arrayAt, ensureObject } from './json.ts';
import { isQualifiedName, nameIsDNSLabel } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import type { KubeObject } from '../machinery/types.ts';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function ensureNameLabel(obj: KubeObject): void {
  const name = obj.metadata.name;
  if (!name) return;
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

function validateSpecFinalizers(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of arrayAt(obj.spec, 'finalizers')) {
    const name = String(f);
    const msgs = isQualifiedName(name);
    for (const msg of msgs) errs.push(invalid('spec.finalizers', name, msg));
    if (!msgs.length && !name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      errs.push(invalid('spec.finalizers', name, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

export const namespaceStrategy: KindStrategy = {
  applyDefaults(obj) {
    ensureNameLabel(obj);
    const status = ensureObject(obj, 'status');
    if (!status.phase) status.phase = 'Active';
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Active' };
    const spec = ensureObject(obj, 'spec');
    const finalizers = arrayAt(spec, 'finalizers').map(String);
    if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes');
    spec.finalizers = finalizers;
    ensureNameLabel(obj); // the name may have just been generated
  },
  prepareForUpdate(obj, old) {
    obj.spec = { ...ensureObject(obj, 'spec'), finalizers: arrayAt(old.spec, 'finalizers') };
    obj.status = old.status;
    ensureNameLabel(obj);
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSLabel), ...validateSpecFinalizers(obj)];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...validateSpecFinalizers(obj)];
  },
  validateStatusUpdate(obj, old) {
    return validateObjectMetaUpdate(obj, old);
  },
};
