// The part of upstream's VolumeBinding PreFilter that a kind learner meets: every
// persistentVolumeClaim volume must name a claim that exists in the pod's namespace and is not being
// deleted. Otherwise the pod fits no node, before any node is looked at, and preemption cannot help
// (UnschedulableAndUnresolvable). Upstream's VolumeRestrictions PreFilter runs just before and words
// a missing claim the same way, so the message does not depend on which plugin said it first.
//
// Not modelled: binding claims to volumes and provisioning them (there is no PV controller here),
// so an unbound claim is let through; a claim whose phase is Lost; generic ephemeral volumes.
import type { Pod } from './pod-types.ts';

/** What the scheduler remembers of a claim. */
export interface ClaimInfo {
  deleting: boolean;
}

export type ClaimLookup = (namespace: string, name: string) => ClaimInfo | undefined;

interface PodVolume {
  persistentVolumeClaim?: { claimName?: string };
}

/** The claim names the pod's volumes refer to, in volume order. */
export function claimNames(pod: Pod): string[] {
  const volumes = (pod.spec.volumes ?? []) as PodVolume[];
  return volumes.flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []));
}

/** The PreFilter: the rejection message for the claim that stops the pod, or undefined. */
export function volumeBindingPreFilter(pod: Pod, claim: ClaimLookup): string | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  const names = claimNames(pod);
  // VolumeRestrictions looks every claim up first: any missing one is reported before one being
  // deleted. The message is the lister's NotFound error, passed through.
  const missing = names.find((name) => !claim(namespace, name));
  if (missing !== undefined) return `persistentvolumeclaim "${missing}" not found`;
  const deleting = names.find((name) => claim(namespace, name)?.deleting);
  if (deleting !== undefined) return `persistentvolumeclaim "${deleting}" is being deleted`;
  return undefined;
}
