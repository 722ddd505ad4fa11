// A controller's own copy of the pods it has been told about, like client-go's shared informer
// cache and lister: filled from watch events (whose objects are frozen and shared, so keeping them
// costs no copy), indexed by namespace and by controlling owner. Reconciles read from here instead
// of listing — the API server copies every object it lists, which is what made large clusters slow.
// Objects here are read-only: copy before changing one.
import type { WatchEvent } from '../machinery/types.ts';
import { controllerOf } from './ownership.ts';
import type { Pod } from './workload-types.ts';

export class PodInformer {
  private readonly byNamespace = new Map<string, Map<string, Pod>>();
  private readonly byOwner = new Map<string, Map<string, Pod>>(); // controller uid → name → pod
  private readonly orphans = new Map<string, Map<string, Pod>>(); // namespace → name → pod

  /** Apply one watch event; returns the pod's previous state (undefined if it was not known). */
  observe(event: WatchEvent): Pod | undefined {
    const pod = event.object as Pod;
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    const previous = this.byNamespace.get(ns)?.get(name);
    if (previous) this.unindex(previous);
    if (event.type !== 'DELETED') this.index(pod);
    return previous;
  }

  get(namespace: string, name: string): Pod | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  inNamespace(namespace: string): Iterable<Pod> {
    return this.byNamespace.get(namespace)?.values() ?? [];
  }

  ownedBy(uid: string): Iterable<Pod> {
    return this.byOwner.get(uid)?.values() ?? [];
  }

  /** Pods with no controller: candidates for adoption. */
  orphansIn(namespace: string): Iterable<Pod> {
    return this.orphans.get(namespace)?.values() ?? [];
  }

  private index(pod: Pod): void {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    bucket(this.byNamespace, ns).set(name, pod);
    const owner = controllerOf(pod)?.uid;
    bucket(owner ? this.byOwner : this.orphans, owner ?? ns).set(name, pod);
  }

  private unindex(pod: Pod): void {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    this.byNamespace.get(ns)?.delete(name);
    const owner = controllerOf(pod)?.uid;
    const map = owner ? this.byOwner : this.orphans;
    const key = owner ?? ns;
    const b = map.get(key);
    b?.delete(name);
    if (b && b.size === 0) map.delete(key);
  }
}

function bucket<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let b = map.get(key);
  if (!b) map.set(key, (b = new Map()));
  return b;
}
