// Reading `-f` arguments: files, folders (`-R` to go into subfolders), `-` for stdin, several
// YAML documents per file, JSON files, and `kind: List`. YAML is read with YAML 1.1 rules like
// go-yaml v2 (so `on` and `yes` are booleans, but timestamps stay strings). Failures read like
// kubectl's: "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: …".
import { LineCounter, parseAllDocuments, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { KubeObject } from '../machinery/types.ts';
import { KubectlError } from './errors.ts';
import type { Invocation } from './command.ts';

export interface Manifest {
  /** The name kubectl uses in messages: the path as typed (joined for folders), or STDIN. */
  source: string;
  object: KubeObject;
}

export interface ReadResult {
  manifests: Manifest[];
  /** Per-document failures (kubectl goes on with the other documents and reports these at the end). */
  errors: KubectlError[];
}

const extensions = ['.json', '.yaml', '.yml'];

/** The -f, --filename and -R flags every file-taking command shares. */
export function filenameFlags(verb: string) {
  return [
    { name: 'filename', short: 'f', type: 'stringSlice' as const, usage: `The files, folders or URLs of the manifests to ${verb}.` },
    { name: 'recursive', short: 'R', type: 'bool' as const, usage: 'Read the folders given with -f, and their subfolders, recursively.' },
    { name: 'kustomize', short: 'k', type: 'string' as const, usage: 'Process a kustomization folder (not available in the in-browser terminal).' },
  ];
}

/** Rejects -k plainly: there is no kustomize in the page. */
export function rejectKustomize(inv: Invocation): void {
  if (inv.flags.changed('kustomize')) throw new KubectlError('kustomize is not available in the in-browser terminal; use -f with plain manifests instead');
}

export async function readManifests(inv: Invocation, filenames: string[], recursive: boolean, validate = true): Promise<ReadResult> {
  const result: ReadResult = { manifests: [], errors: [] };
  for (const name of filenames) {
    if (name === '-') {
      parseInto(result, await inv.shell.stdin.text(), 'STDIN', validate);
      continue;
    }
    if (/^https?:\/\//.test(name)) {
      throw new KubectlError(`the in-browser terminal cannot download ${JSON.stringify(name)}: save the manifest to a file and use -f with that file`);
    }
    const path = inv.shell.resolve(name);
    const fs = inv.shell.fs;
    if (!fs.exists(path)) throw new KubectlError(`the path ${JSON.stringify(name)} does not exist`);
    if (fs.isDirectory(path)) {
      for (const file of filesIn(inv, path, name, recursive)) parseInto(result, fs.readFile(file.path), file.source, validate);
    } else {
      parseInto(result, fs.readFile(path), name, validate);
    }
  }
  return result;
}

function filesIn(inv: Invocation, dir: string, shown: string, recursive: boolean): { path: string; source: string }[] {
  const fs = inv.shell.fs;
  const out: { path: string; source: string }[] = [];
  for (const entry of [...fs.readdir(dir)].sort()) {
    const path = `${dir}/${entry}`;
    const source = `${shown.replace(/\/$/, '')}/${entry}`;
    if (fs.isDirectory(path)) {
      if (recursive) out.push(...filesIn(inv, path, source, recursive));
    } else if (extensions.some((ext) => entry.endsWith(ext))) out.push({ path, source });
  }
  return out;
}

const yamlOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  // go-yaml v2 leaves timestamps and base-60 numbers as strings when decoding into JSON.
  customTags: (tags) => tags.filter((t) => !(typeof t === 'object' && (t.tag === 'tag:yaml.org,2002:timestamp' || (t as { format?: string }).format === 'TIME'))),
  uniqueKeys: true,
};

/** go-yaml's wording for the problems learners run into most. */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
      return message.startsWith('Flow sequence') ? "did not find expected ',' or ']'" : 'did not find expected key';
    case 'MISSING_CHAR':
      return message.includes('quote') ? 'found unexpected end of stream' : 'did not find expected key';
    default:
      return 'did not find expected key';
  }
}

function parseInto(result: ReadResult, text: string, source: string, validate: boolean): void {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      result.errors.push(new KubectlError(`error parsing ${source}: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    addObject(result, parsed, source, validate);
    return;
  }
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { ...yamlOptions, lineCounter: lines });
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) {
      if (error.code === 'DUPLICATE_KEY') {
        const pos = lines.linePos(error.pos[0]);
        const key = String(text.slice(error.pos[0], error.pos[1])).replace(/:.*$/, '').trim();
        result.errors.push(new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${pos.line}: key ${JSON.stringify(key)} already set in map`));
        return;
      }
      const last = doc.errors[doc.errors.length - 1]!;
      const line = lines.linePos(Math.max(error.pos[1], last.pos[0])).line;
      result.errors.push(new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(error.code, error.message)}`));
      return;
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    addObject(result, value, source, validate);
  }
}

function addObject(result: ReadResult, value: unknown, source: string, validate: boolean): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    result.errors.push(new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into an object`));
    return;
  }
  const obj = value as Record<string, unknown>;
  // A List of objects is taken apart, as kubectl's builder flattens it.
  if (obj.kind === 'List' && Array.isArray(obj.items)) {
    for (const item of obj.items) addObject(result, item, source, validate);
    return;
  }
  const missing: string[] = [];
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') missing.push('apiVersion not set');
  if (typeof obj.kind !== 'string' || obj.kind === '') missing.push('kind not set');
  if (missing.length) {
    if (validate) {
      const list = missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`;
      result.errors.push(new KubectlError(`error validating ${JSON.stringify(source)}: error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`));
    } else {
      const what = missing[missing.length - 1]!.startsWith('kind') ? 'Kind' : 'apiVersion';
      result.errors.push(new KubectlError(`unable to decode ${JSON.stringify(source)}: Object '${what}' is missing in '${JSON.stringify(obj)}'`));
    }
    return;
  }
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  result.manifests.push({ source, object: obj as unknown as KubeObject });
}
