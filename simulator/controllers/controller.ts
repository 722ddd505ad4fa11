// What a controller is, in the client-go sense: watches wake it with keys, and reconcile(key)
// makes the world match the desired state for that key. Level-triggered: reconcile reads
// everything it needs fresh, so it heals any gap however it arose.
import type { ApiClient, Clock, KubeObject, Random, ResourceRef, WatchEvent } from '../machinery/types.ts';

export type EventType = 'Normal' | 'Warning';

/** Writes core/v1 Events the way client-go's recorder does (aggregating repeats into count). */
export interface EventRecorder {
  event(
    regarding: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    options?: { component?: string; host?: string; fieldPath?: string },
  ): void;
}

export interface ControllerContext {
  client: ApiClient;
  clock: Clock;
  random: Random;
  recorder: EventRecorder; // component defaults to the controller's name
  /** Reconcile this key again once the virtual clock has moved on by delayMs (backoffs, probes, timeouts). */
  requeueAfter(key: string, delayMs: number): void;
}

export interface ControllerWatch {
  resource: ResourceRef;
  /** The keys of this controller that a change touches, e.g. a Pod event → its owner ReplicaSet's key. */
  keysFor(event: WatchEvent): string[];
}

export interface Controller {
  /** Also the event source component: 'replicaset-controller', 'default-scheduler', 'kubelet'. */
  readonly name: string;
  readonly watches: readonly ControllerWatch[];
  reconcile(key: string, ctx: ControllerContext): void;
  /**
   * Reconcile only once every other controller is idle at this instant of virtual time. A burst of
   * changes (a thousand pods turning Ready in one step) then costs one sync instead of one per
   * change — what a real controller's de-duplicating work queue achieves while its workers are busy.
   */
  readonly coalesceBursts?: boolean;
  /**
   * Memory a controller cannot rebuild from the API alone (a kubelet's back-off timers and probe
   * counts), as plain JSON for a cluster snapshot; restoreState runs before the watches start.
   * Everything else a controller knows comes back by listing, as after a real restart.
   */
  saveState?(): unknown;
  restoreState?(state: unknown): void;
}
