// DaemonSet (apps/v1): defaults (RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10)
// and the selector/template rules ReplicaSets also follow.
import type { FieldError, KindStrategy } from './strategy.ts';
import { forbidden, invalid, notSupported, required } from './field-errors.ts';
import { goIntOrString, goLabelSelector } from './go-values.ts';
import { ensureObject, objectAt, setDefault, stringAt } from './json.ts';
import { isEmptySelector, validateLabelSelector } from './label-selector.ts';
import { isValidPercent, nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { podSpecDecodeError } from './pod.ts';
import { selectorMismatch, templateMatchesSelector, validatePodTemplateSpec } from './pod-template.ts';
import { immutableSelector, keepSpec, keepStatus, NEGATIVE, nonNegative, resetStatus } from './workload-common.ts';

function intOrPercentErrors(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => invalid(path, v, msg, goIntOrString(v)));
  return typeof v === 'number' && v < 0 ? [invalid(path, v, NEGATIVE)] : [];
}
function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  return typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : 0;
}

function validateSpec(spec: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const selector = objectAt(spec, 'selector');
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (isEmptySelector(selector)) errs.push(invalid('spec.selector', selector, 'empty selector is invalid for daemonset', goLabelSelector(selector)));
  }
  const template = objectAt(spec, 'template');
  if (!templateMatchesSelector(selector, template)) errs.push(selectorMismatch(template, 'spec.template'));
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const tspec = objectAt(template, 'spec');
  if (tspec?.restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', tspec?.restartPolicy ?? '', ['Always']));
  if (tspec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative(spec, 'minReadySeconds', 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec, 'revisionHistoryLimit', 'spec.revisionHistoryLimit'));
  const strategy = objectAt(spec, 'updateStrategy');
  const type = stringAt(strategy, 'type') ?? '';
  if (type === 'RollingUpdate') {
    const ru = objectAt(strategy, 'rollingUpdate');
    if (!ru) errs.push(required('spec.updateStrategy.rollingUpdate'));
    else {
      errs.push(...intOrPercentErrors(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
      errs.push(...intOrPercentErrors(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge'));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0', goIntOrString(ru.maxUnavailable)));
      }
    }
  } else if (type !== 'OnDelete') {
    errs.push(notSupported('spec.updateStrategy.type', type, ['OnDelete', 'RollingUpdate']));
  }
  return errs;
}

export const daemonSetStrategy: KindStrategy = {
  checkDecodable(obj) {
    return podSpecDecodeError(objectAt(objectAt(obj.spec, 'template'), 'spec'));
  },
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    const strategy = ensureObject(spec, 'updateStrategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = ensureObject(strategy, 'rollingUpdate');
      setDefault(ru, 'maxUnavailable', 1);
      setDefault(ru, 'maxSurge', 0);
    }
    setDefault(spec, 'revisionHistoryLimit', 10);
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(obj) {
    resetStatus(obj, { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
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
};
