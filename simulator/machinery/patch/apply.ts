// Server-side apply, simplified. What it does like upstream:
// - the applied config merges into the live object (maps by key, keyed lists by merge key,
//   other lists replaced), and the object is created when it does not exist;
// - metadata.managedFields gets an `Apply` entry for the field manager, with fieldsV1 listing the
//   fields that manager set;
// - a field this manager applied before and leaves out now is removed (unless another applier
//   also owns it);
// - changing a field another *applier* owns fails with 409 unless force is set, which takes it over.
// What it simplifies: ownership is only tracked for Apply operations (Update entries own nothing,
// so applying over a field set by kubectl edit/patch never conflicts), list-map keys are the patch
// merge keys, and there is no per-version conversion of managed fields.
import type { ApiServer } from '../api-server.ts';
import { decodeObject } from '../decode.ts';
import { ApiError, badRequest } from '../errors.ts';
import { cloneJson, deepEqual, isPlainObject } from '../json.ts';
import { managedFieldsOf, recordManager } from '../managed-fields.ts';
import { apiVersionOf } from '../resources.ts';
import type { KubeObject, ResourceType, WriteOptions } from '../types.ts';
import { parse as parseYaml } from 'yaml';
import { child, schemaForKind, type FieldSchema } from './patch-schema.ts';
import { applyStrategicMerge } from './strategic-merge.ts';

type Segment = { f: string } | { k: Record<string, unknown> };
type FieldPath = Segment[];

const identityFields = new Set(['apiVersion', 'kind']);
const identityMeta = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields']);

/** The fields an applied configuration sets, as paths. */
export function fieldPaths(obj: unknown, schema: FieldSchema | undefined, prefix: FieldPath = [], out: FieldPath[] = []): FieldPath[] {
  if (!isPlainObject(obj)) return out;
  for (const [key, value] of Object.entries(obj)) {
    if (prefix.length === 0 && identityFields.has(key)) continue;
    if (prefix.length === 1 && 'f' in prefix[0]! && prefix[0].f === 'metadata' && identityMeta.has(key)) continue;
    if (value === null || value === undefined) continue;
    const path = [...prefix, { f: key }];
    const s = child(schema, key);
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      fieldPaths(value, s, path, out);
    } else if (Array.isArray(value) && s?.list === 'keyed' && s.mergeKey) {
      for (const item of value) {
        if (!isPlainObject(item) || !(s.mergeKey in item)) continue;
        const itemPath: FieldPath = [...path, { k: { [s.mergeKey]: item[s.mergeKey] } }];
        out.push(itemPath);
        fieldPaths(item, s.items, itemPath, out);
      }
    } else {
      out.push(path);
    }
  }
  return out;
}

function pathKey(p: FieldPath): string {
  return JSON.stringify(p);
}

/** `.spec.template.spec.containers[name="web"].image`, as apply conflicts print paths. */
export function formatPath(p: FieldPath): string {
  return p
    .map((s) =>
      'f' in s
        ? `.${s.f}`
        : `[${Object.entries(s.k)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join(',')}]`,
    )
    .join('');
}

/** fieldsV1: {"f:spec":{"f:replicas":{}}, …} with `k:{…}` for keyed list elements. */
export function toFieldsV1(paths: FieldPath[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const p of paths) {
    let node = root;
    for (const s of p) {
      const key = 'f' in s ? `f:${s.f}` : `k:${JSON.stringify(s.k)}`;
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    if ('k' in p[p.length - 1]!) node['.'] = {};
  }
  return root;
}

export function fromFieldsV1(tree: unknown, prefix: FieldPath = [], out: FieldPath[] = []): FieldPath[] {
  if (!isPlainObject(tree)) return out;
  const keys = Object.keys(tree);
  if (prefix.length && (keys.length === 0 || keys.includes('.'))) out.push(prefix);
  for (const key of keys) {
    if (key === '.') continue;
    let seg: Segment | undefined;
    if (key.startsWith('f:')) seg = { f: key.slice(2) };
    else if (key.startsWith('k:')) {
      try {
        seg = { k: JSON.parse(key.slice(2)) as Record<string, unknown> };
      } catch {
        continue;
      }
    }
    if (seg) fromFieldsV1(tree[key], [...prefix, seg], out);
  }
  return out;
}

/** The value at a path, or undefined. */
function valueAt(obj: unknown, p: FieldPath): unknown {
  let cur: unknown = obj;
  for (const s of p) {
    if ('f' in s) cur = isPlainObject(cur) ? cur[s.f] : undefined;
    else cur = Array.isArray(cur) ? cur.find((item) => isPlainObject(item) && Object.entries(s.k).every(([k, v]) => deepEqual(item[k], v))) : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function removeAt(obj: unknown, p: FieldPath): void {
  const parent = valueAt(obj, p.slice(0, -1));
  const last = p[p.length - 1]!;
  if ('f' in last) {
    if (isPlainObject(parent)) delete parent[last.f];
  } else if (Array.isArray(parent)) {
    const i = parent.findIndex((item) => isPlainObject(item) && Object.entries(last.k).every(([k, v]) => deepEqual(item[k], v)));
    if (i >= 0) parent.splice(i, 1);
  }
}

function parseApplyBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return parseYaml(body);
  } catch (e) {
    throw badRequest(`error decoding YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function serverSideApply(server: ApiServer, rt: ResourceType, namespace: string, name: string, body: unknown, opts: WriteOptions): KubeObject {
  const manager = opts.fieldManager;
  if (!manager) throw badRequest('PATCH, field manager is required for apply requests: fieldManager is required for apply requests');
  const applied = decodeObject(rt, parseApplyBody(body));
  if (applied.metadata.name === undefined) applied.metadata.name = name;
  if (applied.metadata.name !== name) {
    throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
  }
  if (rt.namespaced) {
    if (applied.metadata.namespace && applied.metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    applied.metadata.namespace = namespace;
  }
  const schema = schemaForKind(rt.kind);
  const paths = fieldPaths(applied, schema);
  const fieldsV1 = toFieldsV1(paths);
  const live = server.store.get(rt, namespace, name);
  const { fieldManager: _, ...rest } = opts;
  if (!live) {
    const created = server.createFrom(rt, cloneJson(applied), { ...rest, dryRun: true });
    recordManager(created, manager, 'Apply', rt, server.clock.now(), undefined, fieldsV1);
    if (opts.dryRun) return created;
    // Commit what the dry run prepared, now carrying the Apply entry.
    delete created.metadata.resourceVersion;
    return server.createPrepared(rt, created);
  }

  const entries = managedFieldsOf(live);
  const mine = entries.find((e) => e.manager === manager && e.operation === 'Apply' && !e.subresource);
  const previous = mine ? fromFieldsV1(mine.fieldsV1) : [];
  const appliedKeys = new Set(paths.map(pathKey));
  const others = entries.filter((e) => e !== mine && e.operation === 'Apply');
  const conflicts: Array<{ manager: string; path: FieldPath }> = [];
  for (const e of others) {
    for (const p of fromFieldsV1(e.fieldsV1)) {
      if (appliedKeys.has(pathKey(p)) && !deepEqual(valueAt(live, p), valueAt(applied, p))) conflicts.push({ manager: e.manager, path: p });
    }
  }
  const next = cloneJson(live);
  const updatedEntries = cloneJson(entries);
  if (conflicts.length && !opts.force) throw applyConflict(rt, conflicts);
  if (conflicts.length) {
    // force: the other appliers lose the fields we take over.
    const taken = new Set(conflicts.map((c) => pathKey(c.path)));
    for (const e of updatedEntries) {
      if (e.manager === manager || e.operation !== 'Apply') continue;
      e.fieldsV1 = toFieldsV1(fromFieldsV1(e.fieldsV1).filter((p) => !taken.has(pathKey(p))));
    }
  }
  const ownedByOthers = new Set(others.flatMap((e) => fromFieldsV1(e.fieldsV1).map(pathKey)));
  const dropped = previous.filter((p) => !appliedKeys.has(pathKey(p)) && !ownedByOthers.has(pathKey(p)));
  dropped.sort((a, b) => b.length - a.length);
  for (const p of dropped) {
    removeAt(next, p);
    // Maps left empty by the removal go too (labels: {} → no labels), up to the top-level fields.
    for (let up = p.length - 1; up >= 2; up--) {
      const parent = valueAt(next, p.slice(0, up));
      if (isPlainObject(parent) && Object.keys(parent).length === 0 && 'f' in p[up - 1]!) removeAt(next, p.slice(0, up));
      else break;
    }
  }
  const merged = applyStrategicMerge(next, applied, schema) as KubeObject;
  merged.metadata.managedFields = updatedEntries;
  recordManager(merged, manager, 'Apply', rt, server.clock.now(), undefined, fieldsV1);
  merged.metadata.resourceVersion = live.metadata.resourceVersion;
  return server.writeUpdate(rt, live, merged, rest, 'main');
}

function applyConflict(rt: ResourceType, conflicts: Array<{ manager: string; path: FieldPath }>): ApiError {
  const version = apiVersionOf(rt);
  const managers = [...new Set(conflicts.map((c) => c.manager))];
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with "${conflicts[0]!.manager}" using ${version}: ${formatPath(conflicts[0]!.path)}`;
  } else {
    message = `Apply failed with ${conflicts.length} conflicts: ${managers
      .map((m) => `conflicts with "${m}" using ${version}:\n${conflicts.filter((c) => c.manager === m).map((c) => `- ${formatPath(c.path)}`).join('\n')}`)
      .join('\n')}`;
  }
  return new ApiError({
    apiVersion: 'v1',
    kind: 'Status',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Conflict',
    code: 409,
    details: {
      causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${version}`, field: formatPath(c.path) })),
    },
  });
}
