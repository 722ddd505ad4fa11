// The API server: an ApiClient over the object store with kube-apiserver's rules for create, get,
// list, update, status updates, patch and watch (delete lives in delete.ts, scale in scale.ts).
// Every call either returns a fresh copy the caller may change, or throws an ApiError: nothing
// else escapes, whatever the input.
import type { FieldError, KindStrategy, StrategyContext } from '../kinds/strategy.ts';
import { rfc3339 } from './clock.ts';
import { decodeObject } from './decode.ts';
import { deleteObject } from './delete.ts';
import {
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  methodNotSupported,
  namespaceTerminating,
  notFound,
  resourceNotFound,
  timeout,
  toApiError,
} from './errors.ts';
import { parseFieldSelector } from './field-selectors.ts';
import { cloneJson, deepEqual, isPlainObject } from './json.ts';
import { recordManager } from './managed-fields.ts';
import { generateName, newUid } from './names.ts';
import { ObjectStore, type Change } from './object-store.ts';
import { defaultMetaUpdateValidation, defaultMetaValidation, specChanged, storeNameErrors, tracksGeneration } from './object-meta.ts';
import { applyPatch } from './patch/index.ts';
import { serverSideApply } from './patch/apply.ts';
import { resourceFor } from './resources.ts';
import { getScale, scaleFromPatch, updateScale } from './scale.ts';
import { parseLabelSelector } from './selectors.ts';
import type {
  ApiClient,
  Clock,
  DeleteOptions,
  GetOptions,
  KubeList,
  KubeObject,
  ListOptions,
  PatchType,
  Random,
  ResourceRef,
  ResourceType,
  Status,
  Subresource,
  WatchEvent,
  WatchOptions,
  WriteOptions,
} from './types.ts';
import { WatchHub } from './watch.ts';

export type StrategyLookup = (group: string, kind: string) => KindStrategy | undefined;

export interface ApiServerOptions {
  clock: Clock;
  random: Random;
  /** Per-kind defaulting/validation (simulator/kinds). Kinds without one get the generic rules only. */
  strategyFor?: StrategyLookup;
  /** How many changes a watch can resume across before it gets 410 Expired. */
  historySize?: number;
}

type UpdateMode = 'main' | 'status' | 'finalize';

/**
 * An option only in-process code can pass (a symbol never arrives over HTTP): hand back the stored
 * object itself, frozen, instead of a copy. Controllers read it the way client-go code reads a
 * lister's objects and copy before they change anything; see sharedResultsClient().
 */
export const shareResult = Symbol('shareResult');
export interface ShareResult {
  [shareResult]?: true;
}

/** The caller's own copy of what the store holds, unless it asked to share the frozen object. */
function out<T>(obj: T, opts: ShareResult | undefined): T {
  return opts?.[shareResult] || !Object.isFrozen(obj) ? obj : cloneJson(obj);
}

export class ApiServer implements ApiClient {
  readonly store: ObjectStore;
  readonly watches: WatchHub;
  readonly clock: Clock;
  readonly random: Random;
  readonly strategyFor: StrategyLookup;
  readonly #strategyContext: StrategyContext;

  constructor(options: ApiServerOptions) {
    this.clock = options.clock;
    this.random = options.random;
    this.strategyFor = options.strategyFor ?? (() => undefined);
    this.store = new ObjectStore(options.historySize);
    this.watches = new WatchHub(this.store);
    this.#strategyContext = {
      // Strategies only read what they list (to find a free ClusterIP or NodePort): hand them the
      // frozen stored objects instead of copies, which keeps creates cheap in big clusters.
      list: (ref, opts) => guard(() => this.#list(this.resolve(ref, 'list'), opts ?? {}, false)) as never,
      random: this.random,
      clock: this.clock,
    };
  }

  // ---- ApiClient ----

  create<T extends KubeObject>(ref: ResourceRef, body: T, opts: WriteOptions & ShareResult = {}): T {
    return guard(() => out(this.#create(this.resolve(ref, 'create'), body, opts) as T, opts));
  }

  get<T extends KubeObject>(ref: ResourceRef, namespace: string | undefined, name: string, opts: GetOptions & ShareResult = {}): T {
    return guard(() => {
      const rt = this.resolve(ref, 'get');
      const obj = this.mustGet(rt, namespace, name);
      if (opts.subresource === 'scale') return getScale(rt, obj) as unknown as T;
      return out(obj as T, opts);
    });
  }

  list<T extends KubeObject>(ref: ResourceRef, opts: ListOptions & ShareResult = {}): KubeList<T> {
    return guard(() => this.#list(this.resolve(ref, 'list'), opts, !opts[shareResult]) as KubeList<T>);
  }

  update<T extends KubeObject>(ref: ResourceRef, body: T, opts: WriteOptions & ShareResult & { subresource?: 'scale' | 'finalize' } = {}): T {
    return guard(() => {
      const rt = this.resolve(ref, 'update');
      if (opts.subresource === 'scale') return updateScale(this, rt, body, opts) as unknown as T;
      const mode: UpdateMode = opts.subresource === 'finalize' ? 'finalize' : 'main';
      if (mode === 'finalize' && rt.kind !== 'Namespace') throw resourceNotFound();
      return out(this.#put(rt, body, opts, mode) as T, opts);
    });
  }

  updateStatus<T extends KubeObject>(ref: ResourceRef, body: T, opts: WriteOptions & ShareResult = {}): T {
    return guard(() => {
      const rt = this.resolve(ref, 'update');
      if (!rt.subresources.includes('status')) throw resourceNotFound();
      return out(this.#put(rt, body, opts, 'status') as T, opts);
    });
  }

  patch<T extends KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts: WriteOptions & ShareResult & { subresource?: Subresource } = {},
  ): T {
    return guard(() => out(this.#patch(this.resolve(ref, 'patch'), namespace, name, type, body, opts) as T, opts));
  }

  delete(ref: ResourceRef, namespace: string | undefined, name: string, opts: DeleteOptions & ShareResult = {}): KubeObject | Status {
    return guard(() => {
      const rt = this.resolve(ref, 'delete');
      return out(deleteObject(this, rt, this.namespaceFor(rt, namespace), name, opts), opts);
    });
  }

  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (event: WatchEvent) => void): () => void {
    return guard(() => {
      const rt = this.resolve(ref, 'watch');
      const filter = {
        namespace: rt.namespaced && opts.namespace ? opts.namespace : undefined,
        labels: parseLabelSelector(opts.labelSelector),
        fields: parseFieldSelector(opts.fieldSelector, rt.kind),
      };
      return this.watches.watch(rt, filter, parseResourceVersion(opts.resourceVersion), onEvent);
    });
  }

  /** Lets a terminating namespace go once its content is gone: PUT …/namespaces/x/finalize. */
  finalizeNamespace(namespace: KubeObject): KubeObject {
    return this.update({ resource: 'namespaces' }, namespace, { subresource: 'finalize' });
  }

  /** Every change committed to the store, for the page's cluster view. Returns an unsubscribe. */
  onChange(listener: (change: Change) => void): () => void {
    return this.store.onChange(listener);
  }

  // ---- shared with delete.ts and scale.ts ----

  resolve(ref: ResourceRef, verb: string): ResourceType {
    if (!ref || typeof ref !== 'object' || typeof ref.resource !== 'string') throw badRequest('a resource reference needs a resource name');
    const rt = resourceFor(ref);
    if (!rt) throw resourceNotFound();
    if (!rt.verbs.includes(verb)) throw methodNotSupported({ group: rt.group, resource: rt.plural }, verb);
    return rt;
  }

  namespaceFor(rt: ResourceType, namespace: string | undefined): string {
    if (!rt.namespaced) return '';
    if (namespace === undefined || namespace === '') return 'default';
    if (typeof namespace !== 'string') throw badRequest('namespace must be a string');
    return namespace;
  }

  mustGet(rt: ResourceType, namespace: string | undefined, name: string): KubeObject {
    if (typeof name !== 'string' || name === '') throw badRequest('resource name may not be empty');
    const obj = this.store.get(rt, this.namespaceFor(rt, namespace), name);
    if (!obj) throw notFound({ group: rt.group, resource: rt.plural }, name);
    return obj;
  }

  /** Stamps a new resourceVersion and stores the object. Returns it as stored: frozen, so the
   * public verbs copy it for their caller (see out()). */
  commit(rt: ResourceType, obj: KubeObject): KubeObject {
    const rv = this.store.nextRevision();
    obj.metadata.resourceVersion = String(rv);
    this.store.put(rt, obj, rv);
    return obj;
  }

  /** Removes an object for good; watchers get DELETED with its last state at a new resourceVersion. */
  removeNow(rt: ResourceType, obj: KubeObject): KubeObject {
    const rv = this.store.nextRevision();
    const last = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
    this.store.remove(rt, last, rv);
    return last;
  }

  /** The whole write path of an update: carry system fields over, run the strategy, validate, bump
   * generation, skip no-op writes, and delete an object whose last finalizer just went. */
  writeUpdate(rt: ResourceType, old: KubeObject, next: KubeObject, opts: WriteOptions, mode: UpdateMode): KubeObject {
    const gr = { group: rt.group, resource: rt.plural };
    const name = old.metadata.name!;
    if (next.metadata.resourceVersion && next.metadata.resourceVersion !== old.metadata.resourceVersion) throw conflict(gr, name);
    if (next.metadata.uid && next.metadata.uid !== old.metadata.uid) {
      throw conflict(gr, name, `Precondition failed: UID in precondition: ${next.metadata.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (mode === 'status' || mode === 'finalize') {
      // Only status (or spec.finalizers) comes from the body; metadata and spec stay as stored.
      // A status write shares the stored (frozen) spec rather than copying it: nothing on this
      // path changes a spec, and freezing and comparing skip a shared subtree at once.
      const merged = mode === 'status' ? { ...old, metadata: cloneJson(old.metadata) } : cloneJson(old);
      if (mode === 'status') {
        if (next.status === undefined) delete merged.status;
        else merged.status = next.status;
      } else {
        const finalizers = (next.spec as { finalizers?: unknown } | undefined)?.finalizers;
        merged.spec = { ...((merged.spec as object) ?? {}), finalizers: Array.isArray(finalizers) ? finalizers : [] };
      }
      next = merged;
    } else {
      const meta = next.metadata;
      meta.uid = old.metadata.uid;
      meta.creationTimestamp = old.metadata.creationTimestamp;
      setOrDelete(meta, 'deletionTimestamp', old.metadata.deletionTimestamp);
      setOrDelete(meta, 'deletionGracePeriodSeconds', old.metadata.deletionGracePeriodSeconds);
      setOrDelete(meta, 'generation', old.metadata.generation);
      if (meta.managedFields === undefined && old.metadata.managedFields) meta.managedFields = cloneJson(old.metadata.managedFields);
      if (rt.subresources.includes('status')) setOrDelete(next, 'status', cloneJson(old.status));
    }
    const strategy = this.strategyFor(rt.group, rt.kind);
    // In a status write everything but status is the stored object's, which was decodable already.
    if (mode === 'status') rejectUndecodable(rt, strategy, { ...next, spec: undefined } as KubeObject);
    else rejectUndecodable(rt, strategy, next);
    const errs: FieldError[] = [];
    try {
      // A status write keeps the stored, already defaulted spec (as upstream's status strategies
      // do): default only the rest, through a view without the spec.
      strategy?.applyDefaults?.(mode === 'status' ? ({ ...next, spec: undefined } as KubeObject) : next);
      // The stored object is frozen: strategies may read it and share its parts, never change it.
      if (mode === 'status') strategy?.prepareForStatusUpdate?.(next, old);
      if (mode === 'main') {
        errs.push(...(strategy?.prepareForUpdate?.(next, old, this.#strategyContext) ?? []));
        errs.push(...(strategy?.validateUpdate ? strategy.validateUpdate(next, old) : defaultMetaUpdateValidation(next, old)));
      } else if (mode === 'status') {
        errs.push(...(strategy?.validateStatusUpdate?.(next, old) ?? []));
      }
    } catch (e) {
      throw toApiError(e);
    }
    if (mode === 'main' && (next.metadata.name !== old.metadata.name || (next.metadata.namespace ?? '') !== (old.metadata.namespace ?? ''))) {
      errs.push({ type: 'FieldValueInvalid', field: 'metadata.name', badValue: next.metadata.name, detail: 'field is immutable' });
    }
    if (errs.length) throw invalid(rt.group, rt.kind, name, errs);
    if (tracksGeneration(rt) && specChanged(old, next)) next.metadata.generation = (old.metadata.generation ?? 0) + 1;
    if (opts.fieldManager) recordManager(next, opts.fieldManager, 'Update', rt, this.clock.now(), mode === 'status' ? 'status' : undefined);
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    // Writing what is already stored changes nothing: no new resourceVersion, no watch event.
    if (deepEqual(next, old)) return old;
    // Not stored, but it may share frozen parts with the stored object: the caller's own copy.
    if (opts.dryRun) return cloneJson(next);
    if (readyToGo(rt, next)) return this.removeNow(rt, next);
    return this.commit(rt, next);
  }

  // ---- the verbs ----

  #create(rt: ResourceType, body: unknown, opts: WriteOptions): KubeObject {
    const obj = decodeObject(rt, body);
    const meta = obj.metadata;
    const gr = { group: rt.group, resource: rt.plural };
    if (rt.namespaced) meta.namespace = this.namespaceFor(rt, meta.namespace);
    else delete meta.namespace;
    if (meta.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
    if (!meta.name && meta.generateName) meta.name = this.#freshName(rt, meta.namespace ?? '', meta.generateName);
    if (rt.namespaced) this.#checkNamespaceOpen(rt, meta.namespace!, meta.name ?? meta.generateName ?? '');

    meta.uid = newUid(this.random);
    meta.creationTimestamp = rfc3339(this.clock.now());
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.managedFields;
    if (tracksGeneration(rt)) meta.generation = 1;
    else delete meta.generation;
    if (rt.subresources.includes('status')) delete obj.status;
    if (rt.kind === 'Namespace') prepareNamespace(obj);

    const strategy = this.strategyFor(rt.group, rt.kind);
    rejectUndecodable(rt, strategy, obj);
    const errs: FieldError[] = [];
    let refusal: string | undefined;
    try {
      strategy?.applyDefaults?.(obj);
      // Admission runs after defaulting and before validation, as kube-apiserver's plugins do.
      refusal = strategy?.admitCreate?.(obj, this.#strategyContext);
      if (refusal === undefined) errs.push(...(strategy?.prepareForCreate?.(obj, this.#strategyContext) ?? []));
      errs.push(...(strategy?.validateCreate ? strategy.validateCreate(obj) : defaultMetaValidation(obj, rt)));
    } catch (e) {
      throw toApiError(e);
    }
    if (refusal !== undefined) throw forbidden(gr, meta.name ?? '', refusal);
    errs.push(...storeNameErrors(obj));
    if (errs.length) throw invalid(rt.group, rt.kind, typeof meta.name === 'string' ? meta.name : '', errs);
    if (this.store.get(rt, meta.namespace ?? '', meta.name!)) throw alreadyExists(gr, meta.name!);
    if (opts.fieldManager) recordManager(obj, opts.fieldManager, 'Update', rt, this.clock.now());
    if (opts.dryRun) return obj;
    return this.commit(rt, obj);
  }

  #freshName(rt: ResourceType, namespace: string, base: string): string {
    // Collisions are rare; upstream fails the create, we simply draw again a few times.
    for (let attempt = 0; attempt < 8; attempt++) {
      const name = generateName(base, this.random);
      if (!this.store.get(rt, namespace, name)) return name;
    }
    return generateName(base, this.random);
  }

  #checkNamespaceOpen(rt: ResourceType, namespace: string, name: string): void {
    const ns = this.store.get(resourceFor({ resource: 'namespaces' })!, '', namespace);
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, namespace);
    // Events keep flowing while a namespace drains (the kubelet reports pods shutting down).
    if (ns.metadata.deletionTimestamp && rt.kind !== 'Event') throw namespaceTerminating({ group: rt.group, resource: rt.plural }, name, namespace);
  }

  #list(rt: ResourceType, opts: ListOptions, copy = true): KubeList {
    const labels = parseLabelSelector(opts.labelSelector);
    const fields = parseFieldSelector(opts.fieldSelector, rt.kind);
    const asked = parseResourceVersion(opts.resourceVersion);
    if (asked !== undefined && asked > this.store.revision) {
      throw timeout(`Too large resource version: ${asked}, current: ${this.store.revision}`);
    }
    const namespace = rt.namespaced && opts.namespace ? opts.namespace : undefined;
    let items = this.store.list(rt, namespace);
    let after = '';
    if (opts.continue) after = decodeContinue(opts.continue);
    const out: KubeObject[] = [];
    let more: string | undefined;
    for (const obj of items) {
      const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
      if (after && key <= after) continue;
      if (!labels.empty && !labels.matches(obj.metadata.labels)) continue;
      if (!fields.empty && !fields.matches(obj)) continue;
      if (opts.limit && opts.limit > 0 && out.length >= opts.limit) {
        more = `${out[out.length - 1]!.metadata.namespace ?? ''}/${out[out.length - 1]!.metadata.name}`;
        break;
      }
      out.push(obj);
    }
    items = out;
    const list: KubeList = {
      apiVersion: rt.group ? `${rt.group}/${rt.version}` : rt.version,
      kind: `${rt.kind}List`,
      metadata: { resourceVersion: String(this.store.revision) },
      items: copy ? items.map((o) => cloneJson(o)) : items,
    };
    if (more) list.metadata.continue = encodeContinue(more);
    return list;
  }

  #put(rt: ResourceType, body: unknown, opts: WriteOptions, mode: UpdateMode): KubeObject {
    // A status write takes only status (and the preconditions in metadata) from the body: the
    // spec it carries along is never read, so it is not copied either.
    const next = decodeObject(rt, mode === 'status' && isPlainObject(body) ? { ...body, spec: undefined } : body);
    const name = next.metadata.name;
    if (!name) throw badRequest('name is required for an update');
    const namespace = this.namespaceFor(rt, next.metadata.namespace);
    if (rt.namespaced) next.metadata.namespace = namespace;
    else delete next.metadata.namespace;
    const old = this.mustGet(rt, namespace, name);
    return this.writeUpdate(rt, old, next, opts, mode);
  }

  #patch(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts: WriteOptions & { subresource?: Subresource },
  ): KubeObject {
    const ns = this.namespaceFor(rt, namespace);
    if (opts.subresource !== undefined && opts.subresource !== 'status' && opts.subresource !== 'scale') throw resourceNotFound();
    if (opts.subresource && !rt.subresources.includes(opts.subresource)) throw resourceNotFound();
    if (type === 'apply') return serverSideApply(this, rt, ns, name, body, opts);
    const old = this.mustGet(rt, ns, name);
    if (opts.subresource === 'scale') {
      const patchedScale = applyPatch(type, getScale(rt, old), body, rt);
      return scaleFromPatch(this, rt, old, patchedScale, opts) as unknown as KubeObject;
    }
    const patched = applyPatch(type, cloneJson(old), body, rt);
    const next = decodeObject(rt, patched);
    if (next.metadata.name !== name) {
      throw badRequest(`the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${name})`);
    }
    if (rt.namespaced && (next.metadata.namespace ?? '') !== ns) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    return this.writeUpdate(rt, old, next, opts, opts.subresource === 'status' ? 'status' : 'main');
  }

  /** The create path without committing when opts.dryRun: server-side apply prepares with it. */
  createFrom(rt: ResourceType, obj: KubeObject, opts: WriteOptions): KubeObject {
    return this.#create(rt, obj, opts);
  }

  /** Commits an object createFrom prepared (a dry run), re-checking that the name is still free. */
  createPrepared(rt: ResourceType, obj: KubeObject): KubeObject {
    if (this.store.get(rt, obj.metadata.namespace ?? '', obj.metadata.name!)) throw alreadyExists({ group: rt.group, resource: rt.plural }, obj.metadata.name!);
    return this.commit(rt, obj);
  }
}

/** Runs a call so that only ApiError leaves it. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toApiError(e);
  }
}

function setOrDelete(target: Record<string, unknown> | object, key: string, value: unknown): void {
  if (value === undefined) delete (target as Record<string, unknown>)[key];
  else (target as Record<string, unknown>)[key] = value;
}

/** Upstream removes an object on update once deletion was requested with no grace left and the
 * last finalizer is gone (for namespaces: spec.finalizers too). */
export function readyToGo(rt: ResourceType, obj: KubeObject): boolean {
  const meta = obj.metadata;
  if (!meta.deletionTimestamp || meta.deletionGracePeriodSeconds !== 0) return false;
  if (meta.finalizers && meta.finalizers.length) return false;
  if (rt.kind === 'Namespace') {
    const spec = obj.spec as { finalizers?: string[] } | undefined;
    if (spec?.finalizers && spec.finalizers.length) return false;
  }
  return true;
}

/** What the namespace registry does on create: the kubernetes finalizer, phase Active, the name label. */
function prepareNamespace(ns: KubeObject): void {
  const spec = isPlainObject(ns.spec) ? (ns.spec as { finalizers?: string[] }) : {};
  if (!Array.isArray(spec.finalizers) || spec.finalizers.length === 0) spec.finalizers = ['kubernetes'];
  ns.spec = spec;
  ns.status = { phase: 'Active' };
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
}

export function parseResourceVersion(rv: string | undefined): number | undefined {
  if (rv === undefined || rv === '' || rv === '0') return undefined;
  if (typeof rv !== 'string' || !/^\d+$/.test(rv)) throw badRequest(`invalid resource version: ${JSON.stringify(rv)}`);
  return Number(rv);
}

function encodeContinue(key: string): string {
  return btoa(encodeURIComponent(JSON.stringify({ v: 'wheelhouse/v1', start: key })));
}

function decodeContinue(token: string): string {
  try {
    const parsed = JSON.parse(decodeURIComponent(atob(token))) as { start?: unknown };
    if (typeof parsed.start === 'string') return parsed.start;
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: invalid continue token');
}

/** A body the API server cannot even decode into the kind (bad base64 in a Secret, a quantity that
 * does not parse) is a 400 before any validation, worded as kube-apiserver's decoder words it. */
function rejectUndecodable(rt: ResourceType, strategy: KindStrategy | undefined, obj: KubeObject): void {
  const problem = strategy?.checkDecodable?.(obj);
  if (problem !== undefined) {
    throw badRequest(`${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: ${problem}`);
  }
}
