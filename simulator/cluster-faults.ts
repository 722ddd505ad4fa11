// Fault injection: how a lab breaks things on purpose. The Cluster API (cluster.ts) flips these
// switches; the node and kubelet controllers read them on every reconcile and act like the real
// failure would look (a stopped node stops posting status and goes NotReady, a killed container
// restarts with a rising RESTARTS count, an unpullable image goes ErrImagePull → ImagePullBackOff).
//
// For controller authors: the switches reach you through the ControllerContext, e.g.
//   const faults = faultsOf(ctx);            // never undefined
//   if (faults.isNodeStopped(nodeName)) …    // kubelet: stop heartbeats, leave pods alone
//   for (const kill of faults.takeContainerKills(ns, pod)) …  // kubelet: one-shot kills
//   if (faults.isImageUnpullable(image)) … // kubelet: fail the pull
// After a switch changes, the cluster calls `onChange` listeners with the node or pod it concerns,
// so a controller can requeue that key instead of waiting for its next periodic check.
import type { ControllerContext } from './controllers/controller.ts';

export type FaultChange = { kind: 'node'; name: string } | { kind: 'pod'; namespace: string; name: string } | { kind: 'image'; image: string };

export class FaultSwitches {
  #stoppedNodes = new Set<string>();
  #unpullable = new Set<string>();
  #kills = new Map<string, string[]>(); // "ns/pod" → containers to kill, in order
  #listeners = new Set<(change: FaultChange) => void>();

  stopNode(name: string): void {
    this.#stoppedNodes.add(name);
    this.#emit({ kind: 'node', name });
  }

  startNode(name: string): void {
    this.#stoppedNodes.delete(name);
    this.#emit({ kind: 'node', name });
  }

  isNodeStopped(name: string): boolean {
    return this.#stoppedNodes.has(name);
  }

  killContainer(namespace: string, pod: string, container: string): void {
    const key = `${namespace}/${pod}`;
    this.#kills.set(key, [...(this.#kills.get(key) ?? []), container]);
    this.#emit({ kind: 'pod', namespace, name: pod });
  }

  /** The container kills requested for a pod since the last call (each kill is acted on once). */
  takeContainerKills(namespace: string, pod: string): string[] {
    const key = `${namespace}/${pod}`;
    const kills = this.#kills.get(key) ?? [];
    this.#kills.delete(key);
    return kills;
  }

  makeImageUnpullable(image: string): void {
    this.#unpullable.add(image);
    this.#emit({ kind: 'image', image });
  }

  makeImagePullable(image: string): void {
    this.#unpullable.delete(image);
    this.#emit({ kind: 'image', image });
  }

  isImageUnpullable(image: string): boolean {
    return this.#unpullable.has(image);
  }

  onChange(listener: (change: FaultChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Serialisable state for snapshots. */
  toJSON(): { stoppedNodes: string[]; unpullableImages: string[]; pendingKills: Record<string, string[]> } {
    return { stoppedNodes: [...this.#stoppedNodes].sort(), unpullableImages: [...this.#unpullable].sort(), pendingKills: Object.fromEntries(this.#kills) };
  }

  restore(state: ReturnType<FaultSwitches['toJSON']> | undefined): void {
    this.#stoppedNodes = new Set(state?.stoppedNodes ?? []);
    this.#unpullable = new Set(state?.unpullableImages ?? []);
    this.#kills = new Map(Object.entries(state?.pendingKills ?? {}));
  }

  #emit(change: FaultChange): void {
    for (const l of this.#listeners) l(change);
  }
}

/** The context controllers get from the cluster: the usual one plus the fault switches. */
export interface FaultAwareContext extends ControllerContext {
  faults?: FaultSwitches;
}

const none = new FaultSwitches();

/** The switches for this context, or a set with nothing switched (in tests that run a controller alone). */
export function faultsOf(ctx: ControllerContext): FaultSwitches {
  return (ctx as FaultAwareContext).faults ?? none;
}
