// Who manages an object, by ownerReferences: a Deployment lab is not passed by hand-made Pods or a
// hand-made ReplicaSet, because only objects whose controller chain leads back to the lab's object
// count. References are matched by uid, as the garbage collector does, never by name alone.
import type { ClusterReader, KubeObject } from '../reader/cluster-reader.ts';
import type { OwnerReference } from '../../simulator/machinery/types.ts';

export function controllerRef(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** True when `owner` is the controller of `object` (same uid). */
export function isControlledBy(object: KubeObject, owner: KubeObject): boolean {
  const ref = controllerRef(object);
  return Boolean(ref && owner.metadata.uid && ref.uid === owner.metadata.uid);
}

export function ownedBy<T extends KubeObject>(objects: T[], owner: KubeObject): T[] {
  return objects.filter((o) => isControlledBy(o, owner));
}

/** The controller chain above an object, nearest first: a Pod's [ReplicaSet, Deployment]. Stops at an
 * object with no controller, or at a reference whose object is gone or has another uid (a stale
 * reference the garbage collector has not cleaned yet proves nothing). */
export async function controllerChain(reader: ClusterReader, object: KubeObject, maxDepth = 4): Promise<KubeObject[]> {
  const chain: KubeObject[] = [];
  let current = object;
  for (let depth = 0; depth < maxDepth; depth++) {
    const ref = controllerRef(current);
    if (!ref) break;
    let owner: KubeObject | undefined;
    try {
      owner = await reader.get(ref.kind, ref.name, current.metadata.namespace);
    } catch {
      break; // A kind this cluster does not serve cannot be the owner of anything live.
    }
    if (!owner || owner.metadata.uid !== ref.uid) break;
    chain.push(owner);
    current = owner;
  }
  return chain;
}

/** True when the chain above `object` contains `ancestor` (by uid). */
export async function isManagedBy(reader: ClusterReader, object: KubeObject, ancestor: KubeObject): Promise<boolean> {
  const chain = await controllerChain(reader, object);
  return chain.some((o) => o.metadata.uid === ancestor.metadata.uid);
}
