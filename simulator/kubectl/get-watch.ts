// kubectl get -w / --watch-only: print what is there (unless --watch-only), then one line per
// change as the cluster moves on its clock, until Ctrl-C. Each change is printed and aligned on
// its own, as kubectl's tabwriter flushes per event, so later rows do not line up with the first
// table. --output-watch-events adds the EVENT column (ADDED, MODIFIED, DELETED).
import { refFor } from '../machinery/resources.ts';
import type { KubeObject, WatchEvent } from '../machinery/types.ts';
import { buildTable, printTable, type Table } from '../printers/index.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { withoutManagedFields } from './get.ts';
import { formatObjects, type OutputFormat } from './output.ts';
import { toJson } from './output-json.ts';
import { toYaml } from './output-yaml.ts';
import type { ResourceRequest } from './resources.ts';

export interface WatchOptions {
  labelSelector: string;
  fieldSelector: string;
  allNamespaces: boolean;
  byName: boolean;
}

export async function watchResources(inv: Invocation, requests: ResourceRequest[], format: OutputFormat, opts: WatchOptions): Promise<number> {
  const count = requests.reduce((n, r) => n + Math.max(1, r.names.length), 0);
  if (requests.length !== 1 || count !== 1) {
    throw new KubectlError(`watch is only supported on individual resources and resource collections, but ${count} resources were found`);
  }
  const { rt, names } = requests[0]!;
  const f = inv.flags;
  const namespace = rt.namespaced && !opts.allNamespaces ? inv.namespace : undefined;
  const fieldSelector = [opts.fieldSelector, ...names.map((n) => `metadata.name=${n}`)].filter(Boolean).join(',');
  const client = inv.host.client;
  if (names.length) client.get(refFor(rt), rt.namespaced ? inv.namespace : undefined, names[0]!); // NotFound ends the command here
  const list = client.list(refFor(rt), { namespace, labelSelector: opts.labelSelector || undefined, fieldSelector: fieldSelector || undefined });
  const withEvents = f.bool('output-watch-events');
  const table = format.type === 'default' || format.type === 'wide';
  let headerPrinted = false;
  let printed = 0;

  const print = (objects: KubeObject[], type: WatchEvent['type']) => {
    if (objects.length === 0) return;
    if (table) {
      let t = buildTable({ group: rt.group, kind: rt.kind }, objects, { now: inv.now() });
      const withNamespace = opts.allNamespaces && rt.namespaced;
      if (withEvents) t = withLeadingColumns(t, type, withNamespace);
      inv.out(
        printTable(t, {
          wide: format.type === 'wide',
          noHeaders: headerPrinted || f.bool('no-headers'),
          withNamespace: withNamespace && !withEvents,
          showLabels: f.bool('show-labels'),
          labelColumns: f.list('label-columns'),
          kindPrefix: f.bool('show-kind') ? `${rt.group ? `${rt.kind}.${rt.group}` : rt.kind}`.toLowerCase() : undefined,
        }),
      );
      headerPrinted = true;
      return;
    }
    for (const raw of objects) {
      const obj = f.bool('show-managed-fields') ? raw : withoutManagedFields(raw);
      if (withEvents && (format.type === 'yaml' || format.type === 'json')) {
        const event = { object: obj, type };
        inv.out(format.type === 'yaml' ? `${printed > 0 ? '---\n' : ''}${toYaml(event)}` : toJson(event));
      } else if (format.type === 'yaml') {
        inv.out(`${printed > 0 ? '---\n' : ''}${toYaml(obj)}`);
      } else {
        inv.out(formatObjects(format, [obj], { single: true, noHeaders: f.bool('no-headers') }));
      }
      printed++;
    }
  };

  if (!f.bool('watch-only')) print(list.items, 'ADDED');
  const signal = inv.shell.signal;
  if (signal.aborted) return 0;
  await new Promise<void>((resolve) => {
    const stop = client.watch(
      refFor(rt),
      { namespace, labelSelector: opts.labelSelector || undefined, fieldSelector: fieldSelector || undefined, resourceVersion: list.metadata.resourceVersion },
      (event) => {
        if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED') print([event.object], event.type);
      },
    );
    signal.addEventListener(
      'abort',
      () => {
        stop();
        resolve();
      },
      { once: true },
    );
  });
  return 0;
}

/** The table with EVENT (and NAMESPACE with -A) in front, as kubectl decorates watch events. */
function withLeadingColumns(table: Table, type: string, withNamespace: boolean): Table {
  const extra = [{ name: 'Event', type: 'string', format: '', description: 'The kind of change.', priority: 0 }];
  if (withNamespace) extra.push({ name: 'Namespace', type: 'string', format: '', description: 'The namespace of the object.', priority: 0 });
  return {
    ...table,
    columnDefinitions: [...extra, ...table.columnDefinitions],
    rows: table.rows.map((row) => {
      const meta = (row.object as { metadata?: { namespace?: string } } | null)?.metadata;
      return { ...row, cells: [type, ...(withNamespace ? [meta?.namespace ?? ''] : []), ...row.cells] };
    }),
  };
}
