// kubectl events (1.32): the namespace's events oldest first, as LAST SEEN TYPE REASON OBJECT
// MESSAGE, with repeats shown as "5s (x3 over 2m)". --for narrows to one object, --types to
// Normal or Warning, -w keeps printing new ones until Ctrl-C.
import { humanDuration, parseTime } from '../printers/duration.ts';
import type { EventLike } from '../printers/events.ts';
import { alignTabs, GET_TABWRITER } from '../printers/tabwriter.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { KubectlError } from './errors.ts';
import { parseObjectArgs } from './object-args.ts';
import { watchUntil } from './wait-for-events.ts';

const EVENTS = { resource: 'events' };

function timeOf(e: EventLike): number {
  return parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? parseTime(e.firstTimestamp) ?? parseTime(e.metadata.creationTimestamp) ?? 0;
}

function lastSeen(e: EventLike, now: number): string {
  const first = parseTime(e.eventTime) ?? parseTime(e.firstTimestamp);
  const since = (t: number | undefined) => (t === undefined ? '<unknown>' : humanDuration(now - t));
  if (e.series?.count) return `${since(parseTime(e.series.lastObservedTime))} (x${e.series.count} over ${since(first)})`;
  if ((e.count ?? 0) > 1) return `${since(parseTime(e.lastTimestamp))} (x${e.count} over ${since(first)})`;
  return since(first);
}

function row(e: EventLike, now: number, allNamespaces: boolean): string {
  const cells = [lastSeen(e, now), e.type ?? '', e.reason ?? '', `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, (e.message ?? '').trim()];
  return `${allNamespaces ? `${e.metadata.namespace}\t` : ''}${cells.join('\t')}\n`;
}

export const eventsCommand: KubectlCommand = {
  name: 'events',
  group: 'Troubleshooting and Debugging Commands',
  short: 'List events',
  long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
  example: '  # List recent events in the default namespace\n  kubectl events\n\n  # List recent events in all namespaces\n  kubectl events --all-namespaces\n\n  # List recent events for the specified pod, then wait for more events and list them as they arrive\n  kubectl events --for pod/web-pod-13je7 --watch\n\n  # List only recent events of type \'Warning\' or \'Normal\'\n  kubectl events --types=Warning,Normal',
  use: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringSlice', usage: 'Output only events of given types.' },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing the requested events, watch for more events.' },
    { name: 'no-headers', type: 'bool', usage: 'When using the default output format, don\'t print headers.' },
  ],
  async run(inv) {
    if (inv.args.length > 0) throw new KubectlError(`unknown command ${JSON.stringify(inv.args[0])} for "kubectl events"`);
    const all = inv.flags.bool('all-namespaces');
    const types = inv.flags.list('types').map((t) => t.trim());
    for (const t of types) if (!/^(normal|warning)$/i.test(t)) throw new KubectlError(`valid --types are Normal or Warning`);
    let fieldSelector: string | undefined;
    if (inv.flags.string('for')) {
      const [target] = parseObjectArgs([inv.flags.string('for')]);
      if (!target) throw new KubectlError('--for must be in resource/name form');
      fieldSelector = `involvedObject.kind=${target.rt.kind},involvedObject.name=${target.name}`;
    }
    const keep = (e: EventLike) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
    const namespace = all ? undefined : inv.namespace;
    const list = inv.host.client.list<EventLike>(EVENTS, { namespace, fieldSelector });
    const events = list.items.filter(keep).sort((a, b) => timeOf(a) - timeOf(b));
    const header = `${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
    const noHeaders = inv.flags.bool('no-headers');
    if (events.length === 0 && !inv.flags.bool('watch')) {
      inv.err(all ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    const now = inv.now();
    inv.out(alignTabs((noHeaders ? '' : header) + events.map((e) => row(e, now, all)).join(''), GET_TABWRITER));
    if (!inv.flags.bool('watch')) return 0;
    return watchEvents(inv, namespace, fieldSelector, list.metadata.resourceVersion, keep, all);
  },
};

async function watchEvents(inv: Invocation, namespace: string | undefined, fieldSelector: string | undefined, resourceVersion: string, keep: (e: EventLike) => boolean, all: boolean): Promise<number> {
  const end = await watchUntil(inv, EVENTS, { namespace, fieldSelector, resourceVersion }, 0, (event) => {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return 'continue';
    const e = event.object as EventLike;
    // Streamed rows are aligned on their own, as kubectl's watch printer flushes each one.
    if (keep(e)) inv.out(alignTabs(row(e, inv.now(), all), GET_TABWRITER));
    return 'continue';
  });
  return end === 'interrupted' ? 130 : 0;
}
