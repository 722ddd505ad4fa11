// Pod: defaults, admission (token volume, tolerations, priority), validation, and the
// registry's preparation (status Pending with its QoS class; status kept on spec updates).
import type { FieldError, KindStrategy } from './strategy.ts';
import { IMMUTABLE, forbidden, invalid } from './field-errors.ts';
import { arrayAt, isObject, objectAt, stringAt } from './json.ts';
import { nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { admitPod } from './pod-admission.ts';
import { defaultPod } from './pod-defaults.ts';
import { validatePodSpec } from './pod-spec-validation.ts';
import { validatePodSpecUpdate } from './pod-update.ts';
import { podQOSClass } from './qos.ts';
import { unparsableQuantity } from './resources-validation.ts';

/** The first quantity in any container of a pod spec that does not parse. */
export function podSpecDecodeError(spec: unknown): string | undefined {
  for (const list of ['containers', 'initContainers']) {
    for (const c of arrayAt(spec, list)) {
      const bad = unparsableQuantity(objectAt(c, 'resources'));
      if (bad) return bad;
    }
  }
  return undefined;
}

/** Checks upstream makes for Pods but not for pod templates (kept lax there for old objects). */
function podOnlyErrors(spec: unknown): FieldError[] {
  const errs: FieldError[] = [];
  if (!stringAt(spec, 'serviceAccountName')) {
    arrayAt(spec, 'volumes').forEach((v, vi) => {
      arrayAt(objectAt(v, 'projected'), 'sources').forEach((src, si) => {
        if (objectAt(src, 'serviceAccountToken')) {
          errs.push(forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  for (const list of ['containers', 'initContainers']) {
    arrayAt(spec, list).forEach((c, i) => {
      const image = stringAt(c, 'image') ?? '';
      if (image.trim() !== image) errs.push(invalid(`spec.${list}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

function schedulingGatedStatus(spec: unknown): Record<string, unknown>[] | undefined {
  if (arrayAt(spec, 'schedulingGates').length === 0) return undefined;
  return [
    {
      type: 'PodScheduled',
      status: 'False',
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
      lastProbeTime: null,
      lastTransitionTime: null,
    },
  ];
}

export const podStrategy: KindStrategy = {
  checkDecodable(obj) {
    return podSpecDecodeError(obj.spec);
  },
  applyDefaults(obj) {
    defaultPod(obj);
  },
  admitCreate(obj, ctx) {
    return admitPod(obj, ctx);
  },
  prepareForCreate(obj, ctx) {
    admitPod(obj, ctx); // idempotent: a no-op when the store already ran admitCreate
    const status: Record<string, unknown> = { phase: 'Pending', qosClass: podQOSClass(obj.spec) };
    const conditions = schedulingGatedStatus(obj.spec);
    if (conditions) status.conditions = conditions;
    obj.status = status;
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
    const qos = stringAt(old.status, 'qosClass');
    if (qos && isObject(obj.status) && obj.status.qosClass === undefined) obj.status.qosClass = qos;
  },
  validateCreate(obj) {
    const errs: FieldError[] = validateObjectMeta(obj, nameIsDNSSubdomain);
    errs.push(...validatePodSpec(obj.spec, 'spec'), ...podOnlyErrors(obj.spec));
    if (arrayAt(obj.spec, 'ephemeralContainers').length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
    return errs;
  },
  validateUpdate(obj, old) {
    const errs = validateObjectMetaUpdate(obj, old);
    errs.push(...validatePodSpec(obj.spec, 'spec'), ...podOnlyErrors(obj.spec));
    errs.push(...validatePodSpecUpdate(obj.spec, old.spec));
    return errs;
  },
  validateStatusUpdate(obj, old) {
    const errs = validateObjectMetaUpdate(obj, old);
    if (stringAt(obj.spec, 'nodeName') !== stringAt(old.spec, 'nodeName')) errs.push(forbidden('status.nodeName', 'may not be changed directly'));
    // Upstream compares even an absent qosClass; writers here often send partial status, so only a changed one is refused.
    const qos = stringAt(obj.status, 'qosClass');
    if (qos !== undefined && qos !== stringAt(old.status, 'qosClass')) errs.push(invalid('status.qosClass', qos, IMMUTABLE));
    return errs;
  },
};
