// kubectl explain: a kind's or a field's documentation from the simulator's OpenAPI definitions
// (simulator/openapi/), in the layout of kubectl 1.32's plaintext template: GROUP/KIND/VERSION,
// FIELD with its type for a field path, DESCRIPTION wrapped at 76 columns, then FIELDS with
// `<type>`, `-required-` and a short enum list — or, with --recursive, the whole tree of names.
import { ExplainError, definitions, explainField, explainRecursive, type ExplainedField, type Schema } from '../openapi/index.ts';
import type { KubectlCommand } from './command.ts';
import { KubectlError, UsageError } from './errors.ts';
import { findResource } from '../machinery/resources.ts';
import { resolveType } from './resources.ts';

/** Sprig's `wrap` (goutils.WrapCustom without breaking long words): it only breaks at spaces and
 * counts across the newlines already in the text, as upstream's output does. */
export function wrap(text: string, width: number): string {
  if (text === '') return '';
  let out = '';
  let offset = 0;
  while (text.length - offset > width) {
    if (text[offset] === ' ') {
      offset++;
      continue;
    }
    const space = text.slice(offset, offset + width + 1).lastIndexOf(' ');
    if (space >= 0) {
      out += text.slice(offset, offset + space) + '\n';
      offset += space + 1;
      continue;
    }
    // A word longer than the width (a URL): keep it whole, break at the next space.
    const next = text.indexOf(' ', offset + width);
    if (next < 0) {
      out += text.slice(offset);
      offset = text.length;
    } else {
      out += text.slice(offset, next) + '\n';
      offset = next + 1;
    }
  }
  return out + text.slice(offset);
}

/** Sprig's `indent`: every line, the first included, gets n spaces (empty lines too). */
function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + text.replace(/\n/g, `\n${pad}`);
}

/** The template's "description": the schema's own, then what it refers to, its items', its values'. */
function descriptionOf(schema: Schema | undefined, seen: Set<string> = new Set()): string {
  if (!schema) return '';
  let out = schema.description ? `${schema.description}\n` : '';
  if (schema.$ref && !seen.has(schema.$ref)) out += descriptionOf(definitions[schema.$ref], new Set([...seen, schema.$ref]));
  if (schema.items) out += descriptionOf(schema.items, seen);
  if (typeof schema.additionalProperties === 'object') out += descriptionOf(schema.additionalProperties, seen);
  return out;
}

/** The schema a path leads to (the field itself, not what it resolves to), for its description. */
function fieldSchema(kindSchema: Schema, path: string[]): Schema {
  let current = kindSchema;
  for (const name of path) {
    let structure: Schema | undefined = current;
    for (let hops = 0; structure && (structure.$ref || structure.items || typeof structure.additionalProperties === 'object') && !structure.properties && hops < 20; hops++) {
      structure = structure.$ref ? definitions[structure.$ref] : (structure.items ?? (structure.additionalProperties as Schema));
    }
    current = structure?.properties?.[name] ?? {};
  }
  return current;
}

function enumShort(field: ExplainedField, indentAmount: number): string {
  if (!field.enum?.length) return '';
  const shown = field.enum.slice(0, 4).map((v) => (v === '' ? '""' : v));
  return `\n${' '.repeat(indentAmount)}enum: ${shown.join(', ')}${field.enum.length > 4 ? ', ....' : ''}`;
}

function fieldLine(field: ExplainedField, level: number): string {
  const at = level * 2;
  return `${indent(field.name, at)}\t<${field.type}>${field.required ? ' -required-' : ''}${enumShort(field, at)}\n`;
}

export function explainText(typed: string, options: { recursive: boolean; apiVersion?: string }): string {
  // The longest prefix that names a resource with its group (`deployments.apps.spec`) wins, as in
  // upstream's SplitAndParseResourceRequestWithMatchingPrefix; else the first word is the resource.
  const parts = typed.split('.');
  let cut = 1;
  for (let i = parts.length; i > 1; i--) {
    if (findResource(parts.slice(0, i).join('.'))) {
      cut = i;
      break;
    }
  }
  const rt = cut > 1 ? findResource(parts.slice(0, cut).join('.'))! : resolveType(parts[0]!);
  const path = parts.slice(cut);
  let explanation;
  try {
    explanation = explainField(rt.kind, path, { apiVersion: options.apiVersion ?? (rt.group ? `${rt.group}/${rt.version}` : rt.version) });
  } catch (error) {
    if (error instanceof ExplainError) throw new KubectlError(error.message);
    throw error;
  }
  const { gvk } = explanation;
  let out = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const kindSchema = definitionFor(gvk);
  const schema = path.length ? fieldSchema(kindSchema, path) : kindSchema;
  if (explanation.field) {
    const values = explanation.field.enum;
    out += `FIELD: ${explanation.field.name} <${explanation.field.type}>\n`;
    if (values?.length) out += `ENUM:${values.map((v) => `\n    ${v === '' ? '""' : v}`).join('')}`;
    out += '\n\n';
  }
  out += `DESCRIPTION:\n${indent(wrap(descriptionOf(schema) || '<empty>', 76), 4)}\n`;
  if (explanation.fields.length > 0) {
    out += 'FIELDS:\n';
    if (options.recursive) {
      for (const { depth, field } of explainRecursive(gvk.kind, path, { apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version })) out += fieldLine(field, depth + 1);
    } else {
      for (const field of explanation.fields) out += `${fieldLine(field, 1)}${indent(wrap(field.description || '<no description>', 76), 4)}\n\n`;
    }
  }
  return out + '\n';
}

/** The kind's own definition (the schema carrying its x-kubernetes-group-version-kind). */
function definitionFor(gvk: { group: string; version: string; kind: string }): Schema {
  for (const schema of Object.values(definitions)) {
    if (schema['x-kubernetes-group-version-kind']?.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) return schema;
  }
  return {};
}

export const explain: KubectlCommand = {
  name: 'explain',
  group: 'Basic Commands (Intermediate)',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example:
    '  # Get the documentation of the resource and its fields\n  kubectl explain pods\n\n  # Get all the fields in the resource\n  kubectl explain pods --recursive\n\n  # Get the explanation for deployment in supported api versions\n  kubectl explain deployments --api-version=apps/v1\n\n  # Get the documentation of a specific field of a resource\n  kubectl explain pods.spec.containers',
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [flags]',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  run(inv) {
    if (inv.args.length === 0) throw new UsageError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    if (inv.args.length > 1) throw new UsageError('We accept only this format: explain RESOURCE\n');
    const output = inv.flags.string('output');
    if (output !== 'plaintext') throw new KubectlError(output === 'plaintext-openapiv2' ? 'the plaintext-openapiv2 output is not available in the in-browser terminal; use the default plaintext' : `unsupported output format: ${output}`);
    const apiVersion = inv.flags.string('api-version') || undefined;
    inv.out(explainText(inv.args[0]!, { recursive: inv.flags.bool('recursive'), apiVersion }));
  },
};
