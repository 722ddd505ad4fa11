// The REST verbs on a resource path: list/watch, create and deletecollection on collections;
// get, update, patch and delete on objects; status, scale and finalize subresources. Each maps to
// one call on the simulator's ApiClient, with kube-apiserver's query parameters, media types,
// Table responses and field validation around it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, resourceNotFound } from '../machinery/errors.ts';
import { isPlainObject } from '../machinery/json.ts';
import { apiVersionOf } from '../machinery/resources.ts';
import type { DeleteOptions, KubeObject, ListOptions, ResourceRef, WriteOptions } from '../machinery/types.ts';
import { buildTable, type IncludeObject } from '../printers/index.ts';
import type { ResourcePath } from './api-paths.ts';
import { methodNotAllowed, queryFlag, queryInt, readBody, sendJson, statusError, wantsTable } from './http-io.ts';
import { streamPodLogs } from './pod-logs.ts';
import { checkUnknownFields, decodeObjectBody, decodePatchBody, parseFieldValidation } from './request-body.ts';
import type { ServerContext } from './server-context.ts';
import { streamWatch } from './watch-stream.ts';

type Query = URLSearchParams;

function includeObject(q: Query): IncludeObject {
  const v = q.get('includeObject');
  if (v === null || v === '') return 'Metadata';
  if (v === 'None' || v === 'Metadata' || v === 'Object') return v;
  throw badRequest(`includeObject must be one of None, Metadata, Object; got ${JSON.stringify(v)}`);
}

function dryRun(q: Query): boolean {
  const values = q.getAll('dryRun');
  for (const v of values) if (v !== 'All') throw statusError(400, 'BadRequest', `Invalid dryRun value: ${JSON.stringify(v)}; only "All" is supported`);
  return values.length > 0;
}

function listOptions(q: Query, namespace: string | undefined): ListOptions {
  const opts: ListOptions = { namespace };
  const labelSelector = q.get('labelSelector');
  const fieldSelector = q.get('fieldSelector');
  const resourceVersion = q.get('resourceVersion');
  const cont = q.get('continue');
  if (labelSelector) opts.labelSelector = labelSelector;
  if (fieldSelector) opts.fieldSelector = fieldSelector;
  if (resourceVersion !== null) opts.resourceVersion = resourceVersion;
  const limit = queryInt(q.get('limit'), 'limit');
  if (limit !== undefined) opts.limit = limit;
  if (cont) opts.continue = cont;
  return opts;
}

function warningHeaders(warnings: string[]): Record<string, string[]> {
  return warnings.length ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : {};
}

export async function handleResource(req: IncomingMessage, res: ServerResponse, url: URL, path: ResourcePath, ctx: ServerContext): Promise<void> {
  const { rt } = path;
  const ref: ResourceRef = { group: rt.group, resource: rt.plural };
  const q = url.searchParams;
  const client = ctx.cluster.client;
  const now = () => ctx.cluster.clock.now();
  const method = req.method ?? 'GET';
  const table = wantsTable(req.headers.accept);
  const kindRef = { group: rt.group, kind: rt.kind };
  const namespace = rt.namespaced ? path.namespace : undefined;

  const sendObject = (code: number, obj: KubeObject, warnings: string[] = []) => {
    if (table && method === 'GET') {
      sendJson(res, code, buildTable(kindRef, [obj], { now: now(), includeObject: includeObject(q), resourceVersion: obj.metadata?.resourceVersion }));
    } else sendJson(res, code, obj, 'application/json', warningHeaders(warnings));
  };
  const writeOptions = (): WriteOptions => {
    const opts: WriteOptions = { dryRun: dryRun(q) };
    const manager = q.get('fieldManager');
    if (manager) opts.fieldManager = manager;
    return opts;
  };
  /** Fills in what the URL implies: apiVersion and kind when the body leaves them out (the
   * decoder defaults them from the endpoint, so typed clients may omit them), and the namespace,
   * refusing a different one as upstream does. */
  const placeInNamespace = (body: unknown) => {
    if (isPlainObject(body) && path.subresource === undefined) {
      if (body.apiVersion === undefined || body.apiVersion === '') body.apiVersion = apiVersionOf(rt);
      if (body.kind === undefined || body.kind === '') body.kind = rt.kind;
    }
    if (!rt.namespaced || !isPlainObject(body)) return;
    const meta = isPlainObject(body.metadata) ? body.metadata : (body.metadata = {});
    if (meta.namespace === undefined || meta.namespace === '') meta.namespace = namespace;
    else if (meta.namespace !== namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  };

  // ---- collections ----
  if (path.name === undefined) {
    if (method === 'GET' && queryFlag(q.get('watch')) && q.has('watch')) {
      const opts = listOptions(q, namespace);
      const include = includeObject(q);
      const timeoutSeconds = queryInt(q.get('timeoutSeconds'), 'timeoutSeconds') ?? ctx.watchTimeoutSeconds;
      const allowBookmarks = queryFlag(q.get('allowWatchBookmarks')) && q.has('allowWatchBookmarks');
      streamWatch(req, res, {
        start: (onEvent) => client.watch(ref, opts, onEvent),
        transform: table ? (e) => buildTable(kindRef, [e.object], { now: now(), includeObject: include, resourceVersion: e.object.metadata.resourceVersion }) : undefined,
        timeoutSeconds,
        bookmark: allowBookmarks
          ? () => ({ kind: rt.kind, apiVersion: apiVersionOf(rt), metadata: { resourceVersion: String(ctx.cluster.api.store.revision) } })
          : undefined,
      });
      return;
    }
    if (method === 'GET') {
      const list = client.list(ref, listOptions(q, namespace));
      if (table) {
        sendJson(res, 200, buildTable(kindRef, list.items, { now: now(), includeObject: includeObject(q), resourceVersion: list.metadata.resourceVersion, continue: list.metadata.continue }));
      } else sendJson(res, 200, list);
      return;
    }
    if (method === 'POST') {
      const body = decodeObjectBody(req.headers['content-type'], await readBody(req));
      placeInNamespace(body);
      const warnings = checkUnknownFields(rt, body, parseFieldValidation(q.get('fieldValidation')));
      const created = client.create(ref, body as KubeObject, writeOptions());
      sendObject(201, created, warnings);
      return;
    }
    if (method === 'DELETE') {
      if (!rt.verbs.includes('deletecollection')) throw methodNotAllowed();
      const opts = await deleteOptions(req, q);
      const list = client.list(ref, listOptions(q, namespace));
      const deleted: unknown[] = [];
      for (const item of list.items) deleted.push(client.delete(ref, item.metadata.namespace, item.metadata.name!, opts));
      sendJson(res, 200, { kind: `${rt.kind}List`, apiVersion: apiVersionOf(rt), metadata: { resourceVersion: String(ctx.cluster.api.store.revision) }, items: deleted });
      return;
    }
    throw methodNotAllowed();
  }

  const name = path.name;
  // ---- subresources ----
  if (path.subresource !== undefined) {
    const sub = path.subresource;
    if (!rt.subresources.includes(sub)) throw resourceNotFound();
    if (sub === 'log' && method === 'GET') return streamPodLogs(req, res, q, client.get(ref, namespace, name), ctx);
    if (sub === 'exec' || sub === 'attach' || sub === 'portforward') {
      throw statusError(400, 'BadRequest', 'Upgrade request required');
    }
    if (sub === 'scale') {
      if (method === 'GET') return sendObject(200, client.get(ref, namespace, name, { subresource: 'scale' }));
      if (method === 'PUT') {
        const body = decodeObjectBody(req.headers['content-type'], await readBody(req));
        if (isPlainObject(body) && isPlainObject(body.metadata) && body.metadata.name === undefined) body.metadata.name = name;
        placeInNamespace(body);
        return sendObject(200, client.update(ref, body as KubeObject, { ...writeOptions(), subresource: 'scale' }));
      }
    }
    if (sub === 'status') {
      if (method === 'GET') return sendObject(200, client.get(ref, namespace, name));
      if (method === 'PUT') {
        const body = decodeObjectBody(req.headers['content-type'], await readBody(req));
        placeInNamespace(body);
        checkName(body, name);
        return sendObject(200, client.updateStatus(ref, body as KubeObject, writeOptions()));
      }
    }
    if (sub === 'finalize' && method === 'PUT') {
      const body = decodeObjectBody(req.headers['content-type'], await readBody(req));
      checkName(body, name);
      return sendObject(200, client.update(ref, body as KubeObject, { ...writeOptions(), subresource: 'finalize' }));
    }
    if (sub === 'eviction' && method === 'POST') {
      // The policy/v1 Eviction of kubectl drain: no PodDisruptionBudgets here, so it always succeeds.
      const body = decodeObjectBody(req.headers['content-type'], await readBody(req)) as { deleteOptions?: DeleteOptions };
      client.delete(ref, namespace, name, body?.deleteOptions ?? {});
      sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
      return;
    }
    if ((sub === 'status' || sub === 'scale') && method === 'PATCH') {
      const { type, patch } = decodePatchBody(req.headers['content-type'], await readBody(req), rt);
      const opts = { ...writeOptions(), force: q.get('force') === 'true', subresource: sub as 'status' | 'scale' };
      return sendObject(200, client.patch(ref, namespace, name, type, patch, opts));
    }
    throw methodNotAllowed();
  }

  // ---- one object ----
  switch (method) {
    case 'GET':
      return sendObject(200, client.get(ref, namespace, name));
    case 'PUT': {
      const body = decodeObjectBody(req.headers['content-type'], await readBody(req));
      placeInNamespace(body);
      checkName(body, name);
      const warnings = checkUnknownFields(rt, body, parseFieldValidation(q.get('fieldValidation')));
      return sendObject(200, client.update(ref, body as KubeObject, writeOptions()), warnings);
    }
    case 'PATCH': {
      const { type, patch } = decodePatchBody(req.headers['content-type'], await readBody(req), rt);
      const warnings = type === 'json' ? [] : checkUnknownFields(rt, patch, parseFieldValidation(q.get('fieldValidation')), { patch: true });
      const force = q.get('force') === 'true';
      if (q.has('force') && type !== 'apply') throw badRequest('force flag must only be set for apply patches');
      let existed = true;
      if (type === 'apply') {
        try {
          client.get(ref, namespace, name);
        } catch {
          existed = false;
        }
      }
      const patched = client.patch(ref, namespace, name, type, patch, { ...writeOptions(), force });
      return sendObject(existed ? 200 : 201, patched, warnings);
    }
    case 'DELETE': {
      const result = client.delete(ref, namespace, name, await deleteOptions(req, q));
      sendJson(res, 200, result);
      return;
    }
    default:
      throw methodNotAllowed();
  }
}

function checkName(body: unknown, name: string): void {
  if (!isPlainObject(body) || !isPlainObject(body.metadata)) return;
  const bodyName = body.metadata.name;
  if (bodyName === undefined || bodyName === '') body.metadata.name = name;
  else if (bodyName !== name) throw badRequest(`the name of the object (${String(bodyName)}) does not match the name on the URL (${name})`);
}

/** DeleteOptions from the body (kubectl sends JSON) and the query (client-node may use either). */
async function deleteOptions(req: IncomingMessage, q: Query): Promise<DeleteOptions> {
  const raw = await readBody(req);
  let opts: DeleteOptions = {};
  if (raw.length > 0) {
    const body = decodeObjectBody(req.headers['content-type'], raw);
    if (isPlainObject(body)) {
      const { propagationPolicy, gracePeriodSeconds, preconditions, dryRun: bodyDryRun, orphanDependents } = body as Record<string, unknown>;
      if (typeof propagationPolicy === 'string') opts.propagationPolicy = propagationPolicy as DeleteOptions['propagationPolicy'];
      else if (orphanDependents === true) opts.propagationPolicy = 'Orphan';
      if (typeof gracePeriodSeconds === 'number') opts.gracePeriodSeconds = gracePeriodSeconds;
      if (isPlainObject(preconditions)) opts.preconditions = preconditions as DeleteOptions['preconditions'];
      if (Array.isArray(bodyDryRun) && bodyDryRun.includes('All')) opts.dryRun = true;
    }
  }
  const policy = q.get('propagationPolicy');
  if (policy) opts = { ...opts, propagationPolicy: policy as DeleteOptions['propagationPolicy'] };
  const grace = queryInt(q.get('gracePeriodSeconds'), 'gracePeriodSeconds');
  if (grace !== undefined) opts.gracePeriodSeconds = grace;
  if (dryRun(q)) opts.dryRun = true;
  return opts;
}
