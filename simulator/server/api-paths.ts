// Reads a request path the way kube-apiserver's router does: which group and version, which
// namespace, resource, object and subresource. Anything that is not an API path is left to the
// caller (discovery, OpenAPI, health, or a plain 404).
import { resourceFor, resourceTypes } from '../machinery/resources.ts';
import type { ResourceType } from '../machinery/types.ts';

export interface ResourcePath {
  kind: 'resource';
  rt: ResourceType;
  /** The namespace from the URL; undefined for cluster-scoped resources and all-namespace lists. */
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type ApiPath =
  | ResourcePath
  | { kind: 'group-version'; group: string; version: string }
  | { kind: 'unknown-resource'; group: string; version: string }
  | { kind: 'not-api' };

const servedGroupVersions = new Set(resourceTypes.map((rt) => `${rt.group}/${rt.version}`));

export function isServedGroupVersion(group: string, version: string): boolean {
  return servedGroupVersions.has(`${group}/${version}`);
}

export function parseApiPath(pathname: string): ApiPath {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    [group, version, rest] = ['', parts[1]!, parts.slice(2)];
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    [group, version, rest] = [parts[1]!, parts[2]!, parts.slice(3)];
  } else {
    return { kind: 'not-api' };
  }
  if (!isServedGroupVersion(group, version)) return { kind: 'not-api' };
  if (rest.length === 0) return { kind: 'group-version', group, version };

  const served = (resource: string) => {
    const rt = resourceFor({ group, resource });
    return rt && rt.version === version ? rt : undefined;
  };
  const unknown = { kind: 'unknown-resource', group, version } as const;

  // /namespaces/{ns}/{resource}[/{name}[/{sub}]] — except /namespaces/{name}/{finalize|status},
  // which are the namespace's own subresources.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'finalize' || rest[2] === 'status'))) {
    const rt = served(rest[2]!);
    if (!rt || !rt.namespaced || rest.length > 5) return unknown;
    return { kind: 'resource', rt, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const rt = served(rest[0]!);
  if (!rt || rest.length > 3) return unknown;
  // A namespaced resource without a namespace in the URL is only a list across all namespaces.
  if (rt.namespaced && rest.length > 1) return unknown;
  return { kind: 'resource', rt, name: rest[1], subresource: rest[2] };
}
