// What may change in a running Pod (upstream ValidatePodUpdate): container images,
// activeDeadlineSeconds (only shorter), added tolerations, removed scheduling gates — nothing else.
import type { FieldError } from './strategy.ts';
import { forbidden, invalid, required } from './field-errors.ts';
import { arrayAt, clone, deepEqual, isObject, numberAt, stringAt, type JsonObject } from './json.ts';
import { inclusiveRangeError } from './names.ts';
import { validateTolerations } from './pod-spec-validation.ts';

const MAX_INT32 = 2147483647;

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,' +
  '`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function containerUpdates(next: unknown[], prev: unknown[], path: string): { errs: FieldError[]; stop: boolean } {
  if (next.length !== prev.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  next.forEach((c, i) => {
    const image = stringAt(c, 'image') ?? '';
    if (!image) errs.push(required(`${path}[${i}].image`));
    if (image.trim().length !== image.length) errs.push(invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function onlyAddedTolerations(next: unknown[], prev: unknown[], path: string): FieldError[] {
  for (const old of prev) {
    // tolerationSeconds may change; everything else about an existing toleration must stay.
    const found = next.some((t) => isObject(t) && isObject(old) && deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

/** Go field names for the diff upstream appends (cmp.Diff of core.PodSpec); ours lists changed fields only. */
function goFieldName(jsonName: string): string {
  return jsonName.charAt(0).toUpperCase() + jsonName.slice(1);
}

function specDiff(old: JsonObject, munged: JsonObject): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(munged)])];
  const lines = ['  core.PodSpec{'];
  for (const k of keys) {
    if (deepEqual(old[k], munged[k])) continue;
    if (old[k] !== undefined) lines.push(`- \t${goFieldName(k)}: ${JSON.stringify(old[k])},`);
    if (munged[k] !== undefined) lines.push(`+ \t${goFieldName(k)}: ${JSON.stringify(munged[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

export function validatePodSpecUpdate(nextSpec: unknown, prevSpec: unknown): FieldError[] {
  const next = isObject(nextSpec) ? nextSpec : {};
  const prev = isObject(prevSpec) ? prevSpec : {};
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers']) {
    const r = containerUpdates(arrayAt(next, list), arrayAt(prev, list), `spec.${list}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const deadline = numberAt(next, 'activeDeadlineSeconds');
  const oldDeadline = numberAt(prev, 'activeDeadlineSeconds');
  if (deadline !== undefined) {
    if (deadline < 0 || deadline > MAX_INT32) {
      errs.push(invalid('spec.activeDeadlineSeconds', deadline, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldDeadline !== undefined && oldDeadline < deadline) {
      errs.push(invalid('spec.activeDeadlineSeconds', deadline, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldDeadline !== undefined) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(arrayAt(next, 'tolerations'), arrayAt(prev, 'tolerations'), 'spec.tolerations'));
  const oldGates = arrayAt(prev, 'schedulingGates');
  for (const gate of arrayAt(next, 'schedulingGates')) {
    if (!oldGates.some((g) => deepEqual(g, gate))) {
      errs.push(forbidden('spec.schedulingGates', 'only deletion is allowed, but found new scheduling gate ' + JSON.stringify(stringAt(gate, 'name') ?? '')));
    }
  }
  if (deepEqual(next, prev)) return errs;

  // Put back what may change, then anything still different is forbidden.
  const munged = clone(next);
  for (const list of ['containers', 'initContainers']) {
    const prevList = arrayAt(prev, list);
    arrayAt(munged, list).forEach((c, i) => {
      if (isObject(c)) c.image = stringAt(prevList[i], 'image');
    });
  }
  for (const f of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations']) {
    if (prev[f] === undefined) delete munged[f];
    else munged[f] = prev[f];
  }
  const oldGrace = numberAt(prev, 'terminationGracePeriodSeconds');
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  if (!deepEqual(munged, prev)) errs.push(forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(prev, munged)}`));
  return errs;
}
