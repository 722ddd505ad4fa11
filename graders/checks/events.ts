// Reading the cluster's record of what happened. The event correlator folds repeats into one object
// with a count, so counting objects undercounts: each event counts as its `count`.
import type { KubeEvent } from '../reader/cluster-reader.ts';
import { timeOf } from './objects.ts';

export function eventCount(event: KubeEvent): number {
  const series = event.series?.count;
  if (typeof series === 'number' && series > 0) return series;
  return typeof event.count === 'number' && event.count > 0 ? event.count : 1;
}

export function sumCounts(events: KubeEvent[]): number {
  return events.reduce((sum, e) => sum + eventCount(e), 0);
}

/** When the event first happened (firstTimestamp, else eventTime, else creation). */
export function firstSeen(event: KubeEvent): number | undefined {
  return timeOf(event.firstTimestamp) ?? timeOf(event.eventTime) ?? timeOf(event.metadata.creationTimestamp);
}

export function withReason(events: KubeEvent[], ...reasons: string[]): KubeEvent[] {
  return events.filter((e) => e.reason !== undefined && reasons.includes(e.reason));
}
