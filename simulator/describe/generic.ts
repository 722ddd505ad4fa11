// The describer kubectl falls back to for kinds it has no describer for (custom resources such
// as Gateway and HTTPRoute): every field of the object, with camelCase names turned into words.
import type { KubeObject } from '../machinery/types.ts';
import { writeAnnotations, writeEvents, writeLabels } from './format.ts';
import { eventsFor, type DescribeContext } from './reader.ts';
import { tabbed, type DescribeWriter } from './writer.ts';

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

function charClass(ch: string): number {
  if (ch.toLowerCase() === ch && ch.toUpperCase() !== ch) return 1; // lower
  if (ch.toUpperCase() === ch && ch.toLowerCase() !== ch) return 2; // upper
  if (/\d/.test(ch)) return 3;
  return 4;
}

/** fatih/camelcase.Split: runs of one character class, with "PDFLoader" split as "PDF", "Loader". */
export function splitCamelCase(src: string): string[] {
  const runs: string[] = [];
  let last = 0;
  for (const ch of src) {
    const cls = charClass(ch);
    if (cls === last && runs.length > 0) runs[runs.length - 1] += ch;
    else runs.push(ch);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === 2 && charClass(runs[i + 1][0]) === 1) {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0);
}

/** `gatewayClassName` → `Gateway Class Name`, `apiVersion` → `API Version`; odd names stay as they are. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return splitCamelCase(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** Go's %v for a JSON scalar. */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function writeContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) {
          writeContent(w, level + 1, child as Record<string, unknown>, path);
        } else {
          w.write(level + 1, `${scalarText(child)}\n`);
        }
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      writeContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${scalarText(value)}\n`);
    }
  }
}

/** The text of `kubectl describe` for any kind without a dedicated describer. */
export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const events = eventsFor(ctx, {
    name: obj.metadata.name ?? '',
    namespace: obj.metadata.namespace,
    kind: obj.kind,
    uid: obj.metadata.uid,
  });
  return tabbed((w) => {
    w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    writeLabels(w, 'Labels', obj.metadata.labels);
    writeAnnotations(w, 'Annotations', obj.metadata.annotations);
    writeContent(w, 0, obj as Record<string, unknown>, '');
    writeEvents(w, events, ctx.now);
  });
}
