// Pod templates inside workloads (ReplicaSet, Deployment, StatefulSet, Job…): the template's
// own checks, and the rule that the controller's selector must select the template's labels.
import type { FieldError } from './strategy.ts';
import { forbidden, invalid, notSupported, required } from './field-errors.ts';
import { goLabelSelector, goStringMap } from './go-values.ts';
import { arrayAt, isObject, objectAt, stringMapAt } from './json.ts';
import { isEmptySelector, selectorMatches, validateLabelSelector, type LabelSelector } from './label-selector.ts';
import { validateAnnotations, validateLabels } from './object-meta.ts';
import { validatePodSpec } from './pod-spec-validation.ts';

/** ValidatePodTemplateSpec: note upstream reports template labels at `<path>.labels`, without `metadata`. */
export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const meta = objectAt(template, 'metadata');
  const errs = validateLabels(meta?.labels, `${path}.labels`);
  errs.push(...validateAnnotations(meta?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(objectAt(template, 'spec'), `${path}.spec`));
  if (arrayAt(objectAt(template, 'spec'), 'ephemeralContainers').length) {
    errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** A nil selector selects nothing (so it never matches); an empty one selects everything. */
export function templateMatchesSelector(selector: unknown, template: unknown): boolean {
  if (!isObject(selector)) return false;
  if (isEmptySelector(selector)) return true;
  return selectorMatches(selector as LabelSelector, stringMapAt(objectAt(template, 'metadata'), 'labels'));
}

/** The selector rules ReplicaSets and Deployments share: required, valid, not empty. */
export function validateWorkloadSelector(selector: unknown, path: string): FieldError[] {
  if (!isObject(selector)) return [required(path)];
  const errs = validateLabelSelector(selector, path);
  if (isEmptySelector(selector)) errs.push(invalid(path, selector, 'empty selector is invalid for deployment', goLabelSelector(selector as LabelSelector)));
  return errs;
}

export function selectorMismatch(template: unknown, path: string): FieldError {
  const labels = stringMapAt(objectAt(template, 'metadata'), 'labels');
  return invalid(`${path}.metadata.labels`, labels ?? null, '`selector` does not match template `labels`', goStringMap(labels));
}

/** ValidatePodTemplateSpecForReplicaSet: pods that restart forever, selected by the controller. */
export function validateTemplateForReplicaSet(template: unknown, selector: unknown, path: string): FieldError[] {
  if (!isObject(template)) return [required(path)];
  const errs: FieldError[] = [];
  if (!templateMatchesSelector(selector, template)) errs.push(selectorMismatch(template, path));
  errs.push(...validatePodTemplateSpec(template, path));
  const spec = objectAt(template, 'spec');
  const restart = spec?.restartPolicy;
  if (restart !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, restart ?? '', ['Always']));
  if (spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(`${path}.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}
