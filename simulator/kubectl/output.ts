// The -o/--output formats: yaml, json, name, jsonpath=…, jsonpath-as-json=…, jsonpath-file=…,
// custom-columns=…, custom-columns-file=…, and (for get) wide. Several objects print as a v1 List,
// one object named on the command line prints alone, as kubectl does. go-template is not
// available here and says so.
import { GET_TABWRITER, alignTabs } from '../printers/index.ts';
import type { KubeObject } from '../machinery/types.ts';
import { KubectlError } from './errors.ts';
import { executeJsonPath, findJsonPathValues, parseJsonPath, relaxedJsonPath, JsonPathError, type JsonPathTemplate } from './jsonpath.ts';
import { toJson } from './output-json.ts';
import { toYaml } from './output-yaml.ts';
import type { Invocation } from './command.ts';

export type OutputFormat =
  | { type: 'default' | 'wide' | 'yaml' | 'json' | 'name' }
  | { type: 'jsonpath'; template: JsonPathTemplate; asJson: boolean }
  | { type: 'custom-columns'; columns: { header: string; template: JsonPathTemplate }[] };

const getFormats = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const writeFormats = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export function outputFlag(forGet: boolean) {
  return {
    name: 'output',
    short: 'o',
    type: 'string' as const,
    usage: `Output format. One of: (${(forGet ? getFormats : writeFormats).split(',').join(', ')}).`,
  };
}

/** Reads -o. `forGet` allows wide and custom-columns, which only get-like commands have. */
export function parseOutput(inv: Invocation, forGet: boolean): OutputFormat {
  const raw = inv.flags.string('output');
  if (raw === '') return { type: 'default' };
  const eq = raw.indexOf('=');
  const name = eq < 0 ? raw : raw.slice(0, eq);
  const arg = eq < 0 ? '' : raw.slice(eq + 1);
  switch (name) {
    case 'yaml':
    case 'json':
    case 'name':
      if (eq < 0) return { type: name };
      break;
    case 'wide':
      if (forGet && eq < 0) return { type: 'wide' };
      break;
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      let text = arg;
      if (name === 'jsonpath-file') text = readTemplateFile(inv, arg);
      if (text === '') throw new KubectlError('template format specified but no template given');
      try {
        return { type: 'jsonpath', template: parseJsonPath(text), asJson: name === 'jsonpath-as-json' };
      } catch (e) {
        throw new KubectlError(`error parsing jsonpath ${text}, ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    case 'custom-columns':
    case 'custom-columns-file':
      if (!forGet) break;
      return { type: 'custom-columns', columns: name === 'custom-columns' ? parseColumns(arg) : parseColumnsFile(readTemplateFile(inv, arg)) };
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      throw new KubectlError(`${name} output is not available in the in-browser terminal; use -o jsonpath=… or -o custom-columns=… instead`);
  }
  throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(raw)}, allowed formats are: ${forGet ? getFormats : writeFormats}`);
}

function readTemplateFile(inv: Invocation, file: string): string {
  if (file === '') throw new KubectlError('template format specified but no template file given');
  const path = inv.shell.resolve(file);
  if (!inv.shell.fs.isFile(path)) throw new KubectlError(`error reading --template ${file}, open ${file}: no such file or directory`);
  return inv.shell.fs.readFile(path);
}

function parseColumns(spec: string): { header: string; template: JsonPathTemplate }[] {
  if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), template: columnTemplate(part.slice(colon + 1)) };
  });
}

/** A custom-columns file: a header line of names and a line of JSONPath expressions. */
function parseColumnsFile(text: string): { header: string; template: JsonPathTemplate }[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 2) throw new KubectlError(`invalid template, expected two lines, got ${lines.length}`);
  const headers = lines[0]!.trim().split(/\s+/);
  const paths = lines[1]!.trim().split(/\s+/);
  if (headers.length !== paths.length) throw new KubectlError(`number of headers (${headers.length}) and field specifications (${paths.length}) don't match`);
  return headers.map((header, i) => ({ header, template: columnTemplate(paths[i]!) }));
}

function columnTemplate(expression: string): JsonPathTemplate {
  try {
    return parseJsonPath(relaxedJsonPath(expression));
  } catch (e) {
    throw new KubectlError(`unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  }
}

/** How kubectl names an object in `-o name` and in "created"/"configured" lines. */
export function objectName(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  return `${group ? `${obj.kind.toLowerCase()}.${group}` : obj.kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
}

/** A v1 List around several objects, as kubectl prints them with -o yaml/json. */
export function asList(objects: KubeObject[], resourceVersion = ''): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion } };
}

/** Go's %v for what JSON holds, as custom-columns prints cells. */
export function goValueString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValueString).join(' ')}]`;
  if (typeof v === 'object') {
    const entries = Object.keys(v as object)
      .sort()
      .map((k) => `${k}:${goValueString((v as Record<string, unknown>)[k])}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(v);
}

/**
 * Prints objects in a non-table format. `single` means one object was named on the command line
 * (it is printed on its own, not in a List). `typed` keeps field order (objects kubectl built).
 */
export function formatObjects(format: OutputFormat, objects: KubeObject[], opts: { single: boolean; typed?: boolean; noHeaders?: boolean }): string {
  const data = opts.single && objects.length === 1 ? objects[0]! : asList(objects);
  switch (format.type) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data, { sortKeys: !opts.typed });
    case 'name':
      return objects.map((o) => `${objectName(o)}\n`).join('');
    case 'jsonpath':
      try {
        return executeJsonPath(format.template, JSON.parse(JSON.stringify(data)), { outputJson: format.asJson });
      } catch (e) {
        if (e instanceof JsonPathError) {
          throw new KubectlError(`error executing jsonpath ${JSON.stringify(format.template.source)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${format.template.source}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(data)}\n\n`);
        }
        throw e;
      }
    case 'custom-columns':
      return customColumns(format.columns, objects, opts.noHeaders ?? false);
    default:
      throw new Error(`${format.type} is printed as a table`);
  }
}

function customColumns(columns: { header: string; template: JsonPathTemplate }[], objects: KubeObject[], noHeaders: boolean): string {
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  for (const obj of objects) {
    lines.push(
      columns
        .map((c) => {
          const values = findJsonPathValues(c.template, obj);
          return values.length === 0 ? '<none>' : values.map(goValueString).join(',');
        })
        .join('\t'),
    );
  }
  if (lines.length === 0) return '';
  return alignTabs(`${lines.join('\n')}\n`, GET_TABWRITER);
}

/** Prints what a write command did: "deployment.apps/web created", or the object with -o. */
export function printWriteResult(inv: Invocation, format: OutputFormat, obj: KubeObject, verb: string, typed = false): void {
  if (format.type === 'default') inv.out(`${objectName(obj)} ${verb}\n`);
  else inv.out(formatObjects(format, [obj], { single: true, typed }));
}

/** The dry-run suffix kubectl adds to what it says it did. */
export function dryRunSuffix(strategy: DryRun): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}

export type DryRun = 'none' | 'client' | 'server';

export const dryRunFlag = {
  name: 'dry-run',
  type: 'string' as const,
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". With client, only print the object that would be sent. With server, send the request but do not persist the change.',
};

export function parseDryRun(inv: Invocation): DryRun {
  const value = inv.flags.string('dry-run');
  switch (value) {
    case 'client':
    case 'server':
    case 'none':
      return value;
    case 'unchanged':
      throw new KubectlError('--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".');
    default:
      throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}
