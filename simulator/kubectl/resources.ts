// What learners type after a verb: `pods`, `po/web`, `deploy,svc`, `deployment.apps/web`,
// `pod web other`, `all`. Resolved like cli-runtime's resource builder: types through discovery
// names (plural, singular, short names, Kind, with .group), categories (`all`), then either a
// list per type (with label and field selectors) or one GET per name. A missing name is an error
// for that name only; the others are still returned.
import { notFound } from '../machinery/errors.ts';
import { findResource, parseApiVersion, refFor, resourceForKind, resourceTypes, resourcesInCategory } from '../machinery/resources.ts';
import type { ApiClient, KubeObject, ResourceType } from '../machinery/types.ts';
import { KubectlError } from './errors.ts';
import type { Manifest } from './manifests.ts';

/** One resource type and what was asked of it: names, or (no names) a list. */
export interface ResourceRequest {
  rt: ResourceType;
  names: string[];
}

export interface ParsedResourceArgs {
  requests: ResourceRequest[];
  /** Exactly one object was named (`get pod web`, `get pod/web`): print it, not a List. */
  singleItem: boolean;
  /** More than one type was asked for (`pods,svc`, `all`): names get a kind/ prefix. */
  multipleTypes: boolean;
  /** Names were given (TYPE NAME or TYPE/NAME). */
  byName: boolean;
}

/** A discovery name → the served type, or kubectl's "doesn't have a resource type" error. */
export function resolveType(typed: string): ResourceType {
  const rt = findResource(typed);
  if (!rt) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(typed)}`);
  return rt;
}

/** Types for one comma-separated word: categories expand (`all` → pods, services, …). */
function resolveTypes(word: string): ResourceType[] {
  const out: ResourceType[] = [];
  for (const part of word.split(',')) {
    if (part === '') continue;
    const rt = findResource(part);
    if (rt) {
      if (!out.includes(rt)) out.push(rt);
      continue;
    }
    const category = resourcesInCategory(part.toLowerCase()).filter((r) => !r.group.endsWith('events.k8s.io'));
    if (category.length === 0) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(part)}`);
    for (const r of category) if (!out.includes(r)) out.push(r);
  }
  return out;
}

export function parseResourceArgs(args: readonly string[]): ParsedResourceArgs {
  if (args.length === 0) return { requests: [], singleItem: false, multipleTypes: false, byName: false };
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const parts = arg.split('/');
      if (parts.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      const [type, name] = parts as [string, string];
      if (!type || !name || type.includes(',')) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      const rt = resolveType(type);
      const existing = requests.find((r) => r.rt === rt);
      if (existing) existing.names.push(name);
      else requests.push({ rt, names: [name] });
    }
    return { requests, singleItem: args.length === 1, multipleTypes: requests.length > 1, byName: true };
  }
  const types = resolveTypes(args[0]!);
  const names = args.slice(1);
  const typeWords = args[0]!.split(',').filter(Boolean);
  const multipleTypes = types.length > 1 || typeWords.some((w) => !findResource(w));
  if (names.length > 0) {
    if (types.length > 1) throw new KubectlError('you must specify only one resource');
    return { requests: [{ rt: types[0]!, names }], singleItem: names.length === 1, multipleTypes: false, byName: true };
  }
  return { requests: types.map((rt) => ({ rt, names: [] })), singleItem: false, multipleTypes, byName: false };
}

export interface FetchOptions {
  namespace: string;
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
}

/** One type's objects, in the order kubectl prints them. */
export interface FetchedGroup {
  rt: ResourceType;
  objects: KubeObject[];
}

/** Lists or gets what the requests ask for. Errors per name are collected, not thrown. */
export function fetchResources(client: ApiClient, requests: ResourceRequest[], opts: FetchOptions): { groups: FetchedGroup[]; errors: unknown[] } {
  const groups: FetchedGroup[] = [];
  const errors: unknown[] = [];
  for (const { rt, names } of requests) {
    const namespace = rt.namespaced ? opts.namespace : undefined;
    if (names.length === 0) {
      const list = client.list(refFor(rt), {
        namespace: rt.namespaced && !opts.allNamespaces ? namespace : undefined,
        labelSelector: opts.labelSelector || undefined,
        fieldSelector: opts.fieldSelector || undefined,
      });
      groups.push({ rt, objects: list.items });
      continue;
    }
    const objects: KubeObject[] = [];
    for (const name of names) {
      try {
        objects.push(client.get(refFor(rt), namespace, name));
      } catch (err) {
        errors.push(err);
      }
    }
    groups.push({ rt, objects });
  }
  return { groups, errors };
}

/** The NotFound a GET of this name answers with, for commands that check first. */
export function notFoundFor(rt: ResourceType, name: string) {
  return notFound({ group: rt.group, resource: rt.plural }, name);
}

/** `deployment.apps/web`, `pod/web`: how kubectl names an object in its messages. */
export function kindName(rt: Pick<ResourceType, 'group' | 'kind'>, name: string): string {
  return `${rt.group ? `${rt.kind.toLowerCase()}.${rt.group}` : rt.kind.toLowerCase()}/${name}`;
}

/** `deployment.apps "web"`: the form delete uses. */
export function kindQuoted(rt: Pick<ResourceType, 'group' | 'kind'>, name: string): string {
  return `${rt.group ? `${rt.kind.toLowerCase()}.${rt.group}` : rt.kind.toLowerCase()} "${name}"`;
}

/** Every served type, for completion and api-resources. */
export function servedTypes(): readonly ResourceType[] {
  return resourceTypes;
}

/** The served type of an object read from a file, or kubectl's "resource mapping not found". */
export function typeForManifest(m: Manifest): ResourceType {
  const { group, version } = parseApiVersion(m.object.apiVersion);
  const rt = resourceForKind(group, m.object.kind);
  if (!rt || rt.version !== version) {
    const name = m.object.metadata?.name ?? '';
    const namespace = m.object.metadata?.namespace ?? '';
    throw new KubectlError(
      `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(m.source)}: no matches for kind ${JSON.stringify(m.object.kind)} in version ${JSON.stringify(m.object.apiVersion)}\nensure CRDs are installed first`,
    );
  }
  return rt;
}
