// The meta.k8s.io/v1 Table an API server sends when kubectl asks for one
// (Accept: application/json;as=Table;v=v1;g=meta.k8s.io). The server chooses the columns and
// computes every cell; kubectl only lays the cells out. Both the HTTP API server and the in-page
// kubectl build tables here, so the two print the same thing.
import type { KubeObject, ObjectMeta } from '../machinery/types.ts';

export interface TableColumnDefinition {
  name: string; // Title Case; kubectl upper-cases it for the header
  type: string; // string | integer | number | boolean | date
  format: string; // 'name' marks the column kubectl prefixes with kind/
  description: string;
  priority: number; // 0 always shown, 1 only with -o wide
}

/** A cell as JSON carries it: kubectl prints strings as they are and numbers/booleans with Go's %v. */
export type TableCell = string | number | boolean | null;

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
}

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  object: PartialObjectMetadata | KubeObject | null;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** One kind's server-side printer: its columns, and the cells (all of them, wide ones included) for one object. */
export interface KindPrinter {
  columns: TableColumnDefinition[];
  row(obj: KubeObject, now: number): { cells: TableCell[]; conditions?: TableRowCondition[] };
}

/** What the `includeObject` query parameter asks rows to carry. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  now: number;
  includeObject?: IncludeObject; // default Metadata, as upstream
  resourceVersion?: string; // the list's (or the object's) resourceVersion
  continue?: string;
  noHeaders?: boolean; // TableOptions.noHeaders: leave columnDefinitions empty (watch events after the first)
}

/** Shorthand for a column definition; most columns are plain priority-0 strings. */
export function column(
  name: string,
  description: string,
  extra: { type?: string; format?: string; priority?: number } = {},
): TableColumnDefinition {
  return {
    name,
    type: extra.type ?? 'string',
    format: extra.format ?? '',
    description,
    priority: extra.priority ?? 0,
  };
}

export const NAME_DESCRIPTION =
  'Name must be unique within a namespace; it identifies the object and cannot be changed once set.';
export const AGE_DESCRIPTION =
  'When the object was created, as the server recorded it (RFC 3339, UTC); shown as the time since then.';

export const nameColumn = (): TableColumnDefinition => column('Name', NAME_DESCRIPTION, { format: 'name' });
export const ageColumn = (): TableColumnDefinition => column('Age', AGE_DESCRIPTION);

function partialMetadata(obj: KubeObject): PartialObjectMetadata {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

function rowObject(obj: KubeObject, include: IncludeObject): TableRow['object'] {
  if (include === 'None') return null;
  if (include === 'Object') return obj;
  return partialMetadata(obj);
}

/** Build the Table for a list (or a single object) with a given printer. */
export function tableFrom(printer: KindPrinter, objects: KubeObject[], options: TableOptions): Table {
  const include = options.includeObject ?? 'Metadata';
  const rows: TableRow[] = objects.map((obj) => {
    const { cells, conditions } = printer.row(obj, options.now);
    const row: TableRow = { cells, object: rowObject(obj, include) };
    if (conditions && conditions.length > 0) row.conditions = conditions;
    return row;
  });
  const metadata: Table['metadata'] = {};
  if (options.resourceVersion !== undefined) metadata.resourceVersion = options.resourceVersion;
  if (options.continue) metadata.continue = options.continue;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: options.noHeaders ? [] : printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
