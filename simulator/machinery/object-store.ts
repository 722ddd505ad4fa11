// The in-memory "etcd": objects keyed by resource, namespace and name, one global revision counter,
// a bounded log of changes for watches, and an index from owner uid to dependents for the garbage
// collector. It knows nothing about validation or API rules; api-server.ts does.
import { deepFreeze } from './json.ts';
import type { KubeObject, ResourceType } from './types.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed write. Objects are frozen and shared with every reader of the log. */
export interface Change {
  type: ChangeType;
  resourceVersion: number;
  resource: ResourceType;
  object: KubeObject;
  /** The state before this write (undefined for ADDED): lets a watch with a selector notice an
   * object that stops or starts matching. */
  previous?: KubeObject;
}

/** Where an object lives; enough to get, update or delete it. */
export interface ObjectAddress {
  resource: ResourceType;
  namespace: string;
  name: string;
}

export function resourceKey(rt: Pick<ResourceType, 'group' | 'plural'>): string {
  return `${rt.group}/${rt.plural}`;
}

function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export class ObjectStore {
  #revision = 0;
  #collections = new Map<string, Map<string, KubeObject>>();
  #sortedKeys = new Map<string, string[]>(); // cached list order; dropped when a key is added or removed
  #byUid = new Map<string, ObjectAddress>();
  #dependents = new Map<string, Set<string>>(); // owner uid → dependent uids
  #log: Change[] = [];
  #logStart = 0; // index of the oldest retained change in #log (a ring kept by slicing)
  readonly historySize: number;
  #listeners = new Set<(change: Change) => void>();

  constructor(historySize = 5000) {
    this.historySize = historySize;
  }

  get revision(): number {
    return this.#revision;
  }

  /** The oldest resourceVersion a watch may resume from: changes after it are all still in the log. */
  get oldestResumable(): number {
    const first = this.#log[this.#logStart];
    return first ? first.resourceVersion - 1 : this.#revision;
  }

  nextRevision(): number {
    return ++this.#revision;
  }

  get(rt: ResourceType, namespace: string, name: string): KubeObject | undefined {
    return this.#collections.get(resourceKey(rt))?.get(objectKey(namespace, name));
  }

  /** Objects of one resource (optionally one namespace) in etcd key order: namespace, then name. */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    const key = resourceKey(rt);
    const collection = this.#collections.get(key);
    if (!collection) return [];
    let keys = this.#sortedKeys.get(key);
    if (!keys) {
      keys = [...collection.keys()].sort();
      this.#sortedKeys.set(key, keys);
    }
    const out: KubeObject[] = [];
    const prefix = namespace === undefined ? undefined : `${namespace}/`;
    for (const k of keys) {
      if (prefix !== undefined && !k.startsWith(prefix)) continue;
      out.push(collection.get(k)!);
    }
    return out;
  }

  count(rt: ResourceType): number {
    return this.#collections.get(resourceKey(rt))?.size ?? 0;
  }

  addressOfUid(uid: string): ObjectAddress | undefined {
    return this.#byUid.get(uid);
  }

  getByUid(uid: string): KubeObject | undefined {
    const at = this.#byUid.get(uid);
    return at ? this.get(at.resource, at.namespace, at.name) : undefined;
  }

  /** The uids of objects whose ownerReferences name this uid. */
  dependentUidsOf(ownerUid: string): string[] {
    return [...(this.#dependents.get(ownerUid) ?? [])];
  }

  /** Objects whose ownerReferences name this uid. */
  dependentsOf(ownerUid: string): ObjectAddress[] {
    const uids = this.#dependents.get(ownerUid);
    if (!uids) return [];
    const out: ObjectAddress[] = [];
    for (const uid of uids) {
      const at = this.#byUid.get(uid);
      if (at) out.push(at);
    }
    return out;
  }

  /** Commits a write: the object must already carry its new resourceVersion. */
  put(rt: ResourceType, object: KubeObject, revision: number): Change {
    const ns = object.metadata.namespace ?? '';
    const name = object.metadata.name!;
    const key = resourceKey(rt);
    let collection = this.#collections.get(key);
    if (!collection) {
      collection = new Map();
      this.#collections.set(key, collection);
    }
    const okey = objectKey(ns, name);
    const previous = collection.get(okey);
    if (!previous) this.#sortedKeys.delete(key);
    deepFreeze(object);
    collection.set(okey, object);
    // Most updates (status above all) keep uid and owners: the indexes stay as they are.
    if (!previous || !sameOwnership(previous, object)) {
      if (previous) this.#unindex(previous);
      this.#index(rt, object);
    }
    return this.#record({ type: previous ? 'MODIFIED' : 'ADDED', resourceVersion: revision, resource: rt, object, previous });
  }

  /** Removes an object; `finalState` (with a fresh resourceVersion) is what DELETED events carry. */
  remove(rt: ResourceType, finalState: KubeObject, revision: number): Change | undefined {
    const key = resourceKey(rt);
    const okey = objectKey(finalState.metadata.namespace ?? '', finalState.metadata.name!);
    const collection = this.#collections.get(key);
    const previous = collection?.get(okey);
    if (!collection || !previous) return undefined;
    collection.delete(okey);
    this.#sortedKeys.delete(key);
    this.#unindex(previous);
    deepFreeze(finalState);
    return this.#record({ type: 'DELETED', resourceVersion: revision, resource: rt, object: finalState, previous });
  }

  /** Changes with resourceVersion > after, oldest first, or undefined when some are no longer kept. */
  changesSince(after: number): Change[] | undefined {
    if (after < this.oldestResumable) return undefined;
    const out: Change[] = [];
    // The log is ordered by revision: binary search for the first change after `after`.
    let lo = this.#logStart;
    let hi = this.#log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#log[mid]!.resourceVersion <= after) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.#log.length; i++) out.push(this.#log[i]!);
    return out;
  }

  /** Every committed change, in order, as it happens. */
  onChange(listener: (change: Change) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every object, in a stable order (for snapshots). */
  *all(): Generator<{ resource: ResourceType; object: KubeObject }> {
    for (const [key, collection] of [...this.#collections.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const rt = this.#collectionTypes.get(key)!;
      for (const k of [...collection.keys()].sort()) yield { resource: rt, object: collection.get(k)! };
    }
  }
  #collectionTypes = new Map<string, ResourceType>();

  /** Replaces everything (restore from a snapshot). The change log starts afresh at `revision`. */
  reset(objects: Array<{ resource: ResourceType; object: KubeObject }>, revision: number): void {
    this.#collections.clear();
    this.#sortedKeys.clear();
    this.#byUid.clear();
    this.#dependents.clear();
    this.#log = [];
    this.#logStart = 0;
    this.#revision = revision;
    for (const { resource, object } of objects) {
      const key = resourceKey(resource);
      let collection = this.#collections.get(key);
      if (!collection) {
        collection = new Map();
        this.#collections.set(key, collection);
      }
      deepFreeze(object);
      collection.set(objectKey(object.metadata.namespace ?? '', object.metadata.name!), object);
      this.#index(resource, object);
    }
  }

  #record(change: Change): Change {
    this.#log.push(change);
    if (this.#log.length - this.#logStart > this.historySize) this.#logStart++;
    // Compact now and then so the array does not grow without bound.
    if (this.#logStart > this.historySize) {
      this.#log = this.#log.slice(this.#logStart);
      this.#logStart = 0;
    }
    for (const listener of this.#listeners) listener(change);
    return change;
  }

  #index(rt: ResourceType, obj: KubeObject): void {
    this.#collectionTypes.set(resourceKey(rt), rt);
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.#byUid.set(uid, { resource: rt, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name! });
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.#dependents.get(ref.uid);
      if (!set) {
        set = new Set();
        this.#dependents.set(ref.uid, set);
      }
      set.add(uid);
    }
  }

  #unindex(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.#byUid.delete(uid);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.#dependents.get(ref.uid);
      set?.delete(uid);
      if (set && set.size === 0) this.#dependents.delete(ref.uid);
    }
  }
}

function sameOwnership(a: KubeObject, b: KubeObject): boolean {
  if (a.metadata.uid !== b.metadata.uid) return false;
  const x = a.metadata.ownerReferences ?? [];
  const y = b.metadata.ownerReferences ?? [];
  return x.length === y.length && x.every((ref, i) => ref.uid === y[i]!.uid);
}
