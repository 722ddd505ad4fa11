// Rules ConfigMaps and Secrets share: keys are file-name-like, everything together fits in 1 MiB.
import type { FieldError } from './strategy.ts';
import { forbidden, invalid } from './field-errors.ts';
import { deepEqual, isObject } from './json.ts';
import { isConfigMapKey } from './names.ts';

/** Upstream's MaxSecretSize, also the ConfigMap limit. */
export const MAX_DATA_SIZE = 1024 * 1024;

export function validateDataKeys(data: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(data)) return errs;
  for (const k of Object.keys(data)) for (const msg of isConfigMapKey(k)) errs.push(invalid(`${path}[${k}]`, k, msg));
  return errs;
}

/** Once `immutable: true` is stored, the flag and the data stay as they are. */
export function immutableDataErrors(obj: Record<string, unknown>, old: Record<string, unknown>, fields: readonly string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  const msg = 'field is immutable when `immutable` is set';
  if (obj.immutable !== true) errs.push(forbidden('immutable', msg));
  for (const f of fields) if (!deepEqual(obj[f] ?? {}, old[f] ?? {})) errs.push(forbidden(f, msg));
  return errs;
}
