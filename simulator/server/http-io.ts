// Small HTTP helpers shared by the handlers: answering with JSON or a Status, reading bodies,
// reading what the client accepts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, toApiError } from '../machinery/errors.ts';
import type { Status } from '../machinery/types.ts';

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json', extraHeaders: Record<string, string | string[]> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', ...extraHeaders });
  res.end(text);
}

export function sendStatus(res: ServerResponse, status: Status): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status);
}

export function sendError(res: ServerResponse, err: unknown): void {
  sendStatus(res, toApiError(err).status);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/** A Status failure that is not one of the machinery's error helpers. */
export function statusError(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  const status: Status = { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new ApiError(status);
}

export const unauthorized = () => statusError(401, 'Unauthorized', 'Unauthorized');
export const methodNotAllowed = () => statusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

const maxBodyBytes = 3 * 1024 * 1024; // kube-apiserver's request size limit

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw statusError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The media type of a Content-Type header without parameters, lower-cased. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether the client asked for a meta.k8s.io Table (kubectl get's Accept header). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params.includes('as=Table') && params.includes('g=meta.k8s.io') && (params.includes('v=v1') || params.includes('v=v1beta1'));
  });
}

/** Query flags upstream accepts as true: "true", "1" (and an empty value for watch). */
export function queryFlag(value: string | null): boolean {
  return value === 'true' || value === '1' || value === '';
}

export function queryInt(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw statusError(400, 'BadRequest', `invalid value for ${name}: ${JSON.stringify(value)}`);
  return Number(value);
}
