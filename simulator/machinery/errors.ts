// API errors as kube-apiserver reports them: every failure is a meta/v1 Status with the code,
// reason and message wording of apimachinery's api/errors package, so kubectl in the page and
// real kubectl against our HTTP server print exactly what a real cluster prints.
import type { FieldError } from '../kinds/strategy.ts';
import { fieldErrorMessage } from '../kinds/field-errors.ts';
import type { Status, StatusCause } from './types.ts';

export class ApiError extends Error {
  readonly status: Status;
  /** Extra explanation that is not part of the Status upstream sends (e.g. why a JSON patch failed). */
  detail?: string;
  constructor(status: Status) {
    super(status.message);
    this.name = 'ApiError';
    this.status = status;
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string {
    return this.status.reason;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** True when err is an ApiError with this reason (NotFound, Conflict, …). */
export function hasReason(err: unknown, reason: string): boolean {
  return err instanceof ApiError && err.status.reason === reason;
}

/** "deployments.apps", or just "pods" for the core group: upstream's GroupResource.String(). */
export interface GroupResource {
  group: string;
  resource: string;
}
export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function failure(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  const status: Status = { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new ApiError(status);
}

function q(name: string): string {
  return JSON.stringify(name);
}

export function notFound(gr: GroupResource, name: string): ApiError {
  return failure(404, 'NotFound', `${qualifiedResource(gr)} ${q(name)} not found`, { name, group: gr.group, kind: gr.resource });
}

/** The API server has no such resource at all (a 404 from the router, not from the store). */
export function resourceNotFound(): ApiError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {
    causes: [{ reason: 'UnexpectedServerResponse', message: '404 page not found' }],
  });
}

export function alreadyExists(gr: GroupResource, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${qualifiedResource(gr)} ${q(name)} already exists`, { name, group: gr.group, kind: gr.resource });
}

export const objectModified = 'the object has been modified; please apply your changes to the latest version and try again';

export function conflict(gr: GroupResource, name: string, why: string = objectModified): ApiError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} ${q(name)}: ${why}`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

/** 422: "Deployment.apps "web" is invalid: <one error>" or "… is invalid: [<a>, <b>]". */
export function invalid(group: string, kind: string, name: string, errors: FieldError[]): ApiError {
  // Upstream drops repeated messages when it aggregates them; we drop the repeated causes too, since
  // the machinery and a kind's strategy may both report the same metadata problem.
  const messages: string[] = [];
  const causes: StatusCause[] = [];
  for (const e of errors) {
    const message = fieldErrorMessage(e);
    if (messages.includes(message)) continue;
    messages.push(message);
    causes.push({ reason: e.type, message: message.slice(e.field.length + 2), field: e.field });
  }
  const aggregate = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return failure(422, 'Invalid', `${qualifiedKind} ${q(name)} is invalid: ${aggregate}`, { name, group, kind, causes });
}

/** A patch that parsed but could not be applied: upstream answers a bare 422 with this generic text. */
export function invalidPatch(why: string): ApiError {
  // The specific reason (why) is not in upstream's Status; we keep it on the error for debugging only.
  const err = failure(422, 'Invalid', 'the server rejected our request due to an error in our request');
  err.detail = why;
  return err;
}

export function badRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message);
}

export function forbidden(gr: GroupResource, name: string, why: string, causes?: StatusCause[]): ApiError {
  const details: Status['details'] = { name, group: gr.group, kind: gr.resource };
  if (causes) details.causes = causes;
  return failure(403, 'Forbidden', `${qualifiedResource(gr)} ${q(name)} is forbidden: ${why}`, details);
}

/** Creating into a namespace that is being deleted. */
export function namespaceTerminating(gr: GroupResource, name: string, namespace: string): ApiError {
  return forbidden(gr, name, `unable to create new content in namespace ${namespace} because it is being terminated`, [
    { reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' },
  ]);
}

export function gone(message: string): ApiError {
  return failure(410, 'Gone', message);
}

/** What a watch or list from a resourceVersion the server no longer remembers gets: 410 Expired. */
export function resourceExpired(requested: string | number, oldest: string | number): ApiError {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

export function methodNotSupported(gr: GroupResource, action: string): ApiError {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${q(qualifiedResource(gr))}`, {
    group: gr.group,
    kind: gr.resource,
  });
}

export const acceptedMediaTypes = [
  'application/json',
  'application/yaml',
  'application/vnd.kubernetes.protobuf',
  'application/apply-patch+yaml',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
];

export function unsupportedMediaType(accepted: string[] = acceptedMediaTypes): ApiError {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

export function internalError(cause: unknown): ApiError {
  const text = cause instanceof Error ? cause.message : String(cause);
  return failure(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [{ reason: '', message: text }] });
}

/** A request that ran past the server's patience (e.g. a list at a resourceVersion from the future). */
export function timeout(message: string): ApiError {
  return failure(504, 'Timeout', `Timeout: ${message}`);
}

/** Anything thrown inside the machinery leaves it as an ApiError: unknown throws become 500s. */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : internalError(err);
}
