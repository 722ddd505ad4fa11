// DELETE as kube-apiserver does it. An object goes at once unless something holds it:
// - a Pod's grace period: deletionTimestamp = now + grace; the kubelet finishes with grace 0;
// - finalizers, including the ones propagation adds: Foreground → `foregroundDeletion` (the
//   garbage collector deletes dependents first), Orphan → `orphan` (it strips ownerReferences);
// - a Namespace, which turns Terminating until the namespace controller has emptied it.
// With Background (the default) the owner goes now and the garbage collector removes dependents.
import type { ApiServer } from './api-server.ts';
import { readyToGo } from './api-server.ts';
import { rfc3339 } from './clock.ts';
import { conflict, forbidden, invalid } from './errors.ts';
import { cloneJson } from './json.ts';
import type { DeleteOptions, KubeObject, ResourceType, Status } from './types.ts';

const policies = ['Foreground', 'Background', 'Orphan'];
const undeletableNamespaces = new Set(['default', 'kube-system', 'kube-public']);

export function deleteObject(server: ApiServer, rt: ResourceType, namespace: string, name: string, opts: DeleteOptions): KubeObject | Status {
  const gr = { group: rt.group, resource: rt.plural };
  opts = opts ?? {};
  if (opts.propagationPolicy !== undefined && !policies.includes(opts.propagationPolicy)) {
    throw invalid('', 'DeleteOptions', '', [
      { type: 'FieldValueNotSupported', field: 'propagationPolicy', badValue: opts.propagationPolicy, detail: 'supported values: "Foreground", "Background", "Orphan"' },
    ]);
  }
  const existing = server.mustGet(rt, namespace, name);
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== existing.metadata.uid) {
    throw conflict(gr, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion) {
    throw conflict(gr, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`);
  }
  if (rt.kind === 'Namespace') return deleteNamespace(server, rt, existing, opts);

  // Only metadata changes: the (frozen) spec and status are shared with the stored object.
  const obj = { ...existing, metadata: { ...existing.metadata } };
  const meta = obj.metadata;
  const now = server.clock.now();
  const isPod = rt.kind === 'Pod';

  if (meta.deletionTimestamp) {
    // Already on its way out. Only a Pod's grace period can still be shortened (grace 0 is the
    // kubelet saying the containers are gone).
    if (!isPod || opts.gracePeriodSeconds === undefined) return existing;
    const grace = Math.max(0, Math.floor(opts.gracePeriodSeconds));
    if (grace >= (meta.deletionGracePeriodSeconds ?? Number.POSITIVE_INFINITY)) return existing;
    meta.deletionTimestamp = rfc3339(now + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
    if (opts.dryRun) return cloneJson(obj);
    if (readyToGo(rt, obj)) return server.removeNow(rt, obj);
    return server.commit(rt, obj);
  }

  const grace = isPod ? podGracePeriod(obj, opts) : 0;
  const finalizers = (meta.finalizers ?? []).filter((f) => f !== 'orphan' && f !== 'foregroundDeletion');
  const keptPolicyFinalizer = (meta.finalizers ?? []).filter((f) => f === 'orphan' || f === 'foregroundDeletion');
  if (opts.propagationPolicy === 'Orphan') finalizers.push('orphan');
  else if (opts.propagationPolicy === 'Foreground') finalizers.push('foregroundDeletion');
  else if (opts.propagationPolicy === undefined) finalizers.push(...keptPolicyFinalizer);
  if (finalizers.length) meta.finalizers = finalizers;
  else delete meta.finalizers;

  if (grace > 0 || finalizers.length) {
    meta.deletionTimestamp = rfc3339(now + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
    if (opts.dryRun) return cloneJson(obj);
    return server.commit(rt, obj);
  }
  if (opts.dryRun) return isPod ? cloneJson(obj) : success(rt, existing);
  const last = server.removeNow(rt, obj);
  return isPod ? last : success(rt, existing);
}

/** How long a Pod gets to stop: the request's grace, else its spec's, 30 s by default; none for
 * pods never scheduled or already finished (upstream's pod CheckGracefulDelete). */
function podGracePeriod(pod: KubeObject, opts: DeleteOptions): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const status = (pod.status ?? {}) as { phase?: string };
  if (!spec.nodeName) return 0;
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return 0;
  let grace = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
  if (typeof grace !== 'number' || !Number.isFinite(grace)) grace = 30;
  // A negative request means "as soon as possible" but still through the kubelet.
  if (grace < 0) grace = 1;
  return Math.floor(grace);
}

function deleteNamespace(server: ApiServer, rt: ResourceType, existing: KubeObject, opts: DeleteOptions): KubeObject | Status {
  const name = existing.metadata.name!;
  const gr = { group: '', resource: 'namespaces' };
  if (undeletableNamespaces.has(name)) throw forbidden(gr, name, 'this namespace may not be deleted');
  if (existing.metadata.deletionTimestamp) {
    throw conflict(
      gr,
      name,
      'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    );
  }
  const ns = cloneJson(existing);
  ns.metadata.deletionTimestamp = rfc3339(server.clock.now());
  ns.metadata.deletionGracePeriodSeconds = 0;
  if (opts.propagationPolicy === 'Orphan') ns.metadata.finalizers = [...new Set([...(ns.metadata.finalizers ?? []), 'orphan'])];
  ns.status = { ...((ns.status as object) ?? {}), phase: 'Terminating' };
  if (opts.dryRun) return ns;
  if (readyToGo(rt, ns)) {
    server.removeNow(rt, ns);
    return success(rt, existing);
  }
  return server.commit(rt, ns);
}

function success(rt: ResourceType, obj: KubeObject): Status {
  return {
    apiVersion: 'v1',
    kind: 'Status',
    metadata: {},
    status: 'Success',
    message: '',
    reason: '',
    details: { name: obj.metadata.name!, group: rt.group, kind: rt.plural, uid: obj.metadata.uid! },
    code: 200,
  };
}
