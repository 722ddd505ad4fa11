// The checks kube-apiserver's decoder makes before a body reaches the registry: it is a JSON object,
// its apiVersion and kind are the endpoint's, and metadata has the right shape. Failures are 400s
// worded like upstream's, never a TypeError from deep inside the store.
import { badRequest } from './errors.ts';
import { isPlainObject, toJson } from './json.ts';
import { apiVersionOf, parseApiVersion } from './resources.ts';
import type { KubeObject, ResourceType } from './types.ts';

const stringFields = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'selfLink'];

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** A defensive JSON copy of body, checked to be an object of this resource's kind. */
export function decodeObject(rt: ResourceType, body: unknown): KubeObject {
  if (!isPlainObject(body)) {
    throw badRequest(`the body of the request was not a JSON object: got ${jsonType(body)}`);
  }
  const obj = toJson(body, `${rt.kind} object`) as Record<string, unknown>;
  const cannotHandle = (why: string) => badRequest(`${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: ${why}`);
  if (obj.kind === undefined || obj.kind === '') throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
  if (obj.apiVersion === undefined || obj.apiVersion === '') throw badRequest(`Object 'apiVersion' is missing in '${JSON.stringify(obj)}'`);
  if (typeof obj.kind !== 'string') throw cannotHandle(`json: cannot unmarshal ${jsonType(obj.kind)} into Go struct field ${rt.kind}.kind of type string`);
  if (typeof obj.apiVersion !== 'string') throw cannotHandle(`json: cannot unmarshal ${jsonType(obj.apiVersion)} into Go struct field ${rt.kind}.apiVersion of type string`);
  const gv = parseApiVersion(obj.apiVersion);
  if (gv.group !== rt.group || gv.version !== rt.version) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersionOf(rt)})`);
  }
  if (obj.kind !== rt.kind) {
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${rt.kind}) for ${rt.plural}`);
  }
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (!isPlainObject(obj.metadata)) {
    throw cannotHandle(`json: cannot unmarshal ${jsonType(obj.metadata)} into Go struct field ${rt.kind}.metadata of type v1.ObjectMeta`);
  }
  const meta = obj.metadata as Record<string, unknown>;
  const field = (name: string, type: string, v: unknown) =>
    cannotHandle(`json: cannot unmarshal ${jsonType(v)} into Go struct field ObjectMeta.metadata.${name} of type ${type}`);
  for (const f of stringFields) {
    if (meta[f] === null) delete meta[f];
    else if (meta[f] !== undefined && typeof meta[f] !== 'string') throw field(f, 'string', meta[f]);
  }
  for (const f of ['generation', 'deletionGracePeriodSeconds']) {
    if (meta[f] === null) delete meta[f];
    else if (meta[f] !== undefined && (typeof meta[f] !== 'number' || !Number.isInteger(meta[f]))) throw field(f, 'int64', meta[f]);
  }
  for (const f of ['labels', 'annotations']) {
    const m = meta[f];
    if (m === null) delete meta[f];
    else if (m !== undefined) {
      if (!isPlainObject(m)) throw field(f, 'map[string]string', m);
      for (const v of Object.values(m)) if (typeof v !== 'string') throw field(f, 'string', v);
    }
  }
  if (meta.finalizers === null) delete meta.finalizers;
  else if (meta.finalizers !== undefined) {
    if (!Array.isArray(meta.finalizers)) throw field('finalizers', '[]string', meta.finalizers);
    for (const v of meta.finalizers) if (typeof v !== 'string') throw field('finalizers', 'string', v);
  }
  if (meta.ownerReferences === null) delete meta.ownerReferences;
  else if (meta.ownerReferences !== undefined) {
    if (!Array.isArray(meta.ownerReferences)) throw field('ownerReferences', '[]v1.OwnerReference', meta.ownerReferences);
    for (const ref of meta.ownerReferences) {
      if (!isPlainObject(ref)) throw field('ownerReferences', 'v1.OwnerReference', ref);
      for (const k of ['apiVersion', 'kind', 'name', 'uid']) if (ref[k] !== undefined && typeof ref[k] !== 'string') throw field(`ownerReferences.${k}`, 'string', ref[k]);
      for (const k of ['controller', 'blockOwnerDeletion']) if (ref[k] !== undefined && ref[k] !== null && typeof ref[k] !== 'boolean') throw field(`ownerReferences.${k}`, 'bool', ref[k]);
    }
  }
  if (meta.managedFields !== undefined && meta.managedFields !== null && !Array.isArray(meta.managedFields)) {
    throw field('managedFields', '[]v1.ManagedFieldsEntry', meta.managedFields);
  }
  return obj as KubeObject;
}
