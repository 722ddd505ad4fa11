// The OpenAPI v3 documents an API server publishes at /openapi/v3/<group-version>: the schemas of
// the group-version's kinds (and everything they reference) plus one path item per endpoint.
// kubectl reads them for `explain`, for server-side field validation (it looks for a PATCH
// operation with the kind's x-kubernetes-group-version-kind and a fieldValidation parameter) and
// to compute client-side apply patches (it needs the strategic-merge-patch content type there).
import { contentHash } from './hash.ts';
import { definitions } from './registry.ts';
import type { GroupVersionKind, Schema } from './schema.ts';

/** What the documents need to know about a served resource (the machinery's ResourceType fits). */
export interface ServedResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  verbs: string[];
  subresources: string[];
}

export interface OpenApiDocument {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/** 'api/v1' or 'apis/apps/v1', as the /openapi/v3 index names group-versions. */
export function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const refTo = (name: string) => `#/components/schemas/${name}`;

/** Writes our schema the way kube-apiserver does: references wrapped in allOf, objects defaulted to {}. */
function serialize(schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, serialize(v)]));
    else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) out[key] = serialize(value as Schema);
    else if (key === 'oneOf') out.oneOf = (value as Schema[]).map(serialize);
    else out[key] = value;
  }
  if (schema.$ref) {
    out.allOf = [{ $ref: refTo(schema.$ref) }];
    if (definitions[schema.$ref]?.type === 'object' && out.default === undefined) out.default = {};
  }
  return out;
}

/** Every definition reachable from the roots. */
function closure(roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (s: Schema | undefined) => {
    if (!s) return;
    if (s.$ref && !seen.has(s.$ref)) {
      seen.add(s.$ref);
      visit(definitions[s.$ref]);
    }
    for (const p of Object.values(s.properties ?? {})) visit(p);
    visit(s.items);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties);
    for (const o of s.oneOf ?? []) visit(o);
  };
  for (const r of roots) visit({ $ref: r });
  return [...seen].sort();
}

function definitionFor(g: GroupVersionKind): string | undefined {
  return Object.keys(definitions).find((name) =>
    (definitions[name]!['x-kubernetes-group-version-kind'] ?? []).some((x) => x.group === g.group && x.version === g.version && x.kind === g.kind),
  );
}

const query = (name: string, description: string, type = 'string') => ({ name, in: 'query', description, schema: { type, uniqueItems: true } });
const writeParams = [
  query('dryRun', 'When All, the request is checked and answered but nothing is stored.'),
  query('fieldManager', 'The name of the actor making the change, recorded in managedFields. Required for apply patches.'),
  query('fieldValidation', 'What to do with unknown or duplicate fields: Ignore, Warn (the default) or Strict (reject the request).'),
];
const listParams = [
  query('labelSelector', 'Only objects whose labels match this selector.'),
  query('fieldSelector', 'Only objects whose fields match this selector.'),
  query('limit', 'The most objects to return; use the continue token for more.', 'integer'),
  query('continue', 'The token from the previous page.'),
  query('resourceVersion', 'Which version of the store to read; with watch, where to start.'),
  query('timeoutSeconds', 'How long a watch may stay open.', 'integer'),
  query('watch', 'Stream changes instead of returning a list.', 'boolean'),
  query('allowWatchBookmarks', 'Allow BOOKMARK events in a watch.', 'boolean'),
];
const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', uniqueItems: true } });

function operation(verb: string, action: string, g: GroupVersionKind, what: string, responseDef: string, extra: Record<string, unknown> = {}) {
  const content = { 'application/json': { schema: { $ref: refTo(responseDef) } }, 'application/yaml': { schema: { $ref: refTo(responseDef) } } };
  return {
    description: `${verb} ${what}`,
    operationId: `${action}${g.kind}`,
    responses: { '200': { description: 'OK', content }, '401': { description: 'Unauthorized' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': g,
    ...extra,
  };
}

function patchOperation(g: GroupVersionKind, what: string, responseDef: string, strategic: boolean) {
  const patch = { schema: { $ref: refTo('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') } };
  const content: Record<string, unknown> = {
    'application/apply-patch+yaml': patch,
    'application/json-patch+json': patch,
    'application/merge-patch+json': patch,
  };
  // Custom resources have no Go types, so no strategic merge: kubectl then computes merge patches.
  if (strategic) content['application/strategic-merge-patch+json'] = patch;
  return operation('partially update', 'patch', g, what, responseDef, {
    parameters: [...writeParams, query('force', 'Apply patches only: take over fields other managers own.', 'boolean')],
    requestBody: { content, required: true },
  });
}

function pathsFor(r: ServedResource, strategic: boolean): Record<string, Record<string, unknown>> {
  const g = { group: r.group, version: r.version, kind: r.kind };
  const def = definitionFor(g);
  if (!def) return {};
  const listDef = definitionFor({ ...g, kind: `${r.kind}List` }) ?? def;
  const base = `/${groupVersionPath(r.group, r.version)}`;
  const collection = r.namespaced ? `${base}/namespaces/{namespace}/${r.plural}` : `${base}/${r.plural}`;
  const item = `${collection}/{name}`;
  const scopeParams = r.namespaced ? [pathParam('namespace', 'The namespace of the objects.')] : [];
  const itemParams = [pathParam('name', `The name of the ${r.kind}.`), ...scopeParams];
  const has = (verb: string) => r.verbs.includes(verb);
  const paths: Record<string, Record<string, unknown>> = {};

  const coll: Record<string, unknown> = { parameters: scopeParams };
  if (has('list')) coll.get = operation('list or watch', 'list', g, `objects of kind ${r.kind}`, listDef, { parameters: listParams });
  if (has('create')) coll.post = operation('create', 'post', g, `a ${r.kind}`, def, { parameters: writeParams, requestBody: { content: { '*/*': { schema: { $ref: refTo(def) } } }, required: true } });
  if (has('deletecollection')) coll.delete = operation('delete', 'deletecollection', g, `a collection of ${r.kind}`, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  paths[collection] = coll;
  if (r.namespaced && has('list')) paths[`${base}/${r.plural}`] = { get: operation('list or watch', 'list', g, `objects of kind ${r.kind} in all namespaces`, listDef, { parameters: listParams }) };

  const one: Record<string, unknown> = { parameters: itemParams };
  if (has('get')) one.get = operation('read', 'get', g, `the specified ${r.kind}`, def);
  if (has('update')) one.put = operation('replace', 'put', g, `the specified ${r.kind}`, def, { parameters: writeParams, requestBody: { content: { '*/*': { schema: { $ref: refTo(def) } } }, required: true } });
  if (has('patch')) one.patch = patchOperation(g, `the specified ${r.kind}`, def, strategic);
  if (has('delete')) one.delete = operation('delete', 'delete', g, `a ${r.kind}`, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  paths[item] = one;

  for (const sub of r.subresources) {
    if (sub !== 'status' && sub !== 'scale') continue;
    const subDef = sub === 'scale' ? 'io.k8s.api.autoscaling.v1.Scale' : def;
    const subGvk = sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : g;
    paths[`${item}/${sub}`] = {
      parameters: itemParams,
      get: operation('read', 'get', subGvk, `${sub} of the specified ${r.kind}`, subDef),
      put: operation('replace', 'put', subGvk, `${sub} of the specified ${r.kind}`, subDef, { parameters: writeParams }),
      patch: patchOperation(subGvk, `${sub} of the specified ${r.kind}`, subDef, true),
    };
  }
  return paths;
}

const isCustomResourceGroup = (group: string) => group.endsWith('.x-k8s.io') || group === 'gateway.networking.k8s.io';

/** The document of one group-version, built from the resources served in it. */
export function buildDocument(resources: ServedResource[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const roots: string[] = ['io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch'];
  for (const r of resources) {
    Object.assign(paths, pathsFor(r, !isCustomResourceGroup(r.group)));
    for (const k of [r.kind, `${r.kind}List`]) {
      const def = definitionFor({ group: r.group, version: r.version, kind: k });
      if (def) roots.push(def);
    }
    if (r.subresources.includes('scale')) roots.push('io.k8s.api.autoscaling.v1.Scale');
  }
  const schemas: Record<string, unknown> = {};
  for (const name of closure(roots)) schemas[name] = serialize(definitions[name]!);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.2' },
    paths,
    components: { schemas, securitySchemes: { BearerToken: { type: 'apiKey', in: 'header', name: 'authorization', description: 'Bearer token authentication' } } },
  };
}

export interface PublishedDocuments {
  /** GET /openapi/v3 */
  index: { paths: Record<string, { serverRelativeURL: string }> };
  /** GET /openapi/v3/<path>: the JSON text and its hash. */
  documents: Map<string, { json: string; hash: string }>;
}

/** All documents for the served resources, serialized once, with the index that points at them. */
export function publishDocuments(resources: readonly ServedResource[]): PublishedDocuments {
  const byGv = new Map<string, ServedResource[]>();
  for (const r of resources) {
    const key = groupVersionPath(r.group, r.version);
    byGv.set(key, [...(byGv.get(key) ?? []), r]);
  }
  const documents = new Map<string, { json: string; hash: string }>();
  const index: PublishedDocuments['index'] = { paths: {} };
  for (const [path, rs] of byGv) {
    const json = JSON.stringify(buildDocument(rs));
    const hash = contentHash(json);
    documents.set(path, { json, hash });
    index.paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { index, documents };
}
