// YAML manifests (setup/*.yaml) to objects, and the record `kubectl apply` keeps of a file on the
// object it creates. Pure: the page parses the same text the CLI reads from disk.
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../simulator/machinery/types.ts';

export interface ManifestFile {
  /** The file's name, for messages (`10-catalog-rs.yaml`). */
  name: string;
  text: string;
}

export interface Manifest {
  file: string;
  object: KubeObject;
}

export function parseManifests(files: ManifestFile[]): Manifest[] {
  const out: Manifest[] = [];
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const doc of parseAllDocuments(file.text)) {
      if (doc.errors.length) throw new Error(`${file.name}: ${doc.errors[0]!.message}`);
      const value: unknown = doc.toJS();
      if (value === null || value === undefined) continue;
      const object = value as KubeObject;
      if (typeof object !== 'object' || !object.kind || !object.apiVersion || !object.metadata?.name) {
        throw new Error(`${file.name}: every document needs apiVersion, kind and metadata.name`);
      }
      out.push({ file: file.name, object });
    }
  }
  return out;
}

const lastAppliedKey = 'kubectl.kubernetes.io/last-applied-configuration';

function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedJson((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** The object as client-side `kubectl apply -f` creates it: carrying its own JSON (keys sorted, as
 * Go's encoder writes a map) in the last-applied annotation, so a later apply of an edited copy of
 * the file changes only what the learner changed. */
export function withLastApplied(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[lastAppliedKey];
  const recorded = structuredClone(copy);
  if (Object.keys(annotations).length) recorded.metadata.annotations = annotations;
  else delete recorded.metadata.annotations;
  copy.metadata.annotations = { ...annotations, [lastAppliedKey]: `${JSON.stringify(sortedJson(recorded))}\n` };
  return copy;
}
