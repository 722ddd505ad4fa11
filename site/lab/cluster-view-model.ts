// The cluster view's data, built in the worker from the API (the page only draws it): nodes, the
// pods bound to each, and the most recent events — the controllers' activity log.
import type { ApiClient, KubeObject } from '../../simulator/machinery/types.ts';
import { nodeRoles, podSummary } from '../../simulator/printers/index.ts';
import type { PodLike } from '../../simulator/printers/pod.ts';
import type { NodeLike } from '../../simulator/printers/node.ts';
import type { ClusterViewModel, ViewEvent, ViewNode, ViewPod } from './protocol.ts';

const EVENT_LIMIT = 40;

interface EventObject extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  source?: { component?: string };
  reportingComponent?: string;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  firstTimestamp?: string | null;
}

function when(event: EventObject): number {
  const stamp = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp;
  return stamp ? Date.parse(stamp) : 0;
}

export function buildClusterView(client: Pick<ApiClient, 'list'>, now: number): ClusterViewModel {
  const nodes: ViewNode[] = client.list<NodeLike>({ resource: 'nodes' }).items.map((node) => ({
    name: node.metadata.name ?? '',
    ready: (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    roles: nodeRoles(node).join(',') || '<none>',
    unschedulable: node.spec?.unschedulable === true,
  }));
  const pods: ViewPod[] = client.list<PodLike>({ resource: 'pods' }).items.map((pod) => {
    const summary = podSummary(pod, now);
    const [ready, total] = summary.ready.split('/');
    const spec = (pod.spec ?? {}) as { nodeName?: string; containers?: Array<{ image?: string }> };
    return {
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name ?? '',
      node: spec.nodeName || undefined,
      phase: String((pod.status as { phase?: string } | undefined)?.phase ?? 'Pending'),
      status: summary.status,
      readyText: summary.ready,
      ready: ready === total && Number(total) > 0 && !pod.metadata.deletionTimestamp,
      owner: pod.metadata.ownerReferences?.find((o) => o.controller)?.name,
      image: spec.containers?.[0]?.image ?? '',
    };
  });
  const events: ViewEvent[] = client
    .list<EventObject>({ resource: 'events' })
    .items.map((event) => ({
      time: when(event),
      type: event.type ?? 'Normal',
      reason: event.reason ?? '',
      object: `${event.involvedObject?.kind ?? ''}/${event.involvedObject?.name ?? ''}`,
      namespace: event.involvedObject?.namespace ?? event.metadata.namespace ?? '',
      message: event.message ?? '',
      source: event.source?.component ?? event.reportingComponent ?? '',
    }))
    .sort((a, b) => a.time - b.time)
    .slice(-EVENT_LIMIT);
  return { now, nodes, pods, events };
}
