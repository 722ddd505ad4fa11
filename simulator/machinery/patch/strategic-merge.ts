// Strategic merge patch (what `kubectl patch` and client-side `kubectl apply` send): like a merge
// patch, except that lists the schema marks as keyed merge element by element (a container by
// name, a port by containerPort, a condition by type), set-like lists of strings union, and
// directives fine-tune it:
//   $patch: replace | merge | delete      — on a map, or as an element of a keyed list
//   $retainKeys: [a, b]                   — drop keys not listed (retainKeys fields)
//   $deleteFromPrimitiveList/<f>: [x]     — remove values from a set-like list
//   $setElementOrder/<f>: [...]           — the order merged list elements end up in
import { badRequest } from '../errors.ts';
import { cloneJson, deepEqual, isPlainObject } from '../json.ts';
import { child, type FieldSchema } from './patch-schema.ts';

type Obj = Record<string, unknown>;

const setOrderPrefix = '$setElementOrder/';
const deletePrimitivePrefix = '$deleteFromPrimitiveList/';

/** Applies a strategic merge patch to a copy of original. */
export function applyStrategicMerge(original: unknown, patch: unknown, schema: FieldSchema): unknown {
  if (!isPlainObject(patch)) throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
  const result = mergeMap(isPlainObject(original) ? cloneJson(original) : {}, patch, schema);
  return result === undefined ? {} : result;
}

/** Merges patch into original (which it may change). undefined means "delete this map". */
function mergeMap(original: Obj, patch: Obj, schema: FieldSchema | undefined): Obj | undefined {
  const directive = patch.$patch;
  if (directive !== undefined) {
    if (directive === 'replace') return stripDirectives(patch) as Obj;
    if (directive === 'delete') return undefined;
    if (directive !== 'merge') throw badRequest(`Unknown patch type: ${String(directive)} in map: ${describe(patch)}`);
  }
  if ('$retainKeys' in patch) {
    const keep = patch.$retainKeys;
    if (!Array.isArray(keep)) throw badRequest(`$retainKeys must be a list of strings in map: ${describe(patch)}`);
    for (const key of Object.keys(original)) if (!keep.includes(key)) delete original[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith(setOrderPrefix)) continue;
    if (key.startsWith(deletePrimitivePrefix)) {
      const field = key.slice(deletePrimitivePrefix.length);
      if (!Array.isArray(value)) throw badRequest(`${key} must be a list in map: ${describe(patch)}`);
      if (Array.isArray(original[field])) original[field] = (original[field] as unknown[]).filter((v) => !value.some((d) => deepEqual(d, v)));
      continue;
    }
    if (key.startsWith('$')) throw badRequest(`Unknown patch directive: ${key} in map: ${describe(patch)}`);
    const fieldSchema = child(schema, key);
    if (value === null) {
      delete original[key];
    } else if (isPlainObject(value)) {
      const merged = mergeMap(isPlainObject(original[key]) ? (original[key] as Obj) : {}, value, fieldSchema);
      if (merged === undefined) delete original[key];
      else original[key] = merged;
    } else if (Array.isArray(value)) {
      original[key] = mergeList(Array.isArray(original[key]) ? (original[key] as unknown[]) : [], value, fieldSchema);
    } else {
      original[key] = value;
    }
  }
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setOrderPrefix)) continue;
    const field = key.slice(setOrderPrefix.length);
    const order = patch[key];
    if (Array.isArray(order) && Array.isArray(original[field])) original[field] = reorder(original[field] as unknown[], order, child(schema, field));
  }
  return original;
}

function mergeList(original: unknown[], patch: unknown[], schema: FieldSchema | undefined): unknown[] {
  if (schema?.list === 'set') {
    const out = [...original];
    for (const v of patch) if (!out.some((o) => deepEqual(o, v))) out.push(cloneJson(v));
    return out;
  }
  if (schema?.list !== 'keyed' || !schema.mergeKey) return stripDirectives(patch) as unknown[];
  const key = schema.mergeKey;
  // `{"$patch": "replace"}` as an element means: the list is exactly the other elements.
  if (patch.some((p) => isPlainObject(p) && p.$patch === 'replace')) {
    return stripDirectives(patch.filter((p) => !(isPlainObject(p) && p.$patch === 'replace'))) as unknown[];
  }
  const out = original.map((o) => o);
  for (const item of patch) {
    if (!isPlainObject(item)) {
      throw badRequest(`unable to find api field in struct for the list element: ${JSON.stringify(item)}`);
    }
    if (!(key in item)) throw badRequest(`map: ${describe(item)} does not contain declared merge key: ${key}`);
    const at = out.findIndex((o) => isPlainObject(o) && deepEqual(o[key], item[key]));
    if (item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) {
      const merged = mergeMap(cloneJson(out[at] as Obj), item, schema.items);
      if (merged === undefined) out.splice(at, 1);
      else out[at] = merged;
    } else {
      const fresh = mergeMap({}, item, schema.items);
      if (fresh !== undefined) out.push(fresh);
    }
  }
  return out;
}

/** $setElementOrder: listed elements first, in that order; others keep their relative order after. */
function reorder(list: unknown[], order: unknown[], schema: FieldSchema | undefined): unknown[] {
  const key = schema?.mergeKey;
  const identity = (v: unknown) => (key && isPlainObject(v) ? v[key] : v);
  const wanted = order.map((o) => identity(o));
  const ranked = list.map((item, i) => {
    const rank = wanted.findIndex((w) => deepEqual(w, identity(item)));
    return { item, rank: rank < 0 ? wanted.length + i : rank };
  });
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked.map((r) => r.item);
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isPlainObject(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue;
    if (v !== null) out[k] = stripDirectives(v);
  }
  return out;
}

/** Go's %v of a map, as upstream's patch errors print it. */
function describe(value: Obj): string {
  return `map[${Object.keys(value)
    .sort()
    .map((k) => `${k}:${typeof value[k] === 'object' ? JSON.stringify(value[k]) : String(value[k])}`)
    .join(' ')}]`;
}
