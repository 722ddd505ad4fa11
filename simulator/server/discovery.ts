// Discovery, both ways kubectl and client-node ask for it: the aggregated documents
// (apidiscovery.k8s.io/v2, one request for /api and one for /apis) and the legacy ones
// (APIVersions, APIGroupList, one APIResourceList per group-version).
// Order matters: kubectl resolves ambiguous short names and expands `get all` in discovery order,
// so groups follow kube-apiserver's built-in priorities and resources are sorted by name.
import { apiVersionOf, resourceTypes } from '../machinery/resources.ts';
import type { ResourceType } from '../machinery/types.ts';

/** kube-apiserver's group priorities (higher first); unknown groups (CRDs) come last. */
const groupPriority: Record<string, number> = {
  '': 18000,
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  autoscaling: 17500,
  batch: 17400,
  'certificates.k8s.io': 17300,
  'networking.k8s.io': 17200,
  policy: 17100,
  'rbac.authorization.k8s.io': 17000,
  'storage.k8s.io': 16800,
  'admissionregistration.k8s.io': 16700,
  'apiextensions.k8s.io': 16700,
  'scheduling.k8s.io': 16600,
  'coordination.k8s.io': 16500,
  'node.k8s.io': 16300,
  'discovery.k8s.io': 16200,
  'flowcontrol.apiserver.k8s.io': 16100,
};

interface GroupVersions {
  group: string;
  versions: Array<{ version: string; resources: ResourceType[] }>;
}

/** Served groups in discovery order, each with its versions and their resources sorted by name. */
export function servedGroups(): GroupVersions[] {
  const groups = new Map<string, GroupVersions>();
  for (const rt of resourceTypes) {
    let g = groups.get(rt.group);
    if (!g) groups.set(rt.group, (g = { group: rt.group, versions: [] }));
    let v = g.versions.find((x) => x.version === rt.version);
    if (!v) g.versions.push((v = { version: rt.version, resources: [] }));
    v.resources.push(rt);
  }
  for (const g of groups.values()) for (const v of g.versions) v.resources.sort((a, b) => a.plural.localeCompare(b.plural));
  const priority = (g: string) => groupPriority[g] ?? 1000;
  return [...groups.values()].sort((a, b) => priority(b.group) - priority(a.group) || a.group.localeCompare(b.group));
}

interface SubresourceInfo {
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

/** What each subresource answers with, and which verbs it takes, as upstream registers them. */
function subresourceInfo(rt: ResourceType, sub: string): SubresourceInfo {
  const self = { group: rt.group, version: rt.version, kind: rt.kind };
  const core = (kind: string, verbs: string[]) => ({ group: '', version: 'v1', kind, verbs });
  const proxyVerbs = ['create', 'delete', 'get', 'patch', 'update'];
  switch (sub) {
    case 'scale':
      return { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] };
    case 'status':
    case 'ephemeralcontainers':
    case 'resize':
      return { ...self, verbs: ['get', 'patch', 'update'] };
    case 'finalize':
      return { ...self, verbs: ['update'] };
    case 'log':
      return { ...self, verbs: ['get'] };
    case 'exec':
      return core('PodExecOptions', ['create', 'get']);
    case 'attach':
      return core('PodAttachOptions', ['create', 'get']);
    case 'portforward':
      return core('PodPortForwardOptions', ['create', 'get']);
    case 'binding':
      return core('Binding', ['create']);
    case 'eviction':
      return { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] };
    case 'token':
      return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] };
    case 'proxy':
      return core(`${rt.kind}ProxyOptions`, proxyVerbs);
    default:
      return { ...self, verbs: ['get'] };
  }
}

// ---- aggregated (apidiscovery.k8s.io/v2) ----

export const aggregatedDiscoveryType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

function aggregatedResource(rt: ResourceType) {
  const out: Record<string, unknown> = {
    resource: rt.plural,
    responseKind: { group: rt.group, version: rt.version, kind: rt.kind },
    scope: rt.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: rt.singular,
    verbs: rt.verbs,
  };
  if (rt.shortNames.length) out.shortNames = rt.shortNames;
  if (rt.categories.length) out.categories = rt.categories;
  if (rt.subresources.length) {
    out.subresources = rt.subresources.map((sub) => {
      const info = subresourceInfo(rt, sub);
      return { subresource: sub, responseKind: { group: info.group, version: info.version, kind: info.kind }, verbs: info.verbs };
    });
  }
  return out;
}

/** The aggregated document for /api (core: true) or /apis. */
export function aggregatedDiscovery(core: boolean) {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: servedGroups()
      .filter((g) => (g.group === '') === core)
      .map((g) => ({
        metadata: { name: g.group, creationTimestamp: null },
        versions: g.versions.map((v) => ({ version: v.version, resources: v.resources.map(aggregatedResource), freshness: 'Current' })),
      })),
  };
}

// ---- legacy ----

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupEntry(g: GroupVersions) {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.group}/${v.version}`, version: v.version }));
  return { name: g.group, versions, preferredVersion: versions[0]! };
}

export function apiGroupList() {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: servedGroups().filter((g) => g.group !== '').map(groupEntry) };
}

/** GET /apis/<group>: one APIGroup, or undefined when the group is not served. */
export function apiGroup(group: string) {
  const g = servedGroups().find((x) => x.group === group && group !== '');
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g) } : undefined;
}

export function apiResourceList(group: string, version: string) {
  const gv = servedGroups()
    .find((g) => g.group === group)
    ?.versions.find((v) => v.version === version);
  const resources: Record<string, unknown>[] = [];
  for (const rt of gv?.resources ?? []) {
    const main: Record<string, unknown> = { name: rt.plural, singularName: rt.singular, namespaced: rt.namespaced, kind: rt.kind, verbs: rt.verbs };
    if (rt.shortNames.length) main.shortNames = rt.shortNames;
    if (rt.categories.length) main.categories = rt.categories;
    resources.push(main);
    for (const sub of rt.subresources) {
      const info = subresourceInfo(rt, sub);
      const entry: Record<string, unknown> = { name: `${rt.plural}/${sub}`, singularName: '', namespaced: rt.namespaced, kind: info.kind, verbs: info.verbs };
      if (info.group !== rt.group || info.version !== rt.version) Object.assign(entry, { group: info.group, version: info.version });
      resources.push(entry);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}
