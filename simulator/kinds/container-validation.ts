// One container's checks (upstream validateContainerCommon and the probe/port/env helpers):
// the messages a learner meets most, like `spec.containers[0].image: Required value`.
import type { FieldError } from './strategy.ts';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './field-errors.ts';
import { arrayAt, isObject, numberAt, objectAt, stringAt } from './json.ts';
import {
  isConfigMapKey,
  isDNS1123Label,
  isRelaxedEnvVarName,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
} from './names.ts';
import { validateResourceRequirements } from './resources-validation.ts';

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP']; // sorted, as upstream lists them
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const NEGATIVE = 'must be greater than or equal to 0';

export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((msg) => invalid(path, port, msg));
  const n = typeof port === 'number' ? port : 0;
  return isValidPortNum(n).map((msg) => invalid(path, n, msg));
}

function validateContainerPorts(ports: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = stringAt(port, 'name') ?? '';
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const msg of msgs) errs.push(invalid(`${p}.name`, name, msg));
      else if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const containerPort = numberAt(port, 'containerPort') ?? 0;
    if (containerPort === 0) errs.push(required(`${p}.containerPort`));
    else for (const msg of isValidPortNum(containerPort)) errs.push(invalid(`${p}.containerPort`, containerPort, msg));
    const hostPort = numberAt(port, 'hostPort') ?? 0;
    if (hostPort !== 0) for (const msg of isValidPortNum(hostPort)) errs.push(invalid(`${p}.hostPort`, hostPort, msg));
    const protocol = stringAt(port, 'protocol') ?? '';
    if (!protocol) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${p}.protocol`, protocol, PROTOCOLS));
  });
  return errs;
}

// What a Pod's env may read through fieldRef (sorted, as upstream lists them in the error).
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
// Every field label the downward API knows at all; others fail conversion first.
const KNOWN_FIELD_LABELS = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs',
  'status.podIP', 'status.podIPs',
]);

export function validateFieldRef(ref: unknown, path: string, allowed: readonly string[] = ENV_FIELD_PATHS): FieldError[] {
  const apiVersion = stringAt(ref, 'apiVersion') ?? '';
  const fieldPath = stringAt(ref, 'fieldPath') ?? '';
  if (!apiVersion) return [required(`${path}.apiVersion`)];
  if (!fieldPath) return [required(`${path}.fieldPath`)];
  const subscript = /^(metadata\.(?:labels|annotations))\['([^']*)'\]$/.exec(fieldPath);
  if (subscript) return [];
  if (!KNOWN_FIELD_LABELS.has(fieldPath)) {
    return [invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: field label not supported: ${fieldPath}`)];
  }
  if (!allowed.includes(fieldPath)) return [notSupported(`${path}.fieldPath`, fieldPath, allowed)];
  return [];
}

function validateKeySelector(ref: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = stringAt(ref, 'name') ?? '';
  for (const msg of nameIsDNSSubdomain(name, false)) errs.push(invalid(`${path}.name`, name, msg));
  const k = stringAt(ref, 'key') ?? '';
  if (!k) errs.push(required(`${path}.key`));
  else for (const msg of isConfigMapKey(k)) errs.push(invalid(`${path}.key`, k, msg));
  return errs;
}

function validateEnv(env: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const p = `${path}[${i}]`;
    const name = stringAt(ev, 'name') ?? '';
    if (!name) errs.push(required(`${p}.name`));
    else for (const msg of isRelaxedEnvVarName(name)) errs.push(invalid(`${p}.name`, name, msg));
    const from = objectAt(ev, 'valueFrom');
    if (!from) return;
    const fp = `${p}.valueFrom`;
    let sources = 0;
    if (objectAt(from, 'fieldRef')) {
      sources++;
      errs.push(...validateFieldRef(from.fieldRef, `${fp}.fieldRef`, ENV_FIELD_PATHS));
    }
    if (objectAt(from, 'resourceFieldRef')) sources++;
    if (objectAt(from, 'configMapKeyRef')) {
      sources++;
      errs.push(...validateKeySelector(from.configMapKeyRef, `${fp}.configMapKeyRef`));
    }
    if (objectAt(from, 'secretKeyRef')) {
      sources++;
      errs.push(...validateKeySelector(from.secretKeyRef, `${fp}.secretKeyRef`));
    }
    if (sources === 0) {
      errs.push(invalid(fp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    } else if (stringAt(ev, 'value')) {
      errs.push(invalid(fp, '', 'may not be specified when `value` is not empty'));
    } else if (sources > 1) {
      errs.push(invalid(fp, '', 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

function validateEnvFrom(envFrom: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  envFrom.forEach((ev, i) => {
    const p = `${path}[${i}]`;
    const prefix = stringAt(ev, 'prefix');
    if (prefix) for (const msg of isRelaxedEnvVarName(prefix)) errs.push(invalid(`${p}.prefix`, prefix, msg));
    let sources = 0;
    for (const ref of ['configMapRef', 'secretRef']) {
      const r = objectAt(ev, ref);
      if (!r) continue;
      sources++;
      const name = stringAt(r, 'name') ?? '';
      if (!name) errs.push(required(`${p}.${ref}.name`));
      else for (const msg of nameIsDNSSubdomain(name, true)) errs.push(invalid(`${p}.${ref}.name`, name, msg));
    }
    // Upstream reports these two at the envFrom list, not at the entry.
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown[], volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = stringAt(m, 'name') ?? '';
    if (!name) errs.push(required(`${p}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${p}.name`, name));
    const mountPath = stringAt(m, 'mountPath') ?? '';
    if (!mountPath) errs.push(required(`${p}.mountPath`));
    if (mountPaths.has(mountPath)) errs.push(invalid(`${p}.mountPath`, mountPath, 'must be unique'));
    mountPaths.add(mountPath);
    const subPath = stringAt(m, 'subPath') ?? '';
    if (subPath) errs.push(...validateLocalDescendingPath(subPath, `${path}.subPath`));
    const subPathExpr = stringAt(m, 'subPathExpr') ?? '';
    if (subPathExpr) {
      if (subPath) errs.push(invalid(`${p}.subPathExpr`, subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, `${path}.subPathExpr`));
    }
  });
  return errs;
}

/** Paths inside a volume: relative, and never climbing out with '..'. */
export function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith('/')) errs.push(invalid(path, target, 'must be a relative path'));
  if (target.split('/').includes('..')) errs.push(invalid(path, target, "must not contain '..'"));
  return errs;
}

/** One probe or lifecycle handler must name exactly one action. */
function validateHandler(handler: unknown, path: string, kinds: readonly string[], gracePeriod?: number): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = objectAt(handler, kind);
    if (!action) continue;
    const p = `${path}.${kind}`;
    if (count > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    switch (kind) {
      case 'exec':
        if (arrayAt(action, 'command').length === 0) errs.push(required(`${p}.command`));
        break;
      case 'httpGet': {
        if (!stringAt(action, 'path')) errs.push(required(`${p}.path`));
        errs.push(...validatePortNumOrName(action.port, `${p}.port`));
        const scheme = stringAt(action, 'scheme') ?? '';
        if (!['HTTP', 'HTTPS'].includes(scheme)) errs.push(notSupported(`${p}.scheme`, scheme, ['HTTP', 'HTTPS']));
        break;
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(action.port, `${p}.port`));
        break;
      case 'grpc':
        errs.push(...validatePortNumOrName(numberAt(action, 'port') ?? 0, `${p}.port`));
        break;
      case 'sleep': {
        // 1.32 keeps AllowPodLifecycleSleepActionZeroValue off, so zero is refused too.
        const seconds = numberAt(action, 'seconds') ?? 0;
        if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
          errs.push(
            invalid(p, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`),
          );
        }
        break;
      }
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

function validateProbe(probe: unknown, path: string, kind: ProbeKind): FieldError[] {
  if (!isObject(probe)) return [];
  const errs = validateHandler(probe, path, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = numberAt(probe, f);
    if (v !== undefined && v < 0) errs.push(invalid(`${path}.${f}`, v, NEGATIVE));
  }
  const grace = numberAt(probe, 'terminationGracePeriodSeconds');
  if (grace !== undefined && grace <= 0) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  if (kind === 'readinessProbe') {
    if (grace !== undefined) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must not be set for readinessProbes'));
  } else {
    const success = numberAt(probe, 'successThreshold');
    if (success !== undefined && success !== 1) errs.push(invalid(`${path}.successThreshold`, success, 'must be 1'));
  }
  return errs;
}

function validateLifecycle(lifecycle: unknown, path: string, gracePeriod?: number): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const h = objectAt(lifecycle, hook);
    if (h) errs.push(...validateHandler(h, `${path}.${hook}`, ['exec', 'httpGet', 'tcpSocket', 'sleep'], gracePeriod));
  }
  return errs;
}

/** Checks every kind of container shares (regular, init). */
export function validateContainerCommon(c: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = stringAt(c, 'name') ?? '';
  if (!name) errs.push(required(`${path}.name`));
  else for (const msg of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, name, msg));
  if (!stringAt(c, 'image')) errs.push(required(`${path}.image`));
  const tmp = stringAt(c, 'terminationMessagePolicy') ?? '';
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(arrayAt(c, 'ports'), `${path}.ports`));
  errs.push(...validateEnv(arrayAt(c, 'env'), `${path}.env`));
  errs.push(...validateEnvFrom(arrayAt(c, 'envFrom'), `${path}.envFrom`));
  errs.push(...validateVolumeMounts(arrayAt(c, 'volumeMounts'), volumes, `${path}.volumeMounts`));
  const pull = stringAt(c, 'imagePullPolicy') ?? '';
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  errs.push(...validateResourceRequirements(isObject(c) ? c.resources : undefined, `${path}.resources`));
  return errs;
}

/** Regular containers: common checks, unique names, probes, lifecycle, host port clashes. */
export function validateContainers(containers: unknown[], volumes: ReadonlySet<string>, path: string, gracePeriod?: number): FieldError[] {
  const taken = new Set<string>();
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = stringAt(c, 'name') ?? '';
    if (taken.has(name)) errs.push(duplicate(`${p}.name`, name));
    else taken.add(name);
    if (isObject(c) && c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, `${p}.lifecycle`, gracePeriod));
    for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (isObject(c)) errs.push(...validateProbe(c[kind], `${p}.${kind}`, kind));
    }
    if (isObject(c) && c.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

/** Init containers: common checks, names unique across both lists; probes and lifecycle only for sidecars (restartPolicy Always). */
export function validateInitContainers(containers: unknown[], regular: unknown[], volumes: ReadonlySet<string>, path: string, gracePeriod?: number): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>(regular.map((c) => stringAt(c, 'name') ?? ''));
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const restart = stringAt(c, 'restartPolicy');
    if (restart !== undefined && restart !== 'Always') errs.push(notSupported(`${p}.restartPolicy`, restart, ['Always']));
    const name = stringAt(c, 'name') ?? '';
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else if (name) names.add(name);
    // Init containers run one by one, so host ports only clash within one of them.
    errs.push(...hostPortConflicts([c], path));
    if (!isObject(c)) return;
    if (restart === 'Always') {
      if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, `${p}.lifecycle`, gracePeriod));
      for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) errs.push(...validateProbe(c[kind], `${p}.${kind}`, kind));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[f] !== undefined) errs.push(forbidden(`${p}.${f}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function hostPortConflicts(containers: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    arrayAt(c, 'ports').forEach((port, pi) => {
      const hostPort = numberAt(port, 'hostPort') ?? 0;
      if (hostPort === 0) return;
      const id = `${stringAt(port, 'protocol') ?? ''}/${stringAt(port, 'hostIP') ?? ''}/${hostPort}`;
      if (seen.has(id)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, id));
      else seen.add(id);
    });
  });
  return errs;
}
