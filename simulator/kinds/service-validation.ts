// Service spec checks (upstream ValidateService and ValidateServiceUpdate).
import type { KubeObject } from '../machinery/types.ts';
import type { FieldError } from './strategy.ts';
import { duplicate, forbidden, invalid, notSupported, required } from './field-errors.ts';
import { goStringSlice } from './go-values.ts';
import { arrayAt, isObject, numberAt, objectAt, stringAt } from './json.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from './names.ts';
import { validateLabels } from './object-meta.ts';
import { PROTOCOLS, validatePortNumOrName } from './container-validation.ts';
import { validateIP, validateNonSpecialIP } from './ip.ts';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];

export function externallyAccessible(spec: unknown): boolean {
  const type = stringAt(spec, 'type');
  return type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && arrayAt(spec, 'externalIPs').length > 0);
}

/** A LoadBalancer that keeps client source IPs (Local) gets a health-check nodePort. */
export function needsHealthCheck(spec: unknown): boolean {
  return stringAt(spec, 'type') === 'LoadBalancer' && stringAt(spec, 'externalTrafficPolicy') === 'Local';
}

export function isHeadless(spec: unknown): boolean {
  return stringAt(spec, 'clusterIP') === 'None';
}

function goServicePort(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validateServicePort(port: unknown, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = stringAt(port, 'name') ?? '';
  if (requireName && !name) errs.push(required(`${path}.name`));
  else if (name) {
    for (const msg of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, name, msg));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  const n = numberAt(port, 'port') ?? 0;
  for (const msg of isValidPortNum(n)) errs.push(invalid(`${path}.port`, n, msg));
  const protocol = stringAt(port, 'protocol') ?? '';
  if (!protocol) errs.push(required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${path}.protocol`, protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(isObject(port) ? port.targetPort : undefined, `${path}.targetPort`));
  const appProtocol = stringAt(port, 'appProtocol');
  if (appProtocol !== undefined) for (const msg of isQualifiedName(appProtocol)) errs.push(invalid(`${path}.appProtocol`, appProtocol, msg));
  return errs;
}

const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/** ValidateServiceClusterIPsRelatedFields: clusterIP and clusterIPs agree, families are known. */
function validateClusterIPs(spec: Record<string, unknown>): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const clusterIP = stringAt(spec, 'clusterIP') ?? '';
  const ips = arrayAt(spec, 'clusterIPs').map(String);
  if (clusterIP) {
    if (!ips.length) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`', goStringSlice(ips)));
  } else if (ips.length) {
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified', goStringSlice(ips)));
  }
  const seen = new Set<string>();
  arrayAt(spec, 'ipFamilies').forEach((f, i) => {
    const family = String(f);
    if (!IP_FAMILIES.includes(family)) errs.push(notSupported(`spec.ipFamilies[${i}]`, family, IP_FAMILIES));
    if (seen.has(family)) errs.push(duplicate(`spec.ipFamilies[${i}]`, family));
    seen.add(family);
  });
  const policy = stringAt(spec, 'ipFamilyPolicy');
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) errs.push(notSupported('spec.ipFamilyPolicy', policy, IP_FAMILY_POLICIES));
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value", goStringSlice(ips)));
      return;
    }
    errs.push(...validateIP(ip, `spec.clusterIPs[${i}]`));
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values', goStringSlice(ips)));
  return errs;
}

export function validateServiceSpec(svc: KubeObject): FieldError[] {
  const spec = isObject(svc.spec) ? svc.spec : {};
  const errs: FieldError[] = [];
  const type = stringAt(spec, 'type') ?? '';
  const ports = arrayAt(spec, 'ports');
  const headless = isHeadless(spec);
  if (!ports.length && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  const ips = arrayAt(spec, 'clusterIPs').map(String);
  if ((type === 'LoadBalancer' || type === 'NodePort') && headless) {
    errs.push(invalid('spec.clusterIPs[0]', ips[0] ?? 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ExternalName') {
    if (ips.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (arrayAt(spec, 'ipFamilies').length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = (stringAt(spec, 'externalName') ?? '').replace(/\.$/, '');
    if (!cname) errs.push(required('spec.externalName'));
    else for (const msg of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, msg));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  errs.push(...validateLabels(spec.selector, 'spec.selector'));

  const affinity = stringAt(spec, 'sessionAffinity') ?? '';
  if (!affinity) errs.push(required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(affinity)) errs.push(notSupported('spec.sessionAffinity', affinity, AFFINITIES));
  if (affinity === 'None' && spec.sessionAffinityConfig !== undefined) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  if (affinity === 'ClientIP') {
    const timeout = numberAt(objectAt(objectAt(spec, 'sessionAffinityConfig'), 'clientIP'), 'timeoutSeconds');
    if (timeout !== undefined && (timeout <= 0 || timeout > 86400)) {
      errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
    }
  }
  errs.push(...validateClusterIPs(spec));
  arrayAt(spec, 'externalIPs').forEach((ip, i) => {
    const e = validateIP(String(ip), `spec.externalIPs[${i}]`);
    errs.push(...(e.length ? e : validateNonSpecialIP(String(ip), `spec.externalIPs[${i}]`)));
  });

  if (!type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (numberAt(p, 'nodePort')) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const np = numberAt(p, 'nodePort') ?? 0;
    if (!np) return;
    const id = `${stringAt(p, 'protocol') ?? ''}/${np}`;
    if (nodePorts.has(id)) errs.push(duplicate(`spec.ports[${i}].nodePort`, np));
    nodePorts.add(id);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const protocol = stringAt(p, 'protocol') ?? '';
    const n = numberAt(p, 'port') ?? 0;
    const id = `${protocol}/${n}`;
    if (seen.has(id)) errs.push(duplicate(`spec.ports[${i}]`, { protocol, port: n }, goServicePort(protocol, n)));
    seen.add(id);
  });

  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  // Upstream reports this one without the `spec.` prefix.
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts'));

  const etp = stringAt(spec, 'externalTrafficPolicy') ?? '';
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required('spec.externalTrafficPolicy'));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  const hc = numberAt(spec, 'healthCheckNodePort') ?? 0;
  if (!needsHealthCheck(spec)) {
    if (hc) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (!hc) errs.push(required('spec.healthCheckNodePort'));
  else for (const msg of isValidPortNum(hc)) errs.push(invalid('spec.healthCheckNodePort', hc, msg));

  const itp = stringAt(spec, 'internalTrafficPolicy');
  if (itp === undefined && (type === 'ClusterIP' || type === 'NodePort' || type === 'LoadBalancer')) errs.push(required('spec.internalTrafficPolicy'));
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') errs.push(notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: allocated ClusterIPs never change (except to or from ExternalName). */
export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (stringAt(svc.spec, 'type') === 'ExternalName' || stringAt(old.spec, 'type') === 'ExternalName') return errs;
  if (isHeadless(svc.spec) && isHeadless(old.spec)) return errs;
  const ips = arrayAt(svc.spec, 'clusterIPs').map(String);
  const oldIPs = arrayAt(old.spec, 'clusterIPs').map(String);
  const changed = (path: string) => invalid(path, ips, 'may not change once set', goStringSlice(ips));
  if (ips.length === oldIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) errs.push(changed(`spec.clusterIPs[${i}]`));
    });
  } else if (oldIPs.length > ips.length) {
    if (!ips.length) errs.push(invalid('spec.clusterIPs[0]', ips, 'primary clusterIP can not be unset', goStringSlice(ips)));
    else if (ips[0] !== oldIPs[0]) errs.push(changed('spec.clusterIPs[0]'));
  } else if (oldIPs.length && ips[0] !== oldIPs[0]) {
    errs.push(changed('spec.clusterIPs[0]'));
  }
  return errs;
}
