// The patch client-side `kubectl apply` computes (strategicpatch.CreateThreeWayMergePatch):
//   - changes and additions: what the new manifest has that the live object lacks or holds
//     differently (fields the server or controllers added are left alone);
//   - deletions: what the last applied manifest had that the new one dropped (null for a field,
//     {"$patch": "delete", key} for a keyed list element, $deleteFromPrimitiveList for sets);
//   - $setElementOrder for keyed lists that changed, so the server keeps the manifest's order.
// Custom resources get the JSON merge patch version (lists replaced whole).
import { deepEqual, isPlainObject } from '../machinery/json.ts';
import { child, type FieldSchema } from '../machinery/patch/patch-schema.ts';

type Obj = Record<string, unknown>;

interface DiffOptions {
  ignoreDeletions?: boolean;
  ignoreChangesAndAdditions?: boolean;
}

export function threeWayStrategicPatch(original: Obj | undefined, modified: Obj, current: Obj, schema: FieldSchema): Obj {
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true });
  const deletions = original ? diffMaps(original, modified, schema, { ignoreChangesAndAdditions: true }) : {};
  return mergePatches(deletions, delta, schema);
}

/** The merge-patch form for kinds without a strategic schema (custom resources). */
export function threeWayMergePatch(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const atomic: FieldSchema = {};
  const delta = diffMaps(current, modified, atomic, { ignoreDeletions: true });
  const deletions = original ? diffMaps(original, modified, atomic, { ignoreChangesAndAdditions: true }) : {};
  return mergePatches(deletions, delta, atomic);
}

/** A two-way strategic patch from original to modified (what `kubectl edit` sends). */
export function twoWayStrategicPatch(original: Obj, modified: Obj, schema: FieldSchema): Obj {
  return diffMaps(original, modified, schema, {});
}

function diffMaps(original: Obj, modified: Obj, schema: FieldSchema | undefined, opts: DiffOptions): Obj {
  const patch: Obj = {};
  for (const [key, mod] of Object.entries(modified)) {
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const orig = original[key];
    const fieldSchema = child(schema, key);
    if (isPlainObject(orig) && isPlainObject(mod)) {
      const sub = diffMaps(orig, mod, fieldSchema, opts);
      if (Object.keys(sub).length) patch[key] = sub;
    } else if (Array.isArray(orig) && Array.isArray(mod)) {
      diffLists(key, orig, mod, fieldSchema, patch, opts);
    } else if (!deepEqual(orig, mod) && !opts.ignoreChangesAndAdditions) {
      patch[key] = mod;
    }
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  return patch;
}

function diffLists(key: string, original: unknown[], modified: unknown[], schema: FieldSchema | undefined, patch: Obj, opts: DiffOptions): void {
  if (schema?.list === 'keyed' && schema.mergeKey && [...original, ...modified].every(isPlainObject)) {
    const mk = schema.mergeKey;
    const orig = original as Obj[];
    const mod = modified as Obj[];
    const changes: Obj[] = [];
    for (const m of mod) {
      const o = orig.find((x) => deepEqual(x[mk], m[mk]));
      if (o) {
        const sub = diffMaps(o, m, schema.items, opts);
        if (Object.keys(sub).length) changes.push({ ...sub, [mk]: m[mk] });
      } else if (!opts.ignoreChangesAndAdditions) changes.push(m);
    }
    const deletes: Obj[] = [];
    if (!opts.ignoreDeletions) {
      for (const o of orig) if (!mod.some((m) => deepEqual(m[mk], o[mk]))) deletes.push({ $patch: 'delete', [mk]: o[mk] });
    }
    const all = [...changes, ...deletes];
    if (all.length) patch[key] = all;
    const orderSame = orig.length === mod.length && orig.every((o, i) => deepEqual(o[mk], mod[i]![mk]));
    if ((!opts.ignoreChangesAndAdditions && (changes.length > 0 || !orderSame)) || (!opts.ignoreDeletions && all.length > 0)) {
      patch[`$setElementOrder/${key}`] = mod.map((m) => ({ [mk]: m[mk] }));
    }
    return;
  }
  if (schema?.list === 'set') {
    const additions = modified.filter((m) => !original.some((o) => deepEqual(o, m)));
    const removals = original.filter((o) => !modified.some((m) => deepEqual(o, m)));
    if (!opts.ignoreChangesAndAdditions && additions.length) patch[key] = additions;
    if (!opts.ignoreDeletions && removals.length) patch[`$deleteFromPrimitiveList/${key}`] = removals;
    if ((!opts.ignoreChangesAndAdditions && additions.length) || (!opts.ignoreDeletions && removals.length)) patch[`$setElementOrder/${key}`] = modified;
    return;
  }
  if (!deepEqual(original, modified) && !opts.ignoreChangesAndAdditions) patch[key] = modified;
}

/** Combines the deletions patch with the changes patch; the changes win where both speak. */
function mergePatches(base: Obj, over: Obj, schema: FieldSchema | undefined): Obj {
  const out: Obj = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = out[key];
    const fieldSchema = child(schema, key);
    if (isPlainObject(existing) && isPlainObject(value)) out[key] = mergePatches(existing, value, fieldSchema);
    else if (Array.isArray(existing) && Array.isArray(value) && key.startsWith('$deleteFromPrimitiveList/')) out[key] = [...existing, ...value];
    else if (Array.isArray(existing) && Array.isArray(value) && fieldSchema?.list === 'keyed' && fieldSchema.mergeKey) {
      const mk = fieldSchema.mergeKey;
      // Upstream's order: the changed elements first, then the deletions they did not touch.
      const baseItems = existing as Obj[];
      const merged: Obj[] = [];
      for (const item of value as Obj[]) {
        const match = baseItems.find((m) => isPlainObject(m) && deepEqual(m[mk], item[mk]) && m.$patch !== 'delete');
        merged.push(match ? mergePatches(match, item, fieldSchema.items) : item);
      }
      for (const item of baseItems) if (!merged.some((m) => deepEqual(m[mk], item[mk]))) merged.push(item);
      out[key] = merged;
    } else out[key] = value;
  }
  return out;
}
