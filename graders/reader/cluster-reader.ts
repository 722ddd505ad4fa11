// What a grader may know about a cluster: read-only get, list and events, nothing else.
// Two implementations answer it (the in-process simulator and client-node against a kube
// context), so a check is written once and runs on every backend.
import type { KubeObject } from '../../simulator/machinery/types.ts';

export type { KubeObject };

export interface ListQuery {
  /** Undefined: all namespaces for a namespaced kind, or the whole collection for a cluster-scoped one. */
  namespace?: string;
  /** Upstream syntax: `app=catalog,tier in (backend)`. */
  labelSelector?: string;
}

/** core/v1 Event, the fields graders read. */
export interface KubeEvent extends KubeObject {
  involvedObject: { kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string; host?: string };
  series?: { count?: number };
}

/** Which cluster answered: recorded in completion receipts. */
export interface ClusterInfo {
  backend: 'simulator' | 'kubernetes';
  /** `kind` when the nodes say so (providerID kind://), `simulator`, or `unknown`. */
  distribution: 'simulator' | 'kind' | 'unknown';
  version: string;
  context?: string;
}

export interface ClusterReader {
  /** One object, or undefined when it does not exist. Kinds by name: 'Pod', 'Deployment', 'Node'. */
  get(kind: string, name: string, namespace?: string): Promise<KubeObject | undefined>;
  list(kind: string, query?: ListQuery): Promise<KubeObject[]>;
  /** core/v1 Events whose involvedObject is this object's kind and name (any uid: an earlier
   * object of the same name counts too, checks compare uids themselves). */
  eventsFor(object: Pick<KubeObject, 'kind' | 'metadata'>): Promise<KubeEvent[]>;
  clusterInfo(): Promise<ClusterInfo>;
}

/** The namespace an object's events are recorded in: its own, or `default` for cluster-scoped objects. */
export function eventNamespace(object: Pick<KubeObject, 'metadata'>): string {
  return object.metadata.namespace || 'default';
}

export function isEventAbout(event: KubeEvent, object: Pick<KubeObject, 'kind' | 'metadata'>): boolean {
  const io = event.involvedObject ?? {};
  return io.kind === object.kind && io.name === object.metadata.name;
}
