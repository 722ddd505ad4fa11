// What kubectl does with the Tables the server sends for `kubectl get`: hide wide columns unless
// -o wide, add NAMESPACE (-A), label columns (-L, --show-labels) and kind/ prefixes, upper-case
// the headers, align with the tabwriter, and print "No resources found" when nothing came back.
// The in-page kubectl and the HTTP API path share this, so they cannot drift apart.
import { formatLabels } from './labels.ts';
import { alignTabs, GET_TABWRITER } from './tabwriter.ts';
import type { Table, TableCell, TableRow } from './table.ts';

export interface PrintOptions {
  wide?: boolean; // -o wide: show priority-1 columns
  noHeaders?: boolean; // --no-headers
  withNamespace?: boolean; // -A on a namespaced kind: NAMESPACE first
  showLabels?: boolean; // --show-labels: LABELS last
  labelColumns?: string[]; // -L key: one column per key
  /** `deployment.apps` or `pod`: prefixes the name column (`pod/web-1`) when set. */
  kindPrefix?: string;
}

/** The kind/ prefix kubectl uses for a group and kind: `pod`, `deployment.apps`, `httproute.gateway.networking.k8s.io`. */
export function groupKindPrefix(group: string | undefined, kind: string): string {
  return (group ? `${kind}.${group}` : kind).toLowerCase();
}

/** -L app.kubernetes.io/name prints a NAME column: the last path segment, upper-cased. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** kubectl prints a cell up to its first line break, then "..."; other values with Go's %v. */
function cellText(cell: TableCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  const breakAt = cell.search(/[\f\n\r]/);
  const text = breakAt >= 0 ? `${cell.slice(0, breakAt)}...` : cell;
  // A tab inside a cell would split it in two; upstream escapes terminal control characters.
  return text.replace(/\t/g, '\\t');
}

function rowMetadata(row: TableRow): { namespace?: string; labels?: Record<string, string> } | undefined {
  const obj = row.object as { metadata?: { namespace?: string; labels?: Record<string, string> } } | null;
  return obj?.metadata;
}

/** The tab-separated lines for one Table (before alignment), '' when it has no rows. */
function tableLines(table: Table, options: PrintOptions): string[] {
  if (table.rows.length === 0) return [];
  const columns = table.columnDefinitions;
  const visible = columns.map((c) => options.wide || c.priority === 0);
  const nameIndex = columns.findIndex((c) => c.format === 'name' && c.type === 'string');
  const lines: string[] = [];

  if (!options.noHeaders) {
    const headers: string[] = [];
    if (options.withNamespace) headers.push('NAMESPACE');
    columns.forEach((c, i) => {
      if (visible[i]) headers.push(c.name.toUpperCase());
    });
    for (const key of options.labelColumns ?? []) headers.push(labelHeader(key));
    if (options.showLabels) headers.push('LABELS');
    lines.push(headers.join('\t'));
  }

  for (const row of table.rows) {
    const cells: string[] = [];
    const meta = rowMetadata(row);
    if (options.withNamespace) cells.push(meta?.namespace ?? '');
    columns.forEach((_, i) => {
      if (!visible[i]) return;
      let text = cellText(row.cells[i]);
      if (i === nameIndex && options.kindPrefix) text = `${options.kindPrefix}/${text}`;
      cells.push(text);
    });
    for (const key of options.labelColumns ?? []) cells.push(meta?.labels?.[key] ?? '');
    if (options.showLabels) cells.push(formatLabels(meta?.labels));
    lines.push(cells.join('\t'));
  }
  return lines;
}

/** One table laid out as kubectl prints it ('' when it has no rows: kubectl prints no lone header). */
export function printTable(table: Table, options: PrintOptions = {}): string {
  const lines = tableLines(table, options);
  if (lines.length === 0) return '';
  return alignTabs(`${lines.join('\n')}\n`, GET_TABWRITER);
}

/** One resource type's answer to `kubectl get`, in the order the types were asked for. */
export interface GetSection {
  table: Table;
  group?: string; // '' or undefined for the core group
  kind: string; // Pod, Deployment, …
  namespaced: boolean;
}

export interface GetPrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  allNamespaces?: boolean; // -A
  namespace?: string; // the namespace asked about, for the empty message
  /** Prefix names with kind/; kubectl does so when several types were asked for. Default: more than one section. */
  withKind?: boolean;
}

export interface GetOutput {
  stdout: string;
  stderr: string;
}

/** The whole human-readable output of `kubectl get` over one or more resource types. */
export function renderGet(sections: GetSection[], options: GetPrintOptions = {}): GetOutput {
  const withKind = options.withKind ?? sections.length > 1;
  let stdout = '';
  let wroteSinceHeaders = false;
  sections.forEach((section, index) => {
    const text = printTable(section.table, {
      wide: options.wide,
      noHeaders: options.noHeaders,
      showLabels: options.showLabels,
      labelColumns: options.labelColumns,
      withNamespace: Boolean(options.allNamespaces) && section.namespaced,
      kindPrefix: withKind ? groupKindPrefix(section.group, section.kind) : undefined,
    });
    // A blank line separates kinds, but only after one that printed something, and not with --no-headers.
    if (index > 0 && !options.noHeaders && wroteSinceHeaders && text !== '') {
      stdout += '\n';
      wroteSinceHeaders = false;
    }
    if (text !== '') {
      stdout += text;
      wroteSinceHeaders = true;
    }
  });
  if (stdout !== '') return { stdout, stderr: '' };
  const allNamespaced = !options.allNamespaces && sections.every((s) => s.namespaced);
  const stderr =
    allNamespaced && options.namespace
      ? `No resources found in ${options.namespace} namespace.\n`
      : 'No resources found\n';
  return { stdout, stderr };
}
