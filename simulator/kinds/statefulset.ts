// StatefulSet (apps/v1): defaults (OrderedReady, RollingUpdate partition 0, Retain/Retain, 1
// replica, history 10), the selector/template rules, and the short list of spec fields an
// update may touch.
import type { FieldError, KindStrategy } from './strategy.ts';
import { forbidden, invalid, notSupported, required } from './field-errors.ts';
import { arrayAt, deepEqual, ensureObject, objectAt, setDefault, stringAt } from './json.ts';
import { nameIsDNSLabel } from './names.ts';
import { validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { podSpecDecodeError } from './pod.ts';
import { selectorMismatch, templateMatchesSelector } from './pod-template.ts';
import { defaultClaimTemplates } from './pvc.ts';
import { isEmptySelector, validateLabelSelector } from './label-selector.ts';
import { goLabelSelector } from './go-values.ts';
import { keepSpec, keepStatus, nonNegative, resetStatus } from './workload-common.ts';
import type { KubeObject } from '../machinery/types.ts';

const UPDATABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function validateSpec(spec: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const policy = stringAt(spec, 'podManagementPolicy') ?? '';
  if (!policy) errs.push(required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = objectAt(spec, 'updateStrategy');
  const type = stringAt(strategy, 'type') ?? '';
  if (!type) errs.push(required('spec.updateStrategy'));
  else if (type === 'OnDelete') {
    if (objectAt(strategy, 'rollingUpdate')) errs.push(invalid('spec.updateStrategy.rollingUpdate', strategy?.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (type === 'RollingUpdate') {
    errs.push(...nonNegative(objectAt(strategy, 'rollingUpdate'), 'partition', 'spec.updateStrategy.rollingUpdate.partition'));
  } else {
    errs.push(invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = objectAt(spec, 'persistentVolumeClaimRetentionPolicy');
  for (const f of ['whenDeleted', 'whenScaled']) {
    const v = stringAt(retention, f);
    if (v !== undefined && v !== 'Retain' && v !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, ['Retain', 'Delete']));
  }
  for (const f of ['replicas', 'minReadySeconds', 'revisionHistoryLimit']) errs.push(...nonNegative(spec, f, `spec.${f}`));
  const selector = objectAt(spec, 'selector');
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (isEmptySelector(selector)) errs.push(invalid('spec.selector', selector, 'empty selector is invalid for statefulset', goLabelSelector(selector)));
  }
  const template = objectAt(spec, 'template');
  if (!template) errs.push(required('spec.template'));
  else {
    if (!templateMatchesSelector(selector, template)) errs.push(selectorMismatch(template, 'spec.template'));
    // Upstream checks only the template's labels and annotations here, not its pod spec (a TODO there):
    // a broken pod spec surfaces later, when the controller creates Pods.
    const meta = objectAt(template, 'metadata');
    errs.push(...validateLabels(meta?.labels, 'spec.template.labels'), ...validateAnnotations(meta?.annotations, 'spec.template.annotations'));
    const tspec = objectAt(template, 'spec');
    const restart = tspec?.restartPolicy;
    if (restart !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', restart ?? '', ['Always']));
    if (tspec?.activeDeadlineSeconds !== undefined) {
      errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
    }
  }
  return errs;
}

function onlyUpdatableChanged(obj: KubeObject, old: KubeObject): FieldError[] {
  const next = { ...(objectAt(obj, 'spec') ?? {}) };
  const prev = { ...(objectAt(old, 'spec') ?? {}) };
  for (const f of UPDATABLE) {
    delete next[f];
    delete prev[f];
  }
  if (deepEqual(next, prev)) return [];
  return [
    forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

export const statefulSetStrategy: KindStrategy = {
  checkDecodable(obj) {
    return podSpecDecodeError(objectAt(objectAt(obj.spec, 'template'), 'spec'));
  },
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    setDefault(spec, 'podManagementPolicy', 'OrderedReady');
    const strategy = ensureObject(spec, 'updateStrategy');
    if (!strategy.type) {
      strategy.type = 'RollingUpdate';
      setDefault(strategy, 'rollingUpdate', {});
    }
    const ru = objectAt(strategy, 'rollingUpdate');
    if (strategy.type === 'RollingUpdate' && ru) setDefault(ru, 'partition', 0);
    const retention = ensureObject(spec, 'persistentVolumeClaimRetentionPolicy');
    setDefault(retention, 'whenDeleted', 'Retain');
    setDefault(retention, 'whenScaled', 'Retain');
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'revisionHistoryLimit', 10);
    defaultPodTemplate(spec.template);
    defaultClaimTemplates(arrayAt(spec, 'volumeClaimTemplates'));
  },
  prepareForCreate(obj) {
    resetStatus(obj, { replicas: 0, availableReplicas: 0 });
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  validateCreate(obj) {
    // Pod names are <statefulset>-<ordinal> and double as hostnames, so the name is a DNS label.
    return [...validateObjectMeta(obj, nameIsDNSLabel), ...validateSpec(obj.spec)];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...onlyUpdatableChanged(obj, old), ...validateSpec(obj.spec)];
  },
};
