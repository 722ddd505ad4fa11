// Kinds with little to check beyond their metadata: ServiceAccount and Event.
import type { FieldError, KindStrategy } from './strategy.ts';
import { invalid, required } from './field-errors.ts';
import { arrayAt, objectAt, stringAt } from './json.ts';
import { nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';

export const serviceAccountStrategy: KindStrategy = {
  validateCreate(obj) {
    const errs = validateObjectMeta(obj, nameIsDNSSubdomain);
    arrayAt(obj, 'secrets').forEach((ref, i) => {
      if (!stringAt(ref, 'name')) errs.push(required(`secrets[${i}].name`));
    });
    return errs;
  },
  validateUpdate(obj, old) {
    return validateObjectMetaUpdate(obj, old);
  },
};

function validateEvent(obj: Parameters<NonNullable<KindStrategy['validateCreate']>>[0]): FieldError[] {
  const errs: FieldError[] = [];
  const involved = objectAt(obj, 'involvedObject');
  const ns = stringAt(involved, 'namespace') ?? '';
  const eventNs = obj.metadata.namespace ?? '';
  // An event about a namespaced object lives in that object's namespace.
  if (ns && eventNs && ns !== eventNs) errs.push(invalid('involvedObject.namespace', ns, 'does not match event.namespace'));
  return errs;
}

export const eventStrategy: KindStrategy = {
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateEvent(obj)];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...validateEvent(obj)];
  },
};
