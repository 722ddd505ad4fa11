// Building FieldErrors the way upstream's field package does, and printing them the way
// kube-apiserver does in a Status cause ("spec.replicas: Invalid value: -1: must be …").
import type { FieldError } from './strategy.ts';

export function required(field: string, detail = ''): FieldError {
  return detail ? { type: 'FieldValueRequired', field, detail } : { type: 'FieldValueRequired', field };
}

export function invalid(field: string, badValue: unknown, detail: string, goValue?: string): FieldError {
  const e: FieldError = { type: 'FieldValueInvalid', field, badValue, detail };
  if (goValue !== undefined) e.goValue = goValue;
  return e;
}

export function notSupported(field: string, badValue: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field, badValue, detail };
}

export function duplicate(field: string, badValue: unknown, goValue?: string): FieldError {
  const e: FieldError = { type: 'FieldValueDuplicate', field, badValue };
  if (goValue !== undefined) e.goValue = goValue;
  return e;
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail };
}

export function tooLong(field: string, badValue: unknown, maxBytes: number): FieldError {
  return { type: 'FieldValueTooLong', field, badValue, detail: `must have at most ${maxBytes} bytes` };
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field, badValue: actual, detail: `must have at most ${max} items` };
}

export function notFound(field: string, badValue: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, badValue };
}

/** Upstream's FieldImmutableErrorMsg. */
export const IMMUTABLE = 'field is immutable';

const TYPE_TEXT: Record<FieldError['type'], string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
  FieldValueTypeInvalid: 'Invalid value',
};

/** The value as Go's %v / %q would print a plain scalar; structured values need goValue. */
function printValue(e: FieldError): string {
  if (e.goValue !== undefined) return e.goValue;
  const v = e.badValue;
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** One cause message as kube-apiserver words it: `<field>: <type text>[: <value>][: <detail>]`. */
export function fieldErrorMessage(e: FieldError): string {
  let body = TYPE_TEXT[e.type];
  const valueless = e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong';
  if (!valueless) body += `: ${printValue(e)}`;
  if (e.detail) body += `: ${e.detail}`;
  return `${e.field}: ${body}`;
}

/** Field paths like upstream's field.Path: `spec.containers[0]`, `metadata.labels[app]`. */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
