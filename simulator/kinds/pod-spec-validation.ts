// A whole pod spec (upstream ValidatePodSpec), shared by Pods and every pod template.
import type { FieldError } from './strategy.ts';
import { duplicate, invalid, notSupported, required } from './field-errors.ts';
import { arrayAt, isObject, numberAt, stringAt } from './json.ts';
import { inclusiveRangeError, isDNS1123Label, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './names.ts';
import { validateLabels } from './object-meta.ts';
import { validateContainers, validateInitContainers } from './container-validation.ts';
import { validateVolumes } from './volume-validation.ts';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

export function validateTaintEffect(effect: string, allowEmpty: boolean, path: string): FieldError[] {
  if (!effect) return allowEmpty ? [] : [required(path)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

export function validateTolerations(tolerations: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = stringAt(t, 'key') ?? '';
    const operator = stringAt(t, 'operator') ?? '';
    const value = stringAt(t, 'value') ?? '';
    const effect = stringAt(t, 'effect') ?? '';
    if (key) for (const msg of isQualifiedName(key)) errs.push(invalid(`${p}.key`, key, msg));
    if (!key && operator !== 'Exists') {
      errs.push(invalid(`${p}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (numberAt(t, 'tolerationSeconds') !== undefined && effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      for (const msg of isValidLabelValue(value)) errs.push(invalid(`${p}.operator`, value, msg));
    } else if (operator === 'Exists') {
      if (value) errs.push(invalid(`${p}.operator`, t, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${p}.operator`, operator, ['Equal', 'Exists']));
    }
    if (effect) errs.push(...validateTaintEffect(effect, true, `${p}.effect`));
  });
  return errs;
}

export function validatePodSpec(spec: unknown, path: string): FieldError[] {
  const s = isObject(spec) ? spec : {};
  const errs: FieldError[] = [];
  if (numberAt(s, 'terminationGracePeriodSeconds') === undefined) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const { names: volumes, errors: volumeErrors } = validateVolumes(arrayAt(s, 'volumes'), `${path}.volumes`);
  errs.push(...volumeErrors);
  const containers = arrayAt(s, 'containers');
  errs.push(...validateContainers(containers, volumes, `${path}.containers`, numberAt(s, 'terminationGracePeriodSeconds')));
  errs.push(...validateInitContainers(arrayAt(s, 'initContainers'), containers, volumes, `${path}.initContainers`, numberAt(s, 'terminationGracePeriodSeconds')));

  const restart = stringAt(s, 'restartPolicy') ?? '';
  if (!restart) errs.push(required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(restart)) errs.push(notSupported(`${path}.restartPolicy`, restart, RESTART_POLICIES));
  const dns = stringAt(s, 'dnsPolicy') ?? '';
  if (!dns) errs.push(required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(`${path}.dnsPolicy`, dns, DNS_POLICIES));
  if (dns === 'None' && !isObject(s.dnsConfig)) {
    errs.push(required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));

  for (const [field, value] of [['serviceAccountName', s.serviceAccountName], ['nodeName', s.nodeName], ['priorityClassName', s.priorityClassName]] as const) {
    if (typeof value === 'string' && value) for (const msg of nameIsDNSSubdomain(value, false)) errs.push(invalid(`${path}.${field}`, value, msg));
  }
  const deadline = numberAt(s, 'activeDeadlineSeconds');
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, deadline, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const field of ['hostname', 'subdomain']) {
    const v = stringAt(s, field);
    if (v) for (const msg of isDNS1123Label(v)) errs.push(invalid(`${path}.${field}`, v, msg));
  }
  errs.push(...validateTolerations(arrayAt(s, 'tolerations'), `${path}.tolerations`));
  const preemption = stringAt(s, 'preemptionPolicy');
  if (preemption === '') errs.push(required(`${path}.preemptionPolicy`));
  else if (preemption !== undefined && preemption !== 'Never' && preemption !== 'PreemptLowerPriority') {
    errs.push(notSupported(`${path}.preemptionPolicy`, preemption, ['PreemptLowerPriority', 'Never']));
  }
  arrayAt(s, 'imagePullSecrets').forEach((ref, i) => {
    if (!stringAt(ref, 'name')) errs.push(required(`${path}.imagePullSecrets[${i}].name`));
  });
  const os = stringAt(isObject(s.os) ? s.os : undefined, 'name');
  if (isObject(s.os) && os !== 'linux' && os !== 'windows') {
    errs.push(notSupported(`${path}.os.name`, os ?? '', ['linux', 'windows']));
  }
  const gates = new Set<string>();
  arrayAt(s, 'schedulingGates').forEach((gate, i) => {
    const name = stringAt(gate, 'name') ?? '';
    for (const msg of isQualifiedName(name)) errs.push(invalid(`${path}.schedulingGates[${i}]`, name, msg));
    if (gates.has(name)) errs.push(duplicate(`${path}.schedulingGates[${i}]`, name));
    gates.add(name);
  });
  return errs;
}
