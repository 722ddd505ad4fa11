// Objects in the store are plain JSON. These helpers copy, compare and freeze JSON values, and turn
// anything a caller hands in (class instances, undefined, NaN, cycles) into clean JSON or a 400.
import { badRequest } from './errors.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A deep copy of a JSON value (faster than structuredClone for small trees, and drops frozenness). */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = cloneJson(v);
  }
  return out as T;
}

/** Freezes a tree so shared copies (watch events, the stored object) cannot be changed by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** What the HTTP server would have decoded: JSON-only values, or a 400 explaining what is wrong. */
export function toJson(value: unknown, what = 'object'): Json {
  // Nearly every body is clean: copy it without tracking paths, and walk again to explain only
  // when something is wrong (the precise walk also tells a cycle from a very deep tree).
  try {
    return plainCopy(value, 0);
  } catch (e) {
    if (e !== notPlain) throw e;
    return explainingCopy(value, what);
  }
}

const notPlain = new Error('not plain JSON');
/** Deeper than any manifest nests; past it, the precise walk looks for a cycle. */
const plainDepth = 200;

function plainCopy(v: unknown, depth: number): Json {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (!Number.isFinite(v)) throw notPlain;
      return v;
    case 'object': {
      if (v === null) return null;
      if (depth > plainDepth) throw notPlain;
      if (Array.isArray(v)) {
        const out: Json[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) out[i] = v[i] === undefined ? null : plainCopy(v[i], depth + 1);
        return out;
      }
      const o: Record<string, Json> = {};
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (item !== undefined) o[key] = plainCopy(item, depth + 1);
      }
      return o;
    }
    default:
      throw notPlain;
  }
}

function explainingCopy(value: unknown, what: string): Json {
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): Json => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (!Number.isFinite(v)) throw badRequest(`${what} has an invalid number at ${path || '<root>'}: ${String(v)}`);
        return v;
      case 'object': {
        if (v === null) return null;
        if (seen.has(v)) throw badRequest(`${what} is not valid JSON: a cycle at ${path || '<root>'}`);
        seen.add(v);
        let out: Json;
        if (Array.isArray(v)) {
          out = v.map((item, i) => (item === undefined ? null : walk(item, `${path}[${i}]`)));
        } else {
          const o: Record<string, Json> = {};
          for (const key of Object.keys(v)) {
            const item = (v as Record<string, unknown>)[key];
            if (item !== undefined) o[key] = walk(item, path ? `${path}.${key}` : key);
          }
          out = o;
        }
        seen.delete(v);
        return out;
      }
      default:
        throw badRequest(`${what} is not valid JSON: unexpected ${typeof v} at ${path || '<root>'}`);
    }
  };
  return walk(value, '');
}
