// The one thing on the network that is not a pod: kube-apiserver on the control-plane node
// (port 6443, and 10.96.0.1:443 through the `kubernetes` Service). It only speaks HTTPS with the
// cluster's own CA, and a request without credentials is system:anonymous, which may not read "/".
import type { HttpRequest, HttpResponse } from '../workloads/container-model.ts';

export const apiServerPort = 6443;

export function apiServerAnswer(req: HttpRequest): HttpResponse {
  const path = req.path.split('?')[0]!;
  if (path === '/healthz' || path === '/livez' || path === '/readyz' || path === '/version') {
    const body = path === '/version'
      ? JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.2', platform: 'linux/amd64' }, null, 2) + '\n'
      : 'ok';
    return { status: 200, body, headers: { 'content-type': path === '/version' ? 'application/json' : 'text/plain; charset=utf-8' } };
  }
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `forbidden: User "system:anonymous" cannot get path "${path}"`,
    reason: 'Forbidden',
    details: {},
    code: 403,
  };
  return { status: 403, body: JSON.stringify(status, null, 2) + '\n', headers: { 'content-type': 'application/json' } };
}

/** What a Go TLS server answers to plain HTTP. */
export const plainHttpToTls: HttpResponse = { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n', headers: { 'content-type': 'text/plain' } };
