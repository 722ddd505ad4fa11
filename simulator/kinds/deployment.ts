// Deployment (apps/v1): defaults (1 replica, RollingUpdate 25%/25%, history 10, deadline 600 s),
// the selector/template rules it shares with ReplicaSet, and its rollout strategy checks.
import type { FieldError, KindStrategy } from './strategy.ts';
import { forbidden, invalid, notSupported, required } from './field-errors.ts';
import { goIntOrString } from './go-values.ts';
import { ensureObject, numberAt, objectAt, setDefault, stringAt } from './json.ts';
import { isValidPercent, nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { podSpecDecodeError } from './pod.ts';
import { validateTemplateForReplicaSet, validateWorkloadSelector } from './pod-template.ts';
import { immutableSelector, keepSpec, keepStatus, NEGATIVE, nonNegative, resetStatus } from './workload-common.ts';

/** An int-or-percent as upstream reads it: "25%" → 25, 3 → 3, anything else → 0. */
function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (isValidPercent(v).length === 0) return Number(v.slice(0, -1));
    return /^[-+]?\d+$/.test(v) ? Number(v) : 0;
  }
  return 0;
}

function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => invalid(path, v, msg, goIntOrString(v)));
  if (typeof v === 'number' && v < 0) return [invalid(path, v, NEGATIVE)];
  return [];
}

function validateRollingUpdate(ru: Record<string, unknown>, path: string): FieldError[] {
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`);
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(`${path}.maxUnavailable`, ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0', goIntOrString(ru.maxUnavailable)));
  }
  const mu = ru.maxUnavailable;
  if (typeof mu === 'string' && isValidPercent(mu).length === 0 && Number(mu.slice(0, -1)) > 100) {
    errs.push(invalid(`${path}.maxUnavailable`, mu, 'must not be greater than 100%', goIntOrString(mu)));
  }
  return errs;
}

function validateStrategy(strategy: unknown, path: string): FieldError[] {
  const type = stringAt(strategy, 'type') ?? '';
  const ru = objectAt(strategy, 'rollingUpdate');
  if (type === 'Recreate') {
    return ru ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    return ru ? validateRollingUpdate(ru, `${path}.rollingUpdate`) : [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
  }
  const rolling = ru ? '&apps.RollingUpdateDeployment{…}' : '(*apps.RollingUpdateDeployment)(nil)';
  return [notSupported(path, strategy, ['Recreate', 'RollingUpdate'])].map((e) => ({
    ...e,
    goValue: `apps.DeploymentStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${rolling}}`,
  }));
}

function validateSpec(spec: unknown): FieldError[] {
  const errs = nonNegative(spec, 'replicas', 'spec.replicas');
  const selector = objectAt(spec, 'selector');
  errs.push(...validateWorkloadSelector(selector, 'spec.selector'));
  errs.push(...validateTemplateForReplicaSet(objectAt(spec, 'template'), selector, 'spec.template'));
  errs.push(...validateStrategy(objectAt(spec, 'strategy'), 'spec.strategy'));
  errs.push(...nonNegative(spec, 'minReadySeconds', 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec, 'revisionHistoryLimit', 'spec.revisionHistoryLimit'));
  const deadline = numberAt(spec, 'progressDeadlineSeconds');
  if (deadline !== undefined) {
    errs.push(...nonNegative(spec, 'progressDeadlineSeconds', 'spec.progressDeadlineSeconds'));
    if (deadline <= (numberAt(spec, 'minReadySeconds') ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export const deploymentStrategy: KindStrategy = {
  checkDecodable(obj) {
    return podSpecDecodeError(objectAt(objectAt(obj.spec, 'template'), 'spec'));
  },
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    setDefault(spec, 'replicas', 1);
    const strategy = ensureObject(spec, 'strategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = ensureObject(strategy, 'rollingUpdate');
      setDefault(ru, 'maxUnavailable', '25%');
      setDefault(ru, 'maxSurge', '25%');
    }
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(obj) {
    resetStatus(obj);
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
    for (const f of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'observedGeneration']) {
      errs.push(...nonNegative(status, f, `status.${f}`));
    }
    return errs;
  },
};

