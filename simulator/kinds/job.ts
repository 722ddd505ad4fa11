// Job (batch/v1): defaults (completions/parallelism 1, backoffLimit 6, NonIndexed, suspend false),
// the generated selector on the job's uid with its template labels, restartPolicy OnFailure or Never,
// and a selector and template that stay as they were.
import type { KubeObject } from '../machinery/types.ts';
import type { FieldError, KindStrategy } from './strategy.ts';
import { IMMUTABLE, invalid, notSupported, required } from './field-errors.ts';
import { goStringMap } from './go-values.ts';
import { deepEqual, ensureObject, isObject, numberAt, objectAt, setDefault, stringAt, stringMapAt, type JsonObject } from './json.ts';
import { isDNS1123Label, nameIsDNSSubdomain } from './names.ts';
import { validateLabelSelector } from './label-selector.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { podSpecDecodeError } from './pod.ts';
import { selectorMismatch, templateMatchesSelector, validatePodTemplateSpec } from './pod-template.ts';
import { immutableSelector, keepSpec, keepStatus, nonNegative, resetStatus } from './workload-common.ts';

const JOB_NAME = 'batch.kubernetes.io/job-name';
const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
const LEGACY_JOB_NAME = 'job-name';
const LEGACY_CONTROLLER_UID = 'controller-uid';
const MAX_PARALLELISM_INDEXED = 100000;

/** Defaults of a JobSpec that only a Job (not a CronJob's jobTemplate) gets. */
function defaultJob(obj: KubeObject): void {
  const spec = ensureObject(obj, 'spec');
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'manualSelector', false);
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed');
  const templateLabels = stringMapAt(objectAt(spec.template, 'metadata'), 'labels');
  if (templateLabels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...templateLabels };
  defaultPodTemplate(spec.template);
}

/** Pods of this Job carry its name and uid; the selector picks the uid (upstream generateSelector). */
function generateSelector(obj: KubeObject): void {
  const spec = ensureObject(obj, 'spec');
  if (spec.manualSelector === true) return;
  const template = ensureObject(spec, 'template');
  const meta = ensureObject(template, 'metadata');
  const labels = (isObject(meta.labels) ? meta.labels : (meta.labels = {})) as JsonObject;
  const name = obj.metadata.name ?? '';
  const uid = obj.metadata.uid ?? '';
  for (const k of [LEGACY_JOB_NAME, JOB_NAME]) setDefault(labels, k, name);
  for (const k of [LEGACY_CONTROLLER_UID, CONTROLLER_UID]) setDefault(labels, k, uid);
  const selector = ensureObject(spec, 'selector');
  const matchLabels = ensureObject(selector, 'matchLabels');
  setDefault(matchLabels, CONTROLLER_UID, uid);
}

export function validateJobSpec(spec: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished']) errs.push(...nonNegative(spec, f, `${path}.${f}`));
  const deadline = numberAt(spec, 'activeDeadlineSeconds');
  if (deadline !== undefined && deadline <= 0) errs.push(invalid(`${path}.activeDeadlineSeconds`, deadline, 'must be greater than zero'));
  const mode = stringAt(spec, 'completionMode');
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (numberAt(spec, 'completions') === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
      const p = numberAt(spec, 'parallelism');
      if (p !== undefined && p > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(`${path}.parallelism`, p, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  const prp = stringAt(spec, 'podReplacementPolicy');
  if (prp !== undefined && prp !== 'TerminatingOrFailed' && prp !== 'Failed') {
    errs.push(notSupported(`${path}.podReplacementPolicy`, prp, ['Failed', 'TerminatingOrFailed']));
  }
  const template = objectAt(spec, 'template');
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  const restart = stringAt(objectAt(template, 'spec'), 'restartPolicy') ?? '';
  const rp = `${path}.template.spec.restartPolicy`;
  if (restart === 'Always' || restart === '') errs.push(required(rp, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupported(rp, restart, ['OnFailure', 'Never']));
  else if (objectAt(spec, 'podFailurePolicy') && restart !== 'Never') errs.push(invalid(rp, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function hasLabel(template: unknown, key: string, expected: string): FieldError[] {
  const labels = stringMapAt(objectAt(template, 'metadata'), 'labels') ?? {};
  const path = `spec.template.metadata.labels[${key}]`;
  if (!(key in labels)) return [required(path, `must be '${expected}'`)];
  if (labels[key] !== expected) return [invalid(path, labels, `must be '${expected}'`, goStringMap(labels))];
  return [];
}

function validateJob(obj: KubeObject): FieldError[] {
  const spec = objectAt(obj, 'spec');
  const errs = validateObjectMeta(obj, nameIsDNSSubdomain);
  if (spec?.manualSelector !== true) {
    if (!obj.metadata.uid) errs.push(required('metadata.uid'));
    errs.push(...hasLabel(spec?.template, LEGACY_CONTROLLER_UID, obj.metadata.uid ?? ''));
    errs.push(...hasLabel(spec?.template, LEGACY_JOB_NAME, obj.metadata.name ?? ''));
  }
  errs.push(...validateJobSpec(spec, 'spec'));
  const selector = objectAt(spec, 'selector');
  if (!selector) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(selector, 'spec.selector'));
  if (!templateMatchesSelector(selector, spec?.template)) errs.push(selectorMismatch(spec?.template, 'spec.template'));
  const completions = numberAt(spec, 'completions');
  if (spec?.completionMode === 'Indexed' && completions !== undefined && completions > 0) {
    const hostname = `${obj.metadata.name}-${completions - 1}`;
    if (isDNS1123Label(hostname).length) {
      errs.push(invalid('metadata.name', obj.metadata.name, `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

export const jobStrategy: KindStrategy = {
  checkDecodable(obj) {
    return podSpecDecodeError(objectAt(objectAt(obj.spec, 'template'), 'spec'));
  },
  applyDefaults(obj) {
    defaultJob(obj);
  },
  prepareForCreate(obj) {
    resetStatus(obj);
    generateSelector(obj);
    // Reading the stored Job defaults its labels from the (now generated) template labels.
    const templateLabels = stringMapAt(objectAt(objectAt(obj.spec, 'template'), 'metadata'), 'labels');
    if (templateLabels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...templateLabels };
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  validateCreate(obj) {
    return validateJob(obj);
  },
  validateUpdate(obj, old) {
    const errs = [...validateObjectMetaUpdate(obj, old), ...validateJobSpec(obj.spec, 'spec'), ...immutableSelector(obj, old)];
    const spec = objectAt(obj, 'spec');
    const oldSpec = objectAt(old, 'spec');
    // A suspended Job that never started may change its template's scheduling directives; we allow any change then.
    const mutable = oldSpec?.suspend === true && spec?.suspend === true;
    if (!mutable && !deepEqual(spec?.template, oldSpec?.template)) {
      errs.push(invalid('spec.template', spec?.template, IMMUTABLE, 'core.PodTemplateSpec{…}'));
    }
    if (spec?.completionMode !== oldSpec?.completionMode) errs.push(invalid('spec.completionMode', spec?.completionMode, IMMUTABLE));
    // Only an Indexed Job scaled with completions == parallelism may change its completions.
    const elastic = spec?.completionMode === 'Indexed' && spec?.completions === spec?.parallelism;
    if (spec?.completions !== oldSpec?.completions && !elastic) errs.push(invalid('spec.completions', spec?.completions ?? null, IMMUTABLE));
    return errs;
  },
};
