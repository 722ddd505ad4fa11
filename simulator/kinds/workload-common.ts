// Small rules every workload kind repeats: non-negative counts, status reset on create and
// kept on update, spec kept on status writes, and apps/v1's immutable selector.
import type { KubeObject } from '../machinery/types.ts';
import type { FieldError } from './strategy.ts';
import { IMMUTABLE, invalid } from './field-errors.ts';
import { goLabelSelector } from './go-values.ts';
import { deepEqual, isObject, numberAt } from './json.ts';
import type { LabelSelector } from './label-selector.ts';

export const NEGATIVE = 'must be greater than or equal to 0';

export function nonNegative(obj: unknown, field: string, path: string): FieldError[] {
  const v = numberAt(obj, field);
  return v !== undefined && v < 0 ? [invalid(path, v, NEGATIVE)] : [];
}

export function immutableSelector(obj: KubeObject, old: KubeObject, path = 'spec.selector'): FieldError[] {
  const next = isObject(obj.spec) ? obj.spec.selector : undefined;
  const prev = isObject(old.spec) ? old.spec.selector : undefined;
  if (deepEqual(next, prev)) return [];
  return [invalid(path, next ?? null, IMMUTABLE, goLabelSelector(isObject(next) ? (next as LabelSelector) : undefined))];
}

/** Status handling shared by kinds with a status subresource. */
export function resetStatus(obj: KubeObject, initial: Record<string, unknown> = {}): void {
  obj.status = { ...initial };
}
export function keepStatus(obj: KubeObject, old: KubeObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = old.status;
}
export function keepSpec(obj: KubeObject, old: KubeObject): void {
  if (old.spec === undefined) delete obj.spec;
  else obj.spec = old.spec;
}
