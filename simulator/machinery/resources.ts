// The kinds this API server serves, with the names discovery reports for them upstream (v1.32):
// plural, singular, short names, scope, categories, verbs and subresources. kubectl in the page and
// the HTTP server resolve what a learner typed ("po", "deploy.apps", "Deployment") through here.
import type { ResourceRef, ResourceType } from './types.ts';

const readWrite = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
// Upstream serves no deletecollection for namespaces (and services only gained it late).
const noDeleteCollection = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

interface Entry {
  group?: string;
  version?: string;
  kind: string;
  plural: string;
  short?: string[];
  cluster?: boolean;
  all?: boolean;
  categories?: string[];
  verbs?: string[];
  sub?: string[];
}

function type(e: Entry): ResourceType {
  const categories = [...(e.all ? ['all'] : []), ...(e.categories ?? [])];
  return {
    group: e.group ?? '',
    version: e.version ?? 'v1',
    kind: e.kind,
    plural: e.plural,
    singular: e.kind.toLowerCase(),
    shortNames: e.short ?? [],
    namespaced: !e.cluster,
    categories,
    verbs: e.verbs ?? readWrite,
    subresources: e.sub ?? [],
  };
}

/** Discovery order: the core group first, as kube-apiserver lists it; kubectl prefers earlier groups
 * when a short name is ambiguous (events → core/v1 Event, not events.k8s.io). */
export const resourceTypes: readonly ResourceType[] = [
  // core/v1
  type({ kind: 'Namespace', plural: 'namespaces', short: ['ns'], cluster: true, verbs: noDeleteCollection, sub: ['finalize', 'status'] }),
  type({ kind: 'Node', plural: 'nodes', short: ['no'], cluster: true, sub: ['proxy', 'status'] }),
  type({
    kind: 'Pod',
    plural: 'pods',
    short: ['po'],
    all: true,
    sub: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'],
  }),
  type({ kind: 'Service', plural: 'services', short: ['svc'], all: true, verbs: noDeleteCollection, sub: ['proxy', 'status'] }),
  type({ kind: 'Endpoints', plural: 'endpoints', short: ['ep'] }),
  type({ kind: 'ConfigMap', plural: 'configmaps', short: ['cm'] }),
  type({ kind: 'Secret', plural: 'secrets' }),
  type({ kind: 'Event', plural: 'events', short: ['ev'] }),
  type({ kind: 'ServiceAccount', plural: 'serviceaccounts', short: ['sa'], sub: ['token'] }),
  type({ kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', short: ['pvc'], sub: ['status'] }),
  type({ kind: 'PersistentVolume', plural: 'persistentvolumes', short: ['pv'], cluster: true, sub: ['status'] }),
  type({ kind: 'ResourceQuota', plural: 'resourcequotas', short: ['quota'], sub: ['status'] }),
  type({ kind: 'LimitRange', plural: 'limitranges', short: ['limits'] }),
  type({ kind: 'ReplicationController', plural: 'replicationcontrollers', short: ['rc'], all: true, sub: ['scale', 'status'] }),
  // apps/v1
  type({ group: 'apps', kind: 'ControllerRevision', plural: 'controllerrevisions' }),
  type({ group: 'apps', kind: 'DaemonSet', plural: 'daemonsets', short: ['ds'], all: true, sub: ['status'] }),
  type({ group: 'apps', kind: 'Deployment', plural: 'deployments', short: ['deploy'], all: true, sub: ['scale', 'status'] }),
  type({ group: 'apps', kind: 'ReplicaSet', plural: 'replicasets', short: ['rs'], all: true, sub: ['scale', 'status'] }),
  type({ group: 'apps', kind: 'StatefulSet', plural: 'statefulsets', short: ['sts'], all: true, sub: ['scale', 'status'] }),
  // events.k8s.io/v1 serves the same Event objects under a newer schema; we serve the core shape only.
  type({ group: 'events.k8s.io', kind: 'Event', plural: 'events', short: ['ev'] }),
  type({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', short: ['hpa'], all: true, sub: ['status'] }),
  type({ group: 'batch', kind: 'CronJob', plural: 'cronjobs', short: ['cj'], all: true, sub: ['status'] }),
  type({ group: 'batch', kind: 'Job', plural: 'jobs', all: true, sub: ['status'] }),
  type({ group: 'coordination.k8s.io', kind: 'Lease', plural: 'leases' }),
  type({ group: 'discovery.k8s.io', kind: 'EndpointSlice', plural: 'endpointslices' }),
  type({ group: 'networking.k8s.io', kind: 'Ingress', plural: 'ingresses', short: ['ing'], sub: ['status'] }),
  type({ group: 'networking.k8s.io', kind: 'NetworkPolicy', plural: 'networkpolicies', short: ['netpol'] }),
  type({ group: 'storage.k8s.io', kind: 'StorageClass', plural: 'storageclasses', short: ['sc'], cluster: true }),
  // Gateway API v1.2 CRDs: category gateway-api, status subresources.
  type({ group: 'gateway.networking.k8s.io', kind: 'GatewayClass', plural: 'gatewayclasses', short: ['gc'], cluster: true, categories: ['gateway-api'], sub: ['status'] }),
  type({ group: 'gateway.networking.k8s.io', kind: 'Gateway', plural: 'gateways', short: ['gtw'], categories: ['gateway-api'], sub: ['status'] }),
  type({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', plural: 'httproutes', categories: ['gateway-api'], sub: ['status'] }),
];

const byGroupResource = new Map<string, ResourceType>();
const byGroupKind = new Map<string, ResourceType>();
for (const rt of resourceTypes) {
  byGroupResource.set(`${rt.group}/${rt.plural}`, rt);
  if (!byGroupKind.has(`${rt.group}/${rt.kind}`)) byGroupKind.set(`${rt.group}/${rt.kind}`, rt);
}

/** The served type for a collection reference (plural + group), or undefined. */
export function resourceFor(ref: ResourceRef): ResourceType | undefined {
  return byGroupResource.get(`${ref.group ?? ''}/${ref.resource}`);
}

export function resourceForKind(group: string, kind: string): ResourceType | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}

/** 'apps/v1' → { group: 'apps', version: 'v1' }; 'v1' → core. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function apiVersionOf(rt: Pick<ResourceType, 'group' | 'version'>): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** The type an object's apiVersion and kind name. */
export function resourceForObject(obj: { apiVersion?: unknown; kind?: unknown }): ResourceType | undefined {
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return undefined;
  return resourceForKind(parseApiVersion(obj.apiVersion).group, obj.kind);
}

export function refFor(rt: ResourceType): ResourceRef {
  return { group: rt.group, resource: rt.plural };
}

/** Resolves what a user types after `kubectl get`, case-insensitively: 'pods', 'pod', 'po', 'Pod',
 * 'deployments.apps', 'deploy.apps', 'deploy.v1.apps'. Earlier groups win ambiguous names. */
export function findResource(typed: string): ResourceType | undefined {
  const text = typed.trim().toLowerCase();
  if (!text) return undefined;
  const matchesName = (rt: ResourceType, name: string) =>
    rt.plural === name || rt.singular === name || rt.kind.toLowerCase() === name || rt.shortNames.includes(name);
  // Plain name first: 'events' must not be read as resource 'events' in a group named ''.
  const plain = resourceTypes.find((rt) => matchesName(rt, text));
  if (plain) return plain;
  const parts = text.split('.');
  for (let i = 1; i < parts.length; i++) {
    const name = parts.slice(0, i).join('.');
    const rest = parts.slice(i);
    // name.version.group (version looks like v1, v2beta1) or name.group
    const withVersion = /^v\d+((alpha|beta)\d+)?$/.test(rest[0]!) ? { version: rest[0]!, group: rest.slice(1).join('.') } : undefined;
    const found = resourceTypes.find((rt) => {
      if (!matchesName(rt, name)) return false;
      if (withVersion && rt.version === withVersion.version && rt.group === withVersion.group) return true;
      return rt.group === rest.join('.');
    });
    if (found) return found;
  }
  return undefined;
}

/** Every served type in a category, e.g. 'all' for `kubectl get all`. */
export function resourcesInCategory(category: string): ResourceType[] {
  return resourceTypes.filter((rt) => rt.categories.includes(category));
}

export function hasSubresource(rt: ResourceType, sub: string): boolean {
  return rt.subresources.includes(sub);
}
