// ConfigMap: keys must be valid file names; data and binaryData may not share a key;
// 1 MiB in total; immutable ones stay as they are.
import type { FieldError, KindStrategy } from './strategy.ts';
import { invalid, tooLong } from './field-errors.ts';
import { isObject } from './json.ts';
import { base64DecodedLength, base64Error } from './base64.ts';
import { byteLength, nameIsDNSSubdomain } from './names.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { immutableDataErrors, MAX_DATA_SIZE, validateDataKeys } from './config-data.ts';
import type { KubeObject } from '../machinery/types.ts';

function validateConfigMap(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const data = isObject(obj.data) ? obj.data : {};
  const binary = isObject(obj.binaryData) ? obj.binaryData : {};
  let size = 0;
  errs.push(...validateDataKeys(data, 'data'));
  for (const [k, v] of Object.entries(data)) {
    if (k in binary) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    size += byteLength(String(v));
  }
  errs.push(...validateDataKeys(binary, 'binaryData'));
  for (const [k, v] of Object.entries(binary)) {
    if (k in data) errs.push(invalid(`binaryData[${k}]`, k, 'duplicate of key present in data'));
    size += base64DecodedLength(String(v));
  }
  if (size > MAX_DATA_SIZE) errs.push(tooLong('', '', MAX_DATA_SIZE));
  return errs;
}

export const configMapStrategy: KindStrategy = {
  checkDecodable(obj) {
    if (!isObject(obj.binaryData)) return undefined;
    for (const v of Object.values(obj.binaryData)) {
      const err = typeof v === 'string' ? base64Error(v) : undefined;
      if (err) return err;
    }
    return undefined;
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj, nameIsDNSSubdomain), ...validateConfigMap(obj)];
  },
  validateUpdate(obj, old) {
    return [...validateObjectMetaUpdate(obj, old), ...immutableDataErrors(obj, old, ['data', 'binaryData']), ...validateConfigMap(obj)];
  },
};
