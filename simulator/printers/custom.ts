// Tables for kinds without a built-in printer. A custom resource gets its CRD's
// additionalPrinterColumns (Name first, each cell from a JSONPath); a built-in kind without a
// printer (LimitRange, Role, …) gets the API server's default: Name and Created At.
import type { KubeObject } from '../machinery/types.ts';
import { humanDuration, parseTime } from './duration.ts';
import { AGE_DESCRIPTION, column, nameColumn, type KindPrinter, type TableCell } from './table.ts';

/** One entry of a CRD version's additionalPrinterColumns. */
export interface PrinterColumn {
  name: string;
  type: string; // string | integer | number | boolean | date
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

/** What the API server assumes when a CRD lists no printer columns. */
export const DEFAULT_CRD_COLUMNS: PrinterColumn[] = [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }];

/**
 * The simple JSONPath CRDs use: `.a.b`, `[0]`, `[*]`, `[?(@.type=="Ready")]`.
 * Returns every match, in order.
 */
export function jsonPathValues(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  const re = /\.([A-Za-z0-9_-]+)|\[(\*|\d+|\?\(@\.([A-Za-z0-9_.-]+)\s*==\s*["']([^"']*)["']\))\]/gy;
  const src = path.trim().replace(/^\{|\}$/g, '');
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(src)) !== null) {
    consumed = re.lastIndex;
    const next: unknown[] = [];
    for (const value of current) {
      if (m[1] !== undefined) {
        if (value && typeof value === 'object' && !Array.isArray(value) && m[1] in value) {
          next.push((value as Record<string, unknown>)[m[1]]);
        }
      } else if (m[2] === '*') {
        if (Array.isArray(value)) next.push(...value);
        else if (value && typeof value === 'object') next.push(...Object.values(value));
      } else if (m[3] !== undefined) {
        if (Array.isArray(value)) {
          for (const item of value) {
            const field = jsonPathValues(item, `.${m[3]}`)[0];
            if (field !== undefined && String(field) === m[4]) next.push(item);
          }
        }
      } else if (Array.isArray(value)) {
        const item = value[Number(m[2])];
        if (item !== undefined) next.push(item);
      }
    }
    current = next;
  }
  if (consumed !== src.length && src !== '') return [];
  return current;
}

/** Go's json.Marshal output for plain JSON values (no HTML escaping concerns in our data). */
function goJson(value: unknown): string {
  return JSON.stringify(value);
}

/** The cell for one CRD column: only the first JSONPath match counts, as upstream. */
function customCell(obj: KubeObject, col: PrinterColumn, now: number): TableCell {
  const values = jsonPathValues(obj, col.jsonPath);
  if (values.length === 0) return null;
  const value = values[0];
  if (value === null || value === undefined) return null;
  switch (col.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'object') return goJson(value);
      return String(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date': {
      if (typeof value !== 'string') return null;
      const t = parseTime(value);
      return t === undefined ? '<invalid>' : humanDuration(now - t);
    }
    default:
      return null;
  }
}

/** The printer the API server builds from a CRD's printer columns. */
export function customResourcePrinter(columns: PrinterColumn[] = DEFAULT_CRD_COLUMNS): KindPrinter {
  const cols = columns.length > 0 ? columns : DEFAULT_CRD_COLUMNS;
  return {
    columns: [
      nameColumn(),
      ...cols.map((c) =>
        column(c.name, c.description ?? '', { type: c.type, format: c.format ?? '', priority: c.priority ?? 0 }),
      ),
    ],
    row(obj, now) {
      return { cells: [obj.metadata.name ?? '', ...cols.map((c) => customCell(obj, c, now))] };
    },
  };
}

/** The printer columns a CustomResourceDefinition object declares for one version. */
export function printerColumnsOf(crd: KubeObject, version: string): PrinterColumn[] {
  const versions = ((crd.spec as { versions?: { name: string; additionalPrinterColumns?: PrinterColumn[] }[] } | undefined)
    ?.versions ?? []);
  return versions.find((v) => v.name === version)?.additionalPrinterColumns ?? [];
}

/** Go's time.RFC3339 in UTC, as the default table's Created At cell. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The API server's default table for built-in kinds that have no printer of their own. */
export const createdAtPrinter: KindPrinter = {
  columns: [nameColumn(), column('Created At', AGE_DESCRIPTION, { type: 'date' })],
  row(obj) {
    const t = parseTime(obj.metadata.creationTimestamp);
    return { cells: [obj.metadata.name ?? '', t === undefined ? '0001-01-01T00:00:00Z' : rfc3339(t)] };
  },
};

// Gateway API v1.2.1 CRDs: the columns their manifests declare.
const ageCol: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

export const gatewayClassColumns: PrinterColumn[] = [
  { name: 'Controller', type: 'string', jsonPath: '.spec.controllerName' },
  { name: 'Accepted', type: 'string', jsonPath: '.status.conditions[?(@.type=="Accepted")].status' },
  ageCol,
  { name: 'Description', type: 'string', jsonPath: '.spec.description', priority: 1 },
];

export const gatewayColumns: PrinterColumn[] = [
  { name: 'Class', type: 'string', jsonPath: '.spec.gatewayClassName' },
  { name: 'Address', type: 'string', jsonPath: '.status.addresses[*].value' },
  { name: 'Programmed', type: 'string', jsonPath: '.status.conditions[?(@.type=="Programmed")].status' },
  ageCol,
];

export const routeColumns: PrinterColumn[] = [{ name: 'Hostnames', type: 'string', jsonPath: '.spec.hostnames' }, ageCol];
