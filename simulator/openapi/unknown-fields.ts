// Finds the fields of an object that its kind's schema does not know, named the way the API
// server's strict decoder names them (spec.template.spec.containers[0].imagex). The API server
// rejects them with fieldValidation=Strict and warns about them with Warn; real kubectl asks for
// Strict on apply, create -f, replace and edit.
import { kindSchema, resolve } from './registry.ts';
import type { Schema } from './schema.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(value: unknown, schema: Schema | undefined, path: string, out: string[], skipDirectives: boolean, remove = false): void {
  const s = resolve(schema);
  if (!s || s['x-kubernetes-preserve-unknown-fields']) return;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((item, i) => walk(item, s.items, `${path}[${i}]`, out, skipDirectives, remove));
    return;
  }
  if (!isObject(value)) return;
  if (s.properties) {
    for (const [key, child] of Object.entries(value)) {
      // Strategic merge patches carry directives ($patch, $setElementOrder/…, $retainKeys) next to fields.
      if (skipDirectives && key.startsWith('$')) continue;
      const prop = s.properties[key];
      const childPath = path ? `${path}.${key}` : key;
      if (!prop) {
        out.push(childPath);
        if (remove) delete value[key];
      } else walk(child, prop, childPath, out, skipDirectives, remove);
    }
    return;
  }
  if (typeof s.additionalProperties === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, s.additionalProperties, `${path}[${key}]`, out, skipDirectives, remove);
  }
}

/** Paths of unknown fields in obj, for a kind in a group-version. Empty when all fields are known
 * (or when we have no schema for the kind: then nothing can be said). */
export function unknownFields(group: string, version: string, kindName: string, obj: unknown, options: { patch?: boolean } = {}): string[] {
  const k = kindSchema(group, version, kindName);
  if (!k) return [];
  const out: string[] = [];
  walk(obj, k.schema, '', out, !!options.patch);
  return out;
}

/** Removes the unknown fields from obj in place (what the server's decoder does when it does not
 * reject them) and returns their paths. */
export function dropUnknownFields(group: string, version: string, kindName: string, obj: unknown, options: { patch?: boolean } = {}): string[] {
  const k = kindSchema(group, version, kindName);
  if (!k) return [];
  const out: string[] = [];
  walk(obj, k.schema, '', out, !!options.patch, true);
  return out;
}
