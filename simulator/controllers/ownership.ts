// Controller references, as client-go's ControllerRefManager uses them: an owner claims the
// objects its selector matches. It keeps those it already controls, adopts matching orphans
// (adds a controller ownerReference) and releases the ones it controls that no longer match.
import type { ApiClient, KubeObject, OwnerReference, ResourceRef } from '../machinery/types.ts';
import { hasReason } from '../machinery/errors.ts';
import { type Selector, nothing, selectorFromLabelSelector } from '../machinery/selectors.ts';
import type { LabelSelector } from './workload-types.ts';

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** What metav1.NewControllerRef builds: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface Claim<T extends KubeObject> {
  owned: T[]; // controlled by owner and matching (including the ones just adopted)
  adopt: T[]; // matching orphans to adopt
  release: T[]; // controlled by owner but no longer matching
}

/** Sort candidates into kept / to adopt / to release. Pure: the caller writes the changes. */
export function claim<T extends KubeObject>(owner: KubeObject, candidates: T[], matches: (obj: T) => boolean): Claim<T> {
  const result: Claim<T> = { owned: [], adopt: [], release: [] };
  // An owner that is being deleted adopts nothing (upstream re-checks this with a fresh read).
  const canAdopt = !owner.metadata.deletionTimestamp;
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue; // someone else's
      if (matches(obj)) result.owned.push(obj);
      else if (!obj.metadata.deletionTimestamp) result.release.push(obj);
      continue;
    }
    if (canAdopt && !obj.metadata.deletionTimestamp && matches(obj)) {
      result.adopt.push(obj);
      result.owned.push(obj);
    }
  }
  return result;
}

/** Add owner's controller ref to obj. Returns the written object, or undefined if it went away. */
export function adopt<T extends KubeObject>(client: ApiClient, ref: ResourceRef, owner: KubeObject, obj: T): T | undefined {
  const refs = [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)];
  try {
    return client.patch<T>(ref, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', {
      metadata: { ownerReferences: refs },
    });
  } catch (err) {
    if (hasReason(err, 'NotFound') || hasReason(err, 'Conflict') || hasReason(err, 'Invalid')) return undefined;
    throw err;
  }
}

/** Remove owner's ownerReference from obj (the object keeps running as an orphan). */
export function release(client: ApiClient, ref: ResourceRef, owner: KubeObject, obj: KubeObject): void {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  try {
    client.patch(ref, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', {
      metadata: { ownerReferences: refs.length ? refs : null },
    });
  } catch (err) {
    if (!hasReason(err, 'NotFound') && !hasReason(err, 'Conflict') && !hasReason(err, 'Invalid')) throw err;
  }
}

/** A spec selector as a Selector; an invalid one (rejected by validation upstream) selects nothing. */
export function safeSelector(sel: LabelSelector | null | undefined): Selector {
  try {
    return selectorFromLabelSelector(sel);
  } catch {
    return nothing;
  }
}
