// Secret: data is base64 (a value that is not fails to decode, 400), stringData is merged into
// data and never stored, type defaults to Opaque and fixes which keys must be present.
import type { KubeObject } from '../machinery/types.ts';
import type { FieldError, KindStrategy } from './strategy.ts';
import { IMMUTABLE, invalid, required, tooLong } from './field-errors.ts';
import { base64DecodedLength, base64Error, decodeBase64Text, encodeBase64 } from './base64.ts';
import { isObject } from './json.ts';
import { nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { immutableDataErrors, MAX_DATA_SIZE, validateDataKeys } from './config-data.ts';

function dataOf(obj: KubeObject): Record<string, unknown> {
  return isObject(obj.data) ? obj.data : {};
}

/** Go's json.Unmarshal complaint for the few shapes a learner gets wrong; empty when it is JSON. */
function jsonError(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (!isObject(v)) return `json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'null'} into Go value of type map[string]interface {}`;
    return undefined;
  } catch {
    return 'invalid character in JSON';
  }
}

function validateTypeKeys(obj: KubeObject): FieldError[] {
  const data = dataOf(obj);
  const has = (k: string) => k in data;
  const errs: FieldError[] = [];
  switch (obj.type) {
    case 'kubernetes.io/service-account-token':
      if (!obj.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = obj.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(key)) {
        errs.push(required(`data[${key}]`));
        break;
      }
      const text = decodeBase64Text(String(data[key]));
      const err = text === undefined ? undefined : jsonError(text);
      if (err) errs.push(invalid(`data[${key}]`, '<secret contents redacted>', err));
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(required('data[username]'), required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      break;
  }
  return errs;
}

function validateSecret(obj: KubeObject): FieldError[] {
  const data = dataOf(obj);
  const errs = validateDataKeys(data, 'data');
  let size = 0;
  for (const v of Object.values(data)) size += base64DecodedLength(String(v));
  if (size > MAX_DATA_SIZE) errs.push(tooLong('data', '', MAX_DATA_SIZE));
  errs.push(...validateTypeKeys(obj));
  return errs;
}

export const secretStrategy: KindStrategy = {
  checkDecodable(obj) {
    for (const v of Object.values(dataOf(obj))) {
      const err = typeof v === 'string' ? base64Error(v) : undefined;
      if (err) return err;
    }
    return undefined;
  },
  applyDefaults(obj) {
    if (!obj.type) obj.type = 'Opaque';
    // stringData is write-only: its entries win over data and are stored base64-encoded.
    if (isObject(obj.stringData)) {
      const data = isObject(obj.data) ? obj.data : (obj.data = {});
      for (const [k, v] of Object.entries(obj.stringData)) data[k] = encodeBase64(String(v));
    }
    delete obj.stringData;
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateSecret(obj)];
  },
  validateUpdate(obj, old) {
    const errs = validateObjectMetaUpdate(obj, old);
    if ((obj.type ?? '') !== (old.type ?? '')) errs.push(invalid('type', obj.type ?? '', IMMUTABLE));
    errs.push(...immutableDataErrors(obj, old, ['data']));
    errs.push(...validateSecret(obj));
    return errs;
  },
};
