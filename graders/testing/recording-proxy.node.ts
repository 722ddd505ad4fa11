// A plain-HTTP proxy on 127.0.0.1 in front of an HTTPS API server, for tests: it records every
// request (method and path) that passes, and can answer some paths itself (403, 404, a stall) to
// produce the errors a grade must explain.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
}

export interface Override {
  match: (req: RecordedRequest) => boolean;
  /** Answer with this status and a Status body; or stall (never answer) when 'stall'. */
  respond: number | 'stall';
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  overrides: Override[];
  close(): Promise<void>;
}

export async function startRecordingProxy(target: { url: string; caPem: string }): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const overrides: Override[] = [];
  const stalled = new Set<ServerResponse>();
  const upstream = new URL(target.url);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const seen = { method: req.method ?? 'GET', path: req.url ?? '/' };
    requests.push(seen);
    const override = overrides.find((o) => o.match(seen));
    if (override?.respond === 'stall') {
      stalled.add(res);
      return;
    }
    if (override) {
      const reason = override.respond === 403 ? 'Forbidden' : override.respond === 404 ? 'NotFound' : 'InternalError';
      res.writeHead(override.respond, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ apiVersion: 'v1', kind: 'Status', status: 'Failure', message: `${reason.toLowerCase()} (from the test proxy)`, reason, code: override.respond }));
      return;
    }
    const forward = httpsRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, ca: target.caPem },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', (err) => {
      res.writeHead(502);
      res.end(String(err));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    overrides,
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A kubeconfig (YAML text) with one context pointing at `server` with a bearer token. */
export function tokenKubeconfig(server: string, token: string, context = 'wheelhouse-test'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${context}`,
    'clusters:',
    `- name: ${context}`,
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${context}`,
    '  user:',
    `    token: ${token}`,
    'contexts:',
    `- name: ${context}`,
    '  context:',
    `    cluster: ${context}`,
    `    user: ${context}`,
    '',
  ].join('\n');
}
