// What a describer may read besides the object itself: lists of related objects. It is the `list`
// part of ApiClient, so the in-process store, the HTTP client and plain test data all fit.
// Filters are applied again here, so a reader that ignores field selectors still gives the right answer.
import type { ApiClient, KubeObject } from '../machinery/types.ts';
import type { EventLike } from '../printers/events.ts';

export type DescribeReader = Pick<ApiClient, 'list'>;

/** Everything a describer needs besides the object: a reader and the current (virtual) time. */
export interface DescribeContext {
  reader: DescribeReader;
  now: number;
}

/** A list call that never throws: kubectl describes what it can when a related list fails. */
export function safeList<T extends KubeObject>(
  ctx: DescribeContext,
  group: string,
  resource: string,
  opts: { namespace?: string; labelSelector?: string; fieldSelector?: string },
): T[] | undefined {
  try {
    return ctx.reader.list<T>({ group, resource }, opts).items;
  } catch {
    return undefined;
  }
}

export interface EventQuery {
  name: string;
  namespace?: string;
  kind?: string; // omitted for pods, as kubectl does
  uid?: string;
}

/** The events about one object, as kubectl searches for them (field selectors on involvedObject). */
export function eventsFor(ctx: DescribeContext, query: EventQuery): EventLike[] {
  const terms = [`involvedObject.name=${query.name}`];
  if (query.namespace) terms.push(`involvedObject.namespace=${query.namespace}`);
  if (query.kind) terms.push(`involvedObject.kind=${query.kind}`);
  if (query.uid) terms.push(`involvedObject.uid=${query.uid}`);
  const items = safeList<EventLike>(ctx, '', 'events', { namespace: query.namespace || undefined, fieldSelector: terms.join(',') });
  return (items ?? []).filter((e) => {
    const io = e.involvedObject ?? {};
    if (io.name !== query.name) return false;
    if (query.namespace && (io.namespace ?? '') !== query.namespace) return false;
    if (query.kind && io.kind !== query.kind) return false;
    if (query.uid && io.uid !== query.uid) return false;
    return true;
  });
}
