// The garbage collector: objects whose owners are gone are deleted, the way kube-controller-
// manager's GC follows metadata.ownerReferences (Deployment → ReplicaSet → Pod).
// - An owner deleted in the background disappears at once; its dependents are deleted afterwards.
// - An owner deleted in the foreground carries the `foregroundDeletion` finalizer: its dependents
//   are deleted first, and the finalizer is removed once no dependent with blockOwnerDeletion is left.
// - An owner deleted with `orphan` keeps its dependents: their ownerReferences to it are removed,
//   then the `orphan` finalizer.
// Keys: `owner/<uid>` (something about an owner changed) and `dependent/<uid>` (check its owners).
import { hasReason } from '../machinery/errors.ts';
import { refFor, resourceTypes } from '../machinery/resources.ts';
import type { KubeObject, ResourceRef } from '../machinery/types.ts';
import type { ObjectAddress } from '../machinery/object-store.ts';
import type { Controller, ControllerContext, ControllerWatch } from './controller.ts';

/** What the GC reads from the store directly: upstream keeps this graph in its own informers. */
export interface OwnerIndex {
  dependentUidsOf(ownerUid: string): string[];
  getByUid(uid: string): KubeObject | undefined;
  addressOfUid(uid: string): ObjectAddress | undefined;
}

const foreground = 'foregroundDeletion';
const orphan = 'orphan';

export function createGarbageCollector(index: OwnerIndex): Controller {
  // The owners each dependent had when last checked. As upstream's graph builder, a dependent is
  // checked when it appears or its owner references change, not on every status write; an owner
  // that goes away reaches its dependents through its own key.
  const ownersSeen = new Map<string, string>();

  function keysFor(event: { type: string; object: KubeObject }): string[] {
    const meta = event.object.metadata;
    if (!meta?.uid) return [];
    const keys: string[] = [];
    const owners = meta.ownerReferences ?? [];
    if (event.type === 'DELETED') {
      ownersSeen.delete(meta.uid);
      keys.push(`owner/${meta.uid}`);
      // An owner waiting in the foreground may be free to go now.
      for (const ref of owners) keys.push(`owner/${ref.uid}`);
      return keys;
    }
    const finalizers = meta.finalizers ?? [];
    if (meta.deletionTimestamp && (finalizers.includes(foreground) || finalizers.includes(orphan))) keys.push(`owner/${meta.uid}`);
    if (owners.length) {
      const signature = owners.map((r) => r.uid).join(',');
      if (ownersSeen.get(meta.uid) !== signature) {
        ownersSeen.set(meta.uid, signature);
        keys.push(`dependent/${meta.uid}`);
      }
    } else ownersSeen.delete(meta.uid);
    if (meta.deletionTimestamp) for (const ref of owners) keys.push(`owner/${ref.uid}`);
    return keys;
  }

  const watches: ControllerWatch[] = resourceTypes
    .filter((rt) => rt.group !== 'events.k8s.io' && rt.verbs.includes('watch'))
    .map((rt) => ({ resource: refFor(rt), keysFor }));

  function refOf(at: ObjectAddress): ResourceRef {
    return refFor(at.resource);
  }

  function ignoreGone(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (!hasReason(e, 'NotFound')) throw e;
    }
  }

  function dropOwnerRef(ctx: ControllerContext, at: ObjectAddress, ownerUid: string): void {
    ignoreGone(() => {
      const obj = ctx.client.get(refOf(at), at.namespace || undefined, at.name);
      const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
      if (refs.length === (obj.metadata.ownerReferences ?? []).length) return;
      const { ownerReferences: _dropped, ...rest } = obj.metadata;
      ctx.client.update(refOf(at), { ...obj, metadata: refs.length ? { ...rest, ownerReferences: refs } : rest });
    });
  }

  function deleteDependent(ctx: ControllerContext, at: ObjectAddress, uid: string, policy: 'Background' | 'Foreground'): void {
    ignoreGone(() => {
      ctx.client.delete(refOf(at), at.namespace || undefined, at.name, { propagationPolicy: policy, preconditions: { uid } });
    });
  }

  function removeFinalizer(ctx: ControllerContext, owner: KubeObject, finalizer: string): void {
    const at = index.addressOfUid(owner.metadata.uid!);
    if (!at) return;
    ignoreGone(() => {
      const fresh = ctx.client.get(refOf(at), at.namespace || undefined, at.name);
      const finalizers = (fresh.metadata.finalizers ?? []).filter((f) => f !== finalizer);
      ctx.client.update(refOf(at), { ...fresh, metadata: { ...fresh.metadata, finalizers } });
    });
  }

  function reconcileOwner(ctx: ControllerContext, uid: string): void {
    const owner = index.getByUid(uid);
    const dependents = index.dependentUidsOf(uid);
    if (!owner) {
      // Gone: every dependent that has no other living owner goes too.
      for (const dep of dependents) reconcileDependent(ctx, dep);
      return;
    }
    const finalizers = owner.metadata.finalizers ?? [];
    if (!owner.metadata.deletionTimestamp) return;
    if (finalizers.includes(orphan)) {
      for (const dep of dependents) {
        const at = index.addressOfUid(dep);
        if (at) dropOwnerRef(ctx, at, uid);
      }
      removeFinalizer(ctx, owner, orphan);
      return;
    }
    if (finalizers.includes(foreground)) {
      let blocking = 0;
      for (const depUid of dependents) {
        const dep = index.getByUid(depUid);
        const at = index.addressOfUid(depUid);
        if (!dep || !at) continue;
        const ref = (dep.metadata.ownerReferences ?? []).find((r) => r.uid === uid);
        if (ref?.blockOwnerDeletion) blocking++;
        if (!dep.metadata.deletionTimestamp) deleteDependent(ctx, at, depUid, 'Foreground');
      }
      if (blocking === 0) removeFinalizer(ctx, owner, foreground);
    }
  }

  function reconcileDependent(ctx: ControllerContext, uid: string): void {
    const dep = index.getByUid(uid);
    if (!dep) return;
    const refs = dep.metadata.ownerReferences ?? [];
    if (!refs.length) return;
    const missing = refs.filter((r) => !index.getByUid(r.uid));
    if (!missing.length) return;
    const at = index.addressOfUid(uid)!;
    if (missing.length === refs.length) {
      if (!dep.metadata.deletionTimestamp) deleteDependent(ctx, at, uid, 'Background');
      return;
    }
    // Some owners remain: only the dangling references go.
    for (const r of missing) dropOwnerRef(ctx, at, r.uid);
  }

  return {
    name: 'garbage-collector-controller',
    watches,
    reconcile(key, ctx) {
      const slash = key.indexOf('/');
      const kind = key.slice(0, slash);
      const uid = key.slice(slash + 1);
      if (kind === 'owner') reconcileOwner(ctx, uid);
      else if (kind === 'dependent') reconcileDependent(ctx, uid);
    },
  };
}
