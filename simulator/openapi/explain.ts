// The data behind `kubectl explain`: a kind's schema walked down a field path, with the field's
// type as kubectl prints it (<[]Container>, <map[string]string>, <IntOrString>), its description,
// and the fields below it. Pure TypeScript, for the in-page kubectl as well as the server.
import { definitions, kindSchema, kindSchemasNamed, resolve } from './registry.ts';
import type { GroupVersionKind, Schema } from './schema.ts';

export interface ExplainedField {
  name: string;
  type: string;
  required: boolean;
  description: string;
  enum?: string[];
}

export interface Explanation {
  gvk: GroupVersionKind;
  /** The fields walked, e.g. ['spec', 'containers']; empty for the kind itself. */
  path: string[];
  /** The field itself (absent for the kind). */
  field?: ExplainedField;
  description: string;
  /** The fields below, sorted by name (empty for scalars). */
  fields: ExplainedField[];
}

export class ExplainError extends Error {}

const lastSegment = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** The type as kubectl's explain template names it: references to structures by their name,
 * references to scalars by the scalar type, lists as []T and maps as map[string]T. */
export function typeName(schema: Schema | undefined): string {
  if (!schema) return 'Object';
  if (schema.$ref) {
    const target = definitions[schema.$ref];
    if (!target || !target.type || target.type === 'object') return lastSegment(schema.$ref);
    return target.type;
  }
  if (schema.type === 'array') return `[]${typeName(schema.items)}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') return `map[string]${typeName(schema.additionalProperties)}`;
  if (!schema.type || schema.type === 'object') return 'Object';
  return schema.type;
}

function describe(name: string, schema: Schema, parent: Schema): ExplainedField {
  const target = resolve(schema);
  const out: ExplainedField = {
    name,
    type: typeName(schema),
    required: (parent.required ?? []).includes(name),
    description: schema.description ?? target?.description ?? '',
  };
  const values = schema.enum ?? target?.enum;
  if (values) out.enum = values;
  return out;
}

/** The object-typed schema under a field: through references and list items. */
function structureOf(schema: Schema): Schema | undefined {
  let s = resolve(schema);
  while (s && s.type === 'array' && s.items) s = resolve(s.items);
  return s;
}

/** Finds the kind: 'Pod', 'deployment', or with a group-version ('apps/v1'). */
function findKind(kindName: string, apiVersion?: string): { gvk: GroupVersionKind; schema: Schema } {
  if (apiVersion) {
    const slash = apiVersion.indexOf('/');
    const [group, version] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
    const all = kindSchemasNamed(kindName).filter((k) => k.gvk.group === group && k.gvk.version === version);
    const k = all[0] ?? kindSchema(group, version, kindName);
    if (!k) throw new ExplainError(`couldn't find resource for "${kindName}" in ${apiVersion}`);
    return k;
  }
  const k = kindSchemasNamed(kindName)[0];
  if (!k) throw new ExplainError(`couldn't find resource for "${kindName}"`);
  return k;
}

/** Explains a kind or one of its fields. path: 'spec.containers' or ['spec', 'containers']. */
export function explainField(kindName: string, path: string | string[] = [], options: { apiVersion?: string } = {}): Explanation {
  const k = findKind(kindName, options.apiVersion);
  const parts = (typeof path === 'string' ? path.split('.') : path).filter((p) => p !== '');
  let parent = k.schema;
  let current: Schema = k.schema;
  let field: ExplainedField | undefined;
  for (let i = 0; i < parts.length; i++) {
    const structure = structureOf(current);
    const child = structure?.properties?.[parts[i]!];
    if (!structure || !child) {
      throw new ExplainError(`field "${parts[i]}" does not exist`);
    }
    parent = structure;
    current = child;
    field = describe(parts[i]!, child, parent);
  }
  const structure = structureOf(current);
  const fields = Object.entries(structure?.properties ?? {})
    .map(([name, s]) => describe(name, s, structure!))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    gvk: k.gvk,
    path: parts,
    field,
    description: field ? field.description : (k.schema.description ?? ''),
    fields,
  };
}

/** Every field below a kind or field, depth first, as `kubectl explain --recursive` lists them. */
export function explainRecursive(kindName: string, path: string | string[] = [], options: { apiVersion?: string } = {}): Array<{ depth: number; field: ExplainedField }> {
  const root = explainField(kindName, path, options);
  const out: Array<{ depth: number; field: ExplainedField }> = [];
  const visit = (prefix: string[], depth: number, seen: string[]) => {
    for (const f of explainField(kindName, prefix, options).fields) {
      out.push({ depth, field: f });
      // Recursive schemas (none among ours today) would loop; stop at a type already on the way down.
      if (seen.includes(f.type) || depth > 12) continue;
      visit([...prefix, f.name], depth + 1, [...seen, f.type]);
    }
  };
  visit(root.path, 0, []);
  return out;
}
