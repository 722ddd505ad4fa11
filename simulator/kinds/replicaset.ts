// ReplicaSet (apps/v1): replicas default to 1; selector required, non-empty, matching the
// template's labels, and fixed once created.
import type { FieldError, KindStrategy } from './strategy.ts';
import { ensureObject, objectAt } from './json.ts';
import { nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { podSpecDecodeError } from './pod.ts';
import { validateTemplateForReplicaSet, validateWorkloadSelector } from './pod-template.ts';
import { immutableSelector, keepSpec, keepStatus, nonNegative, resetStatus } from './workload-common.ts';
import { setDefault } from './json.ts';

function validateSpec(spec: unknown): FieldError[] {
  const errs = nonNegative(spec, 'replicas', 'spec.replicas');
  errs.push(...nonNegative(spec, 'minReadySeconds', 'spec.minReadySeconds'));
  const selector = objectAt(spec, 'selector');
  errs.push(...validateWorkloadSelector(selector, 'spec.selector'));
  errs.push(...validateTemplateForReplicaSet(objectAt(spec, 'template'), selector, 'spec.template'));
  return errs;
}

export const replicaSetStrategy: KindStrategy = {
  checkDecodable(obj) {
    return podSpecDecodeError(objectAt(objectAt(obj.spec, 'template'), 'spec'));
  },
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    setDefault(spec, 'replicas', 1);
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(obj) {
    resetStatus(obj, { replicas: 0 });
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateSpec(obj.spec)];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...validateSpec(obj.spec), ...immutableSelector(obj, old)];
  },
  validateStatusUpdate(obj, old) {
    const errs = validateObjectMetaUpdate(obj, old);
    const status = objectAt(obj, 'status');
    for (const f of ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration']) {
      errs.push(...nonNegative(status, f, `status.${f}`));
    }
    return errs;
  },
};
