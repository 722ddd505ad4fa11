// ResourceQuota: every hard limit names a resource quota understands and is a non-negative
// quantity (whole numbers for object counts); scopes are known ones. Status belongs to the
// quota controller.
import type { FieldError, KindStrategy } from './strategy.ts';
import { invalid, key, notSupported } from './field-errors.ts';
import { arrayAt, isObject, objectAt, stringAt } from './json.ts';
import { isQualifiedName, nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { formatQuantity, isIntegerQuantity, parseQuantity } from './quantity.ts';
import { keepSpec, keepStatus } from './workload-common.ts';

const COUNTS = ['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers'];
const COMPUTE = ['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage'];
const SCOPES = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'];

function isCountResource(name: string): boolean {
  return COUNTS.includes(name) || name.startsWith('count/');
}

function isQuotaResource(name: string): boolean {
  if (COUNTS.includes(name) || COMPUTE.includes(name)) return true;
  if (name.startsWith('count/') || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-')) return true;
  if (/\.storageclass\.storage\.k8s\.io\/(requests\.storage|persistentvolumeclaims)$/.test(name)) return true;
  // Extended resources are quota'd as requests.<domain>/<name>.
  return name.startsWith('requests.') && name.includes('/');
}

function validateHard(hard: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(hard)) return errs;
  for (const [name, raw] of Object.entries(hard)) {
    const p = key(path, name);
    for (const msg of isQualifiedName(name)) errs.push(invalid(p, name, msg));
    if (!isQuotaResource(name)) errs.push(invalid(p, name, 'must be a standard resource for quota'));
    const q = parseQuantity(raw);
    if (typeof q === 'string') continue;
    if (q.nano < 0n) errs.push(invalid(p, formatQuantity(q), 'must be greater than or equal to 0'));
    if (isCountResource(name) && !isIntegerQuantity(q)) errs.push(invalid(p, formatQuantity(q), 'must be an integer'));
  }
  return errs;
}

function validateSpec(spec: unknown): FieldError[] {
  const errs = validateHard(objectAt(spec, 'hard'), 'spec.hard');
  for (const scope of arrayAt(spec, 'scopes').map(String)) {
    if (!SCOPES.includes(scope)) errs.push(notSupported('spec.scopes', scope, SCOPES));
  }
  arrayAt(objectAt(spec, 'scopeSelector'), 'matchExpressions').forEach((expr, i) => {
    const scope = stringAt(expr, 'scopeName') ?? '';
    if (!SCOPES.includes(scope)) errs.push(notSupported(`spec.scopeSelector.matchExpressions[${i}].scopeName`, scope, SCOPES));
  });
  return errs;
}

export const resourceQuotaStrategy: KindStrategy = {
  checkDecodable(obj) {
    const hard = objectAt(obj.spec, 'hard');
    for (const raw of Object.values(hard ?? {})) {
      const q = parseQuantity(raw);
      if (typeof q === 'string') return q;
    }
    return undefined;
  },
  prepareForCreate(obj) {
    obj.status = {};
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
    return [...validateObjectMetaUpdate(obj, old), ...validateSpec(obj.spec)];
  },
  validateStatusUpdate(obj, old) {
    const status = objectAt(obj, 'status');
    return [...validateObjectMetaUpdate(obj, old), ...validateHard(objectAt(status, 'hard'), 'status.hard'), ...validateHard(objectAt(status, 'used'), 'status.used')];
  },
};
