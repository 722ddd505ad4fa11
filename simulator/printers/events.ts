// `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (and SUBOBJECT, SOURCE,
// FIRST SEEN, COUNT, NAME with -o wide). The columns are not in the order the fields are declared.
import type { KubeObject } from '../machinery/types.ts';
import { age } from './duration.ts';
import { column, NAME_DESCRIPTION, type KindPrinter } from './table.ts';

export interface EventLike extends KubeObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
}

/** The component that reported the event, and its host when known: `kubelet, node-1`. */
export function eventSource(e: EventLike): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter: KindPrinter = {
  columns: [
    column('Last Seen', 'When the event was last observed.'),
    column('Type', 'Normal or Warning.'),
    column('Reason', 'A short, machine-readable reason for the event.'),
    column('Object', 'The object the event is about.'),
    column('Subobject', 'The part of the object, e.g. spec.containers{web}.', { priority: 1 }),
    column('Source', 'The component that reported the event.', { priority: 1 }),
    column('Message', 'What happened, in words.'),
    column('First Seen', 'When the event was first observed.', { priority: 1 }),
    column('Count', 'How many times it was observed.', { priority: 1 }),
    column('Name', NAME_DESCRIPTION, { priority: 1, format: 'name' }),
  ],
  row(obj, now) {
    const e = obj as EventLike;
    const firstSeen = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
    let lastSeen = e.lastTimestamp ? age(e.lastTimestamp, now) : firstSeen;
    let count = e.count ?? 0;
    if (e.series) {
      lastSeen = age(e.series.lastObservedTime, now);
      count = e.series.count ?? 0;
    } else if (count === 0) {
      count = 1; // events.k8s.io singletons carry no count
    }
    const kind = (e.involvedObject?.kind ?? '').toLowerCase();
    const name = e.involvedObject?.name ?? '';
    return {
      cells: [
        lastSeen,
        e.type ?? '',
        e.reason ?? '',
        name ? `${kind}/${name}` : kind,
        e.involvedObject?.fieldPath ?? '',
        eventSource(e),
        (e.message ?? '').trim(),
        firstSeen,
        count,
        e.metadata.name ?? '',
      ],
    };
  },
};
