// The shapes every part of the simulator shares: objects as the API serves them, and the
// in-process client controllers, kubectl and graders use to reach the store.
// Objects are plain JSON (what the HTTP API would send), so nothing needs converting at the edges.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
}

/** Any Kubernetes object. Kind-specific fields (spec, status, data, …) are left open on purpose. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // biome-ignore lint: open shape, narrowed by each kind's own type
  [field: string]: unknown;
}

export interface ListMeta {
  resourceVersion: string;
  continue?: string;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string; // e.g. PodList
  metadata: ListMeta;
  items: T[];
}

/** How a kind is served: the facts discovery, kubectl and the store need. */
export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string; // the resource name in URLs: pods, deployments
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  categories: string[]; // 'all' makes `kubectl get all` include it
  verbs: string[];
  subresources: string[]; // 'status', 'scale', 'log', 'exec', 'binding', 'finalize'
}

/** A failed API call, shaped like meta/v1 Status so it can be sent over HTTP as it is. */
export interface StatusCause {
  reason: string; // FieldValueRequired, FieldValueInvalid, …
  message: string;
  field?: string;
}

export interface Status {
  apiVersion: 'v1';
  kind: 'Status';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string; // NotFound, AlreadyExists, Invalid, Conflict, BadRequest, Forbidden, Gone, …
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
}

/** Identifies which collection a call is about: by resource (plural) and optional group. */
export interface ResourceRef {
  group?: string; // '' or undefined = core
  resource: string; // plural: 'pods', 'deployments'
}

export interface ListOptions {
  namespace?: string; // undefined = all namespaces
  labelSelector?: string; // upstream syntax: 'app=web,tier in (a,b),!canary'
  fieldSelector?: string; // 'metadata.name=x,status.phase!=Running'
  /** Unset or '0': the latest state. Anything else must not be newer than the store (else a 504-like error). */
  resourceVersion?: string;
  /** Page size; the answer's metadata.continue fetches the next page. */
  limit?: number;
  continue?: string;
}

export interface WatchOptions extends ListOptions {
  resourceVersion?: string; // start after this version; too old → ERROR event with a 410 Status
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
  /** Server-side apply only: take ownership of fields other managers own instead of failing with 409. */
  force?: boolean;
}

/** Subresources reachable through get/update/patch (status also has its own updateStatus). */
export type Subresource = 'status' | 'scale';

export interface GetOptions {
  subresource?: 'scale';
}

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** The only way any part of the simulator reads or writes cluster state. Calls are synchronous and
 * throw ApiError (carrying a Status) on failure, exactly where a real API server would answer 4xx. */
export interface ApiClient {
  create<T extends KubeObject>(ref: ResourceRef, obj: T, opts?: WriteOptions): T;
  get<T extends KubeObject>(ref: ResourceRef, namespace: string | undefined, name: string, opts?: GetOptions): T;
  list<T extends KubeObject>(ref: ResourceRef, opts?: ListOptions): KubeList<T>;
  /** PUT. With subresource 'scale' the body is an autoscaling/v1 Scale; with 'finalize' (namespaces
   * only) just spec.finalizers is taken, which is how the namespace controller lets a namespace go. */
  update<T extends KubeObject>(ref: ResourceRef, obj: T, opts?: WriteOptions & { subresource?: 'scale' | 'finalize' }): T;
  updateStatus<T extends KubeObject>(ref: ResourceRef, obj: T, opts?: WriteOptions): T;
  patch<T extends KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts?: WriteOptions & { subresource?: Subresource },
  ): T;
  delete(ref: ResourceRef, namespace: string | undefined, name: string, opts?: DeleteOptions): KubeObject | Status;
  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (event: WatchEvent) => void): () => void;
}

/** Virtual time. In tests it moves only when told to; in the page and the API server it follows the wall clock. */
export interface Clock {
  now(): number; // epoch milliseconds
}

/** Seeded randomness so the same inputs give the same cluster (names, IPs, hashes). */
export interface Random {
  next(): number; // [0, 1)
  int(maxExclusive: number): number;
  /** Five characters from upstream's name alphabet, as generateName uses. */
  nameSuffix(length?: number): string;
}
