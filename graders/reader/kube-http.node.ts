// Plain JSON requests to a Kubernetes API server with client-node's authentication and TLS (the
// kubeconfig's CA, client certificates, tokens, exec plugins). Objects come back exactly as the
// server sent them (no client-side model conversion), so checks see the same JSON on every backend.
// Failures map to ReadErrors: unreachable, timeout, 401, 403, 404-on-the-collection.
import { HttpMethod, IsomorphicFetchHttpLibrary, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { ReadError, readErrors } from './read-errors.ts';

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** What the request is about, for messages: `pods in namespace first-pod`. */
  what: string;
}

export interface KubeResponse {
  status: number;
  body: unknown;
}

export class KubeHttp {
  readonly kc: KubeConfig;
  readonly server: string;
  readonly timeoutMs: number;
  readonly #http = new IsomorphicFetchHttpLibrary();

  constructor(kc: KubeConfig, options: { timeoutMs?: number } = {}) {
    this.kc = kc;
    this.server = kc.getCurrentCluster()?.server ?? '';
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Any HTTP answer (including 4xx) is returned; no answer at all throws a ReadError. */
  async send(request: KubeRequest): Promise<KubeResponse> {
    const url = new URL(this.server.replace(/\/$/, '') + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const method = request.method ?? 'GET';
    const ctx = new RequestContext(url.toString(), HttpMethod[method]);
    ctx.setHeaderParam('Accept', 'application/json');
    if (request.body !== undefined) {
      ctx.setHeaderParam('Content-Type', 'application/json');
      ctx.setBody(JSON.stringify(request.body));
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    ctx.setSignal(abort.signal);
    try {
      await this.kc.applySecurityAuthentication(ctx);
      const response = await this.#http.send(ctx).toPromise();
      const text = await response.body.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON (a proxy's error page): keep the text for the message.
      }
      return { status: response.httpStatusCode, body };
    } catch (err) {
      if (abort.signal.aborted) throw readErrors.timeout(this.server, this.timeoutMs);
      throw readErrors.unreachable(this.server, networkReason(err), err);
    } finally {
      clearTimeout(timer);
    }
  }

  /** GET that must succeed; 404 on a named object returns undefined. */
  async get(request: KubeRequest & { name?: string; verb?: 'get' | 'list' }): Promise<unknown> {
    const response = await this.send(request);
    if (response.status >= 200 && response.status < 300) return response.body;
    const status = response.body as { message?: string; details?: { name?: string } } | undefined;
    if (response.status === 404 && request.name !== undefined && status?.details?.name === request.name) return undefined;
    throw httpError(response, request, this.server, request.verb ?? 'get');
  }
}

export function httpError(response: KubeResponse, request: KubeRequest, server: string, verb: string): ReadError {
  const status = response.body as { message?: string } | undefined;
  const message = typeof status === 'object' && status?.message ? status.message : String(response.body ?? '').slice(0, 200);
  if (response.status === 401) return readErrors.unauthorized(server);
  if (response.status === 403) return readErrors.forbidden(verb, request.what, message);
  if (response.status === 404) return readErrors.kindNotInstalled(request.what);
  return new ReadError('server-error', `${verb} ${request.what} failed (HTTP ${response.status}): ${message}`);
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (err as { code?: string })?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `TLS: ${code}`;
  return cause?.message ?? (err instanceof Error ? err.message : String(err));
}
