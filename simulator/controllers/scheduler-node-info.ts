// What the scheduler knows about one node: the Node itself, the pods bound to it and the sums the
// filters and scores need (requested resources, the scorer's non-zero requests, pods per owner).
// Kept up to date pod by pod from watch events, like the scheduler cache's NodeInfo upstream, so
// scheduling one pod never has to list and add up every pod in the cluster.
import { controllerOf } from './ownership.ts';
import type { Node, Pod } from './pod-types.ts';
import { hasRequiredAntiAffinity } from './scheduler-pod-topology.ts';
import { type Resources, addList, addResources, emptyResources, podRequests } from './scheduler-resources.ts';

interface PodUsage {
  pod: Pod;
  requests: Resources;
  nonZero: Resources;
  /** The controller's uid while the pod is not terminating: spreading counts only those. */
  owner: string | undefined;
  antiAffinity: boolean;
}

function hasPodAffinityTerms(pod: Pod): boolean {
  return !!(pod.spec.affinity?.podAffinity || pod.spec.affinity?.podAntiAffinity);
}


export class NodeInfo {
  node: Node;
  allocatable: Resources;
  /** Sum of the bound pods' requests; `pods` counts them. */
  readonly requested: Resources = emptyResources();
  /** The same with the scorer's defaults for containers that request nothing. */
  readonly nonZeroRequested: Resources = emptyResources();
  readonly #pods = new Map<string, PodUsage>(); // by pod uid
  readonly #owners = new Map<string, number>();
  #withAntiAffinity = 0;
  #withPodAffinity = 0;
  #list: Pod[] | undefined;

  constructor(node: Node, pods: Iterable<Pod> = []) {
    this.node = node;
    this.allocatable = addList(emptyResources(), node.status?.allocatable);
    for (const p of pods) this.add(p);
  }

  setNode(node: Node): void {
    this.node = node;
    this.allocatable = addList(emptyResources(), node.status?.allocatable);
  }

  get name(): string {
    return this.node.metadata.name ?? '';
  }

  /** The pods bound here (read-only objects). */
  get pods(): readonly Pod[] {
    return (this.#list ??= [...this.#pods.values()].map((u) => u.pod));
  }

  /** Whether a pod here has required anti-affinity, which every incoming pod must respect. */
  get hasRequiredAntiAffinity(): boolean {
    return this.#withAntiAffinity > 0;
  }

  /** Whether a pod here has pod affinity or anti-affinity terms, which can score an incoming pod. */
  get hasPodAffinityTerms(): boolean {
    return this.#withPodAffinity > 0;
  }

  /** How many pods here, not terminating, the given controller (by uid) owns: what default
   * spreading counts. */
  ownedBy(ownerUid: string): number {
    return this.#owners.get(ownerUid) ?? 0;
  }

  add(pod: Pod): void {
    const uid = pod.metadata.uid ?? '';
    const known = this.#pods.get(uid);
    this.#list = undefined;
    // A pod's requests do not change once it exists: a newer copy only replaces the object.
    if (known) {
      known.pod = pod;
      // A pod that starts terminating stops counting for spreading (it stays until it is gone).
      if (known.owner && pod.metadata.deletionTimestamp) {
        this.#uncount(known.owner);
        known.owner = undefined;
      }
      return;
    }
    const owner = pod.metadata.deletionTimestamp ? undefined : controllerOf(pod)?.uid;
    const usage: PodUsage = { pod, requests: podRequests(pod), nonZero: podRequests(pod, true), owner, antiAffinity: hasRequiredAntiAffinity(pod) };
    usage.requests.pods = 1;
    this.#pods.set(uid, usage);
    addResources(this.requested, usage.requests);
    addResources(this.nonZeroRequested, usage.nonZero);
    if (usage.owner) this.#owners.set(usage.owner, (this.#owners.get(usage.owner) ?? 0) + 1);
    if (usage.antiAffinity) this.#withAntiAffinity++;
    if (hasPodAffinityTerms(pod)) this.#withPodAffinity++;
  }

  remove(uid: string): void {
    const usage = this.#pods.get(uid);
    if (!usage) return;
    this.#list = undefined;
    this.#pods.delete(uid);
    addResources(this.requested, usage.requests, -1);
    addResources(this.nonZeroRequested, usage.nonZero, -1);
    if (usage.antiAffinity) this.#withAntiAffinity--;
    if (hasPodAffinityTerms(usage.pod)) this.#withPodAffinity--;
    if (usage.owner) this.#uncount(usage.owner);
  }

  #uncount(owner: string): void {
    const n = (this.#owners.get(owner) ?? 1) - 1;
    if (n > 0) this.#owners.set(owner, n);
    else this.#owners.delete(owner);
  }
}

/** A NodeInfo for a node and the pods bound to it (tests, one-off checks). */
export function nodeInfo(node: Node, podsOnNode: Iterable<Pod>): NodeInfo {
  return new NodeInfo(node, podsOnNode);
}
