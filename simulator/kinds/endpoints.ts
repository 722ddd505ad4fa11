// Endpoints and EndpointSlice, normally written by controllers: addresses must be real IPs,
// ports valid and named when there are several; a slice's addressType never changes.
import type { FieldError, KindStrategy } from './strategy.ts';
import { IMMUTABLE, invalid, notSupported, required, tooMany } from './field-errors.ts';
import { arrayAt, isObject, numberAt, setDefault, stringAt } from './json.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum, nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { PROTOCOLS } from './container-validation.ts';
import { validateIP, validateNonSpecialIP } from './ip.ts';
import type { KubeObject } from '../machinery/types.ts';

function validatePort(port: unknown, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = stringAt(port, 'name') ?? '';
  if (requireName && !name) errs.push(required(`${path}.name`));
  else if (name) for (const msg of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, name, msg));
  const n = numberAt(port, 'port') ?? 0;
  for (const msg of isValidPortNum(n)) errs.push(invalid(`${path}.port`, n, msg));
  const protocol = stringAt(port, 'protocol') ?? '';
  if (!protocol) errs.push(required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${path}.protocol`, protocol, PROTOCOLS));
  const appProtocol = stringAt(port, 'appProtocol');
  if (appProtocol !== undefined) for (const msg of isQualifiedName(appProtocol)) errs.push(invalid(`${path}.appProtocol`, appProtocol, msg));
  return errs;
}

function validateAddress(address: unknown, path: string): FieldError[] {
  const ip = stringAt(address, 'ip') ?? '';
  const errs = validateIP(ip, `${path}.ip`);
  const hostname = stringAt(address, 'hostname');
  if (hostname) for (const msg of isDNS1123Label(hostname)) errs.push(invalid(`${path}.hostname`, hostname, msg));
  const nodeName = stringAt(address, 'nodeName');
  if (nodeName !== undefined) for (const msg of isDNS1123Subdomain(nodeName)) errs.push(invalid(`${path}.nodeName`, nodeName, msg));
  if (!errs.length) errs.push(...validateNonSpecialIP(ip, `${path}.ip`));
  return errs;
}

function validateSubsets(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  arrayAt(obj, 'subsets').forEach((ss, i) => {
    const p = `subsets[${i}]`;
    const addresses = arrayAt(ss, 'addresses');
    const notReady = arrayAt(ss, 'notReadyAddresses');
    if (!addresses.length && !notReady.length) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateAddress(a, `${p}.addresses[${j}]`)));
    notReady.forEach((a, j) => errs.push(...validateAddress(a, `${p}.notReadyAddresses[${j}]`)));
    const ports = arrayAt(ss, 'ports');
    ports.forEach((port, j) => errs.push(...validatePort(port, ports.length > 1, `${p}.ports[${j}]`)));
  });
  return errs;
}

export const endpointsStrategy: KindStrategy = {
  applyDefaults(obj) {
    for (const ss of arrayAt(obj, 'subsets')) for (const port of arrayAt(ss, 'ports')) if (isObject(port)) setDefault(port, 'protocol', 'TCP');
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateSubsets(obj)];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...validateSubsets(obj)];
  },
};

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function validateSlice(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const type = stringAt(obj, 'addressType') ?? '';
  if (!type) errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(notSupported('addressType', type, ADDRESS_TYPES));
  const endpoints = arrayAt(obj, 'endpoints');
  if (endpoints.length > 1000) errs.push(tooMany('endpoints', endpoints.length, 1000));
  endpoints.forEach((ep, i) => {
    const p = `endpoints[${i}].addresses`;
    const addresses = arrayAt(ep, 'addresses');
    if (!addresses.length) errs.push(required(p, 'must contain at least 1 address'));
    else if (addresses.length > 100) errs.push(tooMany(p, addresses.length, 100));
    addresses.forEach((a, j) => {
      const addr = String(a);
      if (type === 'FQDN') for (const msg of isDNS1123Subdomain(addr)) errs.push(invalid(`${p}[${j}]`, addr, msg));
      else if (type) errs.push(...validateIP(addr, `${p}[${j}]`));
    });
    const nodeName = stringAt(ep, 'nodeName');
    if (nodeName) for (const msg of isDNS1123Subdomain(nodeName)) errs.push(invalid(`endpoints[${i}].nodeName`, nodeName, msg));
  });
  const ports = arrayAt(obj, 'ports');
  if (ports.length > 100) errs.push(tooMany('ports', ports.length, 100));
  ports.forEach((port, i) => {
    const p = `ports[${i}]`;
    const name = stringAt(port, 'name') ?? '';
    if (name) for (const msg of isDNS1123Label(name)) errs.push(invalid(`${p}.name`, name, msg));
    const protocol = stringAt(port, 'protocol') ?? '';
    if (!protocol) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${p}.protocol`, protocol, PROTOCOLS));
    const n = numberAt(port, 'port');
    if (n !== undefined) for (const msg of isValidPortNum(n)) errs.push(invalid(`${p}.port`, n, msg));
  });
  return errs;
}

export const endpointSliceStrategy: KindStrategy = {
  applyDefaults(obj) {
    for (const port of arrayAt(obj, 'ports')) {
      if (!isObject(port)) continue;
      setDefault(port, 'name', '');
      setDefault(port, 'protocol', 'TCP');
    }
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateSlice(obj)];
  },
  validateUpdate(obj, old) {
    const errs = [...validateObjectMetaUpdate(obj, old), ...validateSlice(obj)];
    if ((obj.addressType ?? '') !== (old.addressType ?? '')) errs.push(invalid('addressType', obj.addressType ?? '', IMMUTABLE));
    return errs;
  },
};
