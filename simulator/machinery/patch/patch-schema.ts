// Where strategic merge patch merges lists instead of replacing them, per kind. Derived from the
// x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key annotations of the v1.32 OpenAPI
// (core/v1, apps/v1, autoscaling/v2); every list not named here is atomic (replaced whole).
// `listMapKeys` are the server-side apply keys (x-kubernetes-list-map-keys) where they differ.

export interface FieldSchema {
  /** Known children of an object. */
  fields?: Record<string, FieldSchema>;
  /** Schema of each element of a list (or each value of a map when `values` is set). */
  items?: FieldSchema;
  /** For lists: how patches combine with the live list. */
  list?: 'keyed' | 'set' | 'atomic';
  mergeKey?: string;
  listMapKeys?: string[];
  /** patch strategy retainKeys: a patch may carry $retainKeys to drop unlisted keys. */
  retainKeys?: boolean;
  /** A map[string]T whose values have this schema. */
  values?: FieldSchema;
}

const keyed = (mergeKey: string, items: FieldSchema = {}, extra: Partial<FieldSchema> = {}): FieldSchema => ({ list: 'keyed', mergeKey, items, ...extra });
const obj = (fields: Record<string, FieldSchema>, extra: Partial<FieldSchema> = {}): FieldSchema => ({ fields, ...extra });
const set: FieldSchema = { list: 'set' };
const conditions = keyed('type');

export const objectMeta = obj({ ownerReferences: keyed('uid'), finalizers: set });

const container = obj({
  ports: keyed('containerPort', {}, { listMapKeys: ['containerPort', 'protocol'] }),
  env: keyed('name'),
  volumeMounts: keyed('mountPath'),
  volumeDevices: keyed('devicePath'),
});

export const podSpec = obj({
  containers: keyed('name', container),
  initContainers: keyed('name', container),
  ephemeralContainers: keyed('name', container),
  volumes: keyed('name', { retainKeys: true }),
  imagePullSecrets: keyed('name'),
  hostAliases: keyed('ip'),
  topologySpreadConstraints: keyed('topologyKey', {}, { listMapKeys: ['topologyKey', 'whenUnsatisfiable'] }),
  schedulingGates: keyed('name'),
  resourceClaims: keyed('name', { retainKeys: true }),
});

const podTemplate = obj({ metadata: objectMeta, spec: podSpec });
const workloadStatus = obj({ conditions });

const byKind: Record<string, FieldSchema> = {
  Pod: obj({ spec: podSpec, status: obj({ conditions, podIPs: keyed('ip') }) }),
  PodTemplate: obj({ template: podTemplate }),
  ReplicationController: obj({ spec: obj({ template: podTemplate }), status: workloadStatus }),
  ReplicaSet: obj({ spec: obj({ template: podTemplate }), status: workloadStatus }),
  Deployment: obj({ spec: obj({ template: podTemplate, strategy: { retainKeys: true } }), status: workloadStatus }),
  StatefulSet: obj({ spec: obj({ template: podTemplate }), status: workloadStatus }),
  DaemonSet: obj({ spec: obj({ template: podTemplate }), status: workloadStatus }),
  Job: obj({ spec: obj({ template: podTemplate }), status: workloadStatus }),
  CronJob: obj({ spec: obj({ jobTemplate: obj({ metadata: objectMeta, spec: obj({ template: podTemplate }) }) }) }),
  Service: obj({ spec: obj({ ports: keyed('port', {}, { listMapKeys: ['port', 'protocol'] }) }), status: obj({ conditions }) }),
  Node: obj({ spec: obj({ podCIDRs: set }), status: obj({ conditions, addresses: keyed('type') }) }),
  Namespace: obj({ status: obj({ conditions }) }),
  PersistentVolumeClaim: obj({ status: obj({ conditions }) }),
  ServiceAccount: obj({ secrets: keyed('name') }),
  HorizontalPodAutoscaler: obj({ status: obj({ conditions }) }),
};

/** The schema strategic merge uses for a kind; metadata is the same for all. */
export function schemaForKind(kind: string): FieldSchema {
  const root = byKind[kind] ?? {};
  return { ...root, fields: { ...(root.fields ?? {}), metadata: objectMeta } };
}

export function child(schema: FieldSchema | undefined, key: string): FieldSchema | undefined {
  if (!schema) return undefined;
  return schema.fields?.[key] ?? schema.values;
}
