// The front door: authentication, then which handler answers the path — version and health,
// discovery, OpenAPI, or a resource. WebSocket upgrades (exec, attach, port-forward) come in
// through handleUpgrade.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { kubernetesVersion } from '../cluster-seed.ts';
import { resourceNotFound } from '../machinery/errors.ts';
import { resourceTypes } from '../machinery/resources.ts';
import { publishDocuments, type PublishedDocuments } from '../openapi/documents.ts';
import { accessReviewPath, answerAccessReview } from './access-review.ts';
import { parseApiPath } from './api-paths.ts';
import { aggregatedDiscovery, aggregatedDiscoveryType, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery.ts';
import { sendError, sendJson, sendText, statusError, unauthorized } from './http-io.ts';
import { prepareExec, rejectUpgrade, runExec } from './pod-exec.ts';
import { handleResource } from './resource-requests.ts';
import type { ServerContext } from './server-context.ts';

/** /version: the dispatcher kubectl on PATH picks the kubectl binary by this minor version. */
export function versionInfo() {
  const [major, minor] = kubernetesVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: kubernetesVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** Paths anyone may read, as kube-apiserver grants system:public-info-viewer to anonymous users. */
const publicPaths = new Set(['/version', '/healthz', '/livez', '/readyz']);

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!.trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').includes('as=APIGroupDiscoveryList');
}

export class Router {
  readonly ctx: ServerContext;
  readonly token: string;
  #openapi: PublishedDocuments | undefined;

  constructor(ctx: ServerContext, token: string) {
    this.ctx = ctx;
    this.token = token;
  }

  get openapi(): PublishedDocuments {
    this.#openapi ??= publishDocuments(resourceTypes);
    return this.#openapi;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'https://localhost');
      if (!publicPaths.has(url.pathname) && !tokenMatches(req.headers.authorization, this.token)) throw unauthorized();
      await this.#route(req, res, url);
    } catch (e) {
      sendError(res, e);
    }
  }

  async #route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (path === '/version') return sendJson(res, 200, versionInfo());
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return sendText(res, 200, 'ok');
    if (method === 'GET' && path === '/api') {
      if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedDiscovery(true), aggregatedDiscoveryType);
      return sendJson(res, 200, apiVersions(this.ctx.serverAddress));
    }
    if (method === 'GET' && path === '/apis') {
      if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedDiscovery(false), aggregatedDiscoveryType);
      return sendJson(res, 200, apiGroupList());
    }
    if (method === 'GET' && path.startsWith('/openapi/')) return this.#openapiDocument(req, res, path);
    if (method === 'POST' && path === accessReviewPath) return answerAccessReview(req, res);
    const groupMatch = /^\/apis\/([^/]+)$/.exec(path);
    if (method === 'GET' && groupMatch) {
      const group = apiGroup(groupMatch[1]!);
      if (group) return sendJson(res, 200, group);
    }
    const api = parseApiPath(path);
    switch (api.kind) {
      case 'group-version':
        if (method !== 'GET') throw statusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
        return sendJson(res, 200, apiResourceList(api.group, api.version));
      case 'unknown-resource':
        throw resourceNotFound();
      case 'resource':
        return handleResource(req, res, url, api, this.ctx);
      default:
        // Upstream's mux answers paths it does not serve with a plain-text 404.
        return sendText(res, 404, '404 page not found\n');
    }
  }

  #openapiDocument(req: IncomingMessage, res: ServerResponse, path: string): void {
    const docs = this.openapi;
    if (path === '/openapi/v3') return sendJson(res, 200, docs.index);
    if (path === '/openapi/v2') {
      // kubectl only falls back to v2 when v3 is missing; we serve v3 only.
      return sendText(res, 404, '404 page not found\n');
    }
    const doc = docs.documents.get(path.replace(/^\/openapi\/v3\//, ''));
    if (!doc) return sendText(res, 404, '404 page not found\n');
    const etag = `"${doc.hash}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      res.end();
      return;
    }
    // A URL with the current hash never changes: let kubectl's HTTP cache keep it.
    const hashed = new URL(req.url ?? '/', 'https://localhost').searchParams.get('hash') === doc.hash;
    sendJson(res, 200, doc.json, 'application/json', {
      ETag: etag,
      'Cache-Control': hashed ? 'public, immutable' : 'no-cache, private',
      Expires: hashed ? new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString() : new Date(0).toUTCString(),
    });
  }

  /** An HTTP upgrade: WebSocket exec and attach run; port-forward is refused with a clear Status. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    try {
      const url = new URL(req.url ?? '/', 'https://localhost');
      if (!tokenMatches(req.headers.authorization, this.token)) throw unauthorized();
      const api = parseApiPath(url.pathname);
      if (api.kind !== 'resource' || api.rt.kind !== 'Pod' || !api.name) throw resourceNotFound();
      const pod = this.ctx.cluster.client.get({ resource: 'pods' }, api.namespace, api.name);
      if (api.subresource === 'portforward') {
        throw statusError(
          501,
          'NotImplemented',
          'port-forward is not supported by the Wheelhouse simulator (its pods have no real network); use kubectl exec, or a NodePort Service, instead',
        );
      }
      if (api.subresource === 'exec' || api.subresource === 'attach') {
        const url2 = api.subresource === 'attach' ? withAttachCommand(url) : url;
        return runExec(req, socket, head, prepareExec(url2, pod, this.ctx), this.ctx);
      }
      throw statusError(400, 'BadRequest', 'this resource does not accept upgrade requests');
    } catch (e) {
      rejectUpgrade(socket, e);
    }
  }
}

/** attach has no command: show what the container printed (its recent log) and end. */
function withAttachCommand(url: URL): URL {
  const copy = new URL(url);
  copy.searchParams.set('command', 'true');
  return copy;
}
