// Service: defaults (ClusterIP, TCP, targetPort = port, traffic policies), validation, and the
// registry's allocation of ClusterIPs and NodePorts, carried over on updates.
import type { KubeObject } from '../machinery/types.ts';
import type { FieldError, KindStrategy, StrategyContext } from './strategy.ts';
import { arrayAt, clone, deepEqual, ensureObject, isObject, numberAt, setDefault, stringAt, type JsonObject } from './json.ts';
import { nameIsDNS1035Label } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { allocateClusterIP, allocateHealthCheckNodePort, allocateNodePorts } from './service-allocation.ts';
import { externallyAccessible, isHeadless, needsHealthCheck, validateServiceSpec, validateServiceUpdate } from './service-validation.ts';
import { keepSpec } from './workload-common.ts';

function needsClusterIP(spec: unknown): boolean {
  return stringAt(spec, 'type') !== 'ExternalName' && !isHeadless(spec);
}
function needsNodePorts(spec: unknown): boolean {
  const type = stringAt(spec, 'type');
  if (type === 'NodePort') return true;
  return type === 'LoadBalancer' && (isObject(spec) ? spec.allocateLoadBalancerNodePorts !== false : true);
}
function applyServiceDefaults(obj: KubeObject): void {
  const spec = ensureObject(obj, 'spec');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = ensureObject(spec, 'sessionAffinityConfig');
    setDefault(ensureObject(config, 'clientIP'), 'timeoutSeconds', 10800);
  }
  setDefault(spec, 'type', 'ClusterIP');
  for (const p of arrayAt(spec, 'ports')) {
    if (!isObject(p)) continue;
    setDefault(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec)) setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (['ClusterIP', 'NodePort', 'LoadBalancer'].includes(String(spec.type))) setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  // Clients that only know the singular field still get the plural one.
  const ip = stringAt(spec, 'clusterIP');
  if (ip && arrayAt(spec, 'clusterIPs').length === 0) spec.clusterIPs = [ip];
}

/** The families a single-stack IPv4 cluster gives: headless Services without a selector ask for dual stack. */
function setIPFamilies(spec: JsonObject): void {
  if (spec.type === 'ExternalName') return;
  if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  const selectorless = !isObject(spec.selector) || Object.keys(spec.selector).length === 0;
  setDefault(spec, 'ipFamilyPolicy', isHeadless(spec) && selectorless ? 'RequireDualStack' : 'SingleStack');
}

/** upstream's patchAllocatedValues + normalizeClusterIPs: fill what an apply left out from the stored Service. */
function carryOver(spec: JsonObject, oldSpec: JsonObject): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (arrayAt(spec, 'clusterIPs').length === 0 && arrayAt(oldSpec, 'clusterIPs').length) spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (arrayAt(oldSpec, 'clusterIPs').length && arrayAt(spec, 'clusterIPs').length === 0 && oldSpec.clusterIP === spec.clusterIP) {
    spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (oldSpec.clusterIP !== spec.clusterIP && spec.clusterIP && deepEqual(spec.clusterIPs, oldSpec.clusterIPs)) {
    spec.clusterIPs = [spec.clusterIP];
  }
  if (needsNodePorts(oldSpec) && needsNodePorts(spec)) {
    const inUse = new Set(arrayAt(spec, 'ports').map((p) => numberAt(p, 'nodePort')).filter((n) => n));
    const byName = new Map(arrayAt(oldSpec, 'ports').map((p) => [stringAt(p, 'name') ?? '', numberAt(p, 'nodePort')]));
    for (const p of arrayAt(spec, 'ports')) {
      if (!isObject(p) || numberAt(p, 'nodePort')) continue;
      const old = byName.get(stringAt(p, 'name') ?? '');
      if (old && !inUse.has(old)) p.nodePort = old;
    }
  }
  if (spec.type === oldSpec.type) {
    if (spec.ipFamilies === undefined) spec.ipFamilies = oldSpec.ipFamilies;
    if (spec.ipFamilyPolicy === undefined) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
  }
}

/** Fields that only mean something for the old type are dropped when the type changes (if left as they were). */
function dropTypeDependentFields(spec: JsonObject, oldSpec: JsonObject): void {
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec) && spec.type === 'ExternalName') {
    if (spec.clusterIP === oldSpec.clusterIP) delete spec.clusterIP;
    if (deepEqual(spec.clusterIPs, oldSpec.clusterIPs)) delete spec.clusterIPs;
    if (deepEqual(spec.ipFamilies, oldSpec.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
    delete spec.internalTrafficPolicy;
  }
  if (needsNodePorts(oldSpec) && !needsNodePorts(spec)) {
    const oldPorts = new Set(arrayAt(oldSpec, 'ports').map((p) => numberAt(p, 'nodePort')));
    for (const p of arrayAt(spec, 'ports')) if (isObject(p) && oldPorts.has(numberAt(p, 'nodePort'))) delete p.nodePort;
  }
  if (!externallyAccessible(spec) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
  if (!needsHealthCheck(spec) && spec.healthCheckNodePort === oldSpec.healthCheckNodePort) delete spec.healthCheckNodePort;
}

/** What the registry hands out: a ClusterIP unless the Service keeps its stored one, and NodePorts. */
function allocate(obj: KubeObject, ctx: StrategyContext, keepIP = false, ownNodePorts: ReadonlySet<number> = new Set()): FieldError[] {
  const spec = ensureObject(obj, 'spec');
  if (isHeadless(spec)) spec.clusterIPs = ['None'];
  if (needsClusterIP(spec) && !keepIP) {
    const errs = allocateClusterIP(obj, ctx);
    if (errs.length) return errs;
  }
  setIPFamilies(spec);
  const errs = needsNodePorts(spec) ? allocateNodePorts(obj, ctx, ownNodePorts) : [];
  if (errs.length || !needsHealthCheck(spec)) return errs;
  return allocateHealthCheckNodePort(obj, ctx, ownNodePorts);
}

// Upstream allocates before it validates and stops at an allocation failure; the store here runs
// prepareForCreate then validateCreate on the same object, so remember which ones already failed.
const allocationFailed = new WeakSet<KubeObject>();

export const serviceStrategy: KindStrategy = {
  applyDefaults(obj) {
    applyServiceDefaults(obj);
  },
  prepareForCreate(obj, ctx) {
    obj.status = { loadBalancer: {} };
    const errs = allocate(obj, ctx);
    if (errs.length) allocationFailed.add(obj);
    return errs;
  },
  prepareForUpdate(obj, old, ctx) {
    obj.status = old.status;
    const spec = ensureObject(obj, 'spec');
    const oldSpec = isObject(old.spec) ? old.spec : {};
    carryOver(spec, oldSpec);
    dropTypeDependentFields(spec, oldSpec);
    const keptIP = needsClusterIP(oldSpec) && !!spec.clusterIP && spec.clusterIP === oldSpec.clusterIP;
    const own = new Set<number>(arrayAt(oldSpec, 'ports').map((p) => numberAt(p, 'nodePort') ?? 0).filter((n) => n));
    const oldHealthCheck = numberAt(oldSpec, 'healthCheckNodePort');
    if (oldHealthCheck) {
      own.add(oldHealthCheck);
      if (needsHealthCheck(oldSpec) && needsHealthCheck(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = oldHealthCheck;
    }
    const errs = allocate(obj, ctx, keptIP, own);
    if (errs.length) allocationFailed.add(obj);
    return errs;
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  validateCreate(obj) {
    if (allocationFailed.has(obj)) return [];
    return [...validateObjectMeta(obj, nameIsDNS1035Label), ...validateServiceSpec(obj)];
  },
  validateUpdate(obj, old) {
    if (allocationFailed.has(obj)) return [];
    // Judge the update the way upstream sees it: after fields an apply left out were carried over.
    const view = clone(obj);
    const spec = ensureObject(view, 'spec');
    const oldSpec = isObject(old.spec) ? old.spec : {};
    carryOver(spec, oldSpec);
    dropTypeDependentFields(spec, oldSpec);
    return [...validateObjectMetaUpdate(obj, old), ...validateServiceUpdate(view, old), ...validateServiceSpec(view)];
  },
};
