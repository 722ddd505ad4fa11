// RFC 7386 JSON Merge Patch: objects merge key by key, null deletes, anything else replaces
// (lists included: a merge patch cannot change one element of a list).
import { badRequest } from '../errors.ts';
import { cloneJson, isPlainObject } from '../json.ts';

export function mergePatchValue(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? cloneJson(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatchValue(out[key], value);
  }
  return out;
}

/** Applies a merge patch to an object; the patch must itself be an object. */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : patch === null ? 'null' : typeof patch} into Go value of type map[string]interface {}`);
  return mergePatchValue(doc, patch);
}
