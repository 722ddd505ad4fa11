// The scheduler's picture of the cluster, fed by its watches on Nodes, Pods, Namespaces and
// PersistentVolumeClaims: a NodeInfo per node with the pods bound there, the pods still waiting for
// a node, and which claims exist. Upstream's scheduler cache does the same job, and like it this one
// "assumes" a pod onto its node the moment it is bound, so the next pod in the same burst already
// sees the space it takes.
import type { WatchEvent } from '../machinery/types.ts';
import { type Node, type Pod, isTerminal } from './pod-types.ts';
import { NodeInfo } from './scheduler-node-info.ts';
import type { ClaimInfo } from './scheduler-volume-binding.ts';

export class SchedulerCache {
  readonly #nodes = new Map<string, NodeInfo>();
  /** Pods bound to a node that has no Node object (yet): counted there once it appears. */
  readonly #homeless = new Map<string, Map<string, Pod>>();
  readonly #placed = new Map<string, string>(); // pod uid → node name
  readonly #waiting = new Map<string, Pod>(); // pod uid → pod without a node
  readonly #namespaces = new Map<string, Record<string, string>>(); // name → labels
  readonly #claims = new Map<string, ClaimInfo>(); // "namespace/name" → claim
  #sorted: NodeInfo[] | undefined;
  readonly #wantsScheduling: (pod: Pod) => boolean;

  constructor(wantsScheduling: (pod: Pod) => boolean) {
    this.#wantsScheduling = wantsScheduling;
  }

  /** Every node, in name order (what a list would return), so tie-breaks are reproducible. */
  nodes(): NodeInfo[] {
    return (this.#sorted ??= [...this.#nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }

  /** The nodes holding a pod with required anti-affinity (what InterPodAffinity checks every pod against). */
  nodesWithRequiredAntiAffinity(): NodeInfo[] {
    return this.nodes().filter((n) => n.hasRequiredAntiAffinity);
  }

  namespaceLabels(namespace: string): Record<string, string> | undefined {
    return this.#namespaces.get(namespace);
  }

  observeNamespace(event: WatchEvent): void {
    const name = event.object.metadata.name ?? '';
    if (event.type === 'DELETED') this.#namespaces.delete(name);
    else this.#namespaces.set(name, event.object.metadata.labels ?? {});
  }

  claim(namespace: string, name: string): ClaimInfo | undefined {
    return this.#claims.get(`${namespace}/${name}`);
  }

  observeClaim(event: WatchEvent): void {
    const meta = event.object.metadata;
    const key = `${meta.namespace ?? 'default'}/${meta.name ?? ''}`;
    if (event.type === 'DELETED') this.#claims.delete(key);
    else this.#claims.set(key, { deleting: Boolean(meta.deletionTimestamp) });
  }

  /** Pods that want a node, as last seen. */
  waiting(): Pod[] {
    return [...this.#waiting.values()];
  }

  observeNode(event: WatchEvent): void {
    const node = event.object as Node;
    const name = node.metadata.name ?? '';
    this.#sorted = undefined;
    if (event.type === 'DELETED') {
      // Its pods stay bound to the name; they count again if a node of that name comes back.
      const info = this.#nodes.get(name);
      this.#nodes.delete(name);
      if (info) this.#homeless.set(name, new Map(info.pods.map((p) => [p.metadata.uid ?? '', p])));
      return;
    }
    const info = this.#nodes.get(name);
    if (info) {
      info.setNode(node);
      return;
    }
    this.#nodes.set(name, new NodeInfo(node, this.#homeless.get(name)?.values() ?? []));
    this.#homeless.delete(name);
  }

  observePod(event: WatchEvent): void {
    const pod = event.object as Pod;
    const uid = pod.metadata.uid ?? '';
    const gone = event.type === 'DELETED';
    if (!gone && this.#wantsScheduling(pod)) this.#waiting.set(uid, pod);
    else this.#waiting.delete(uid);
    // A pod holds its node's resources from binding until it finishes or is removed.
    const nodeName = !gone && pod.spec.nodeName && !isTerminal(pod) ? pod.spec.nodeName : undefined;
    this.#place(pod, uid, nodeName);
  }

  /** Counts a pod on the node it was just bound to, before its watch event arrives. */
  assume(pod: Pod, nodeName: string): void {
    const uid = pod.metadata.uid ?? '';
    this.#waiting.delete(uid);
    this.#place({ ...pod, spec: { ...pod.spec, nodeName } }, uid, nodeName);
  }

  #place(pod: Pod, uid: string, nodeName: string | undefined): void {
    const before = this.#placed.get(uid);
    if (before !== undefined && before !== nodeName) {
      this.#nodes.get(before)?.remove(uid);
      this.#homeless.get(before)?.delete(uid);
      this.#placed.delete(uid);
    }
    if (nodeName === undefined) return;
    this.#placed.set(uid, nodeName);
    const info = this.#nodes.get(nodeName);
    if (info) info.add(pod);
    else {
      let pods = this.#homeless.get(nodeName);
      if (!pods) this.#homeless.set(nodeName, (pods = new Map()));
      pods.set(uid, pod);
    }
  }
}
