// kubectl get: tables from the server-side printers (-o wide, -A, -L, --show-labels, --no-headers,
// --sort-by), several types at once (`pods,svc`, `all`), names (`pod a b`, `po/web`), -f files,
// the -o formats, and -w/--watch streaming (get-watch.ts). Missing names are reported after the
// objects that were found, with exit status 1.
import { hasReason } from '../machinery/errors.ts';
import type { KubeObject } from '../machinery/types.ts';
import { buildTable, renderGet, type GetSection } from '../printers/index.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError } from './errors.ts';
import type { FlagSpec } from './flags.ts';
import { watchResources } from './get-watch.ts';
import { findJsonPathValues, parseJsonPath, relaxedJsonPath, type JsonPathTemplate } from './jsonpath.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { formatObjects, outputFlag, parseOutput } from './output.ts';
import { fetchResources, parseResourceArgs, typeForManifest, type FetchedGroup, type ResourceRequest } from './resources.ts';

export const selectorFlag: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin' (e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
};
export const fieldSelectorFlag: FlagSpec = {
  name: 'field-selector',
  type: 'string',
  usage: "Selector (field query) to filter on, supports '=', '==', and '!=' (e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
};
export const allNamespacesFlag: FlagSpec = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  usage: 'If present, list the requested objects across all namespaces. The namespace in the current context is ignored even if given with --namespace.',
};

const flags: FlagSpec[] = [
  allNamespacesFlag,
  { name: 'allow-missing-template-keys', type: 'bool', default: 'true', usage: 'If true, ignore errors in templates when a field or map key is missing. Applies to the jsonpath output formats.' },
  { name: 'chunk-size', type: 'int', default: '500', usage: 'Return large lists in chunks of this size. The simulator answers in one piece; the output is the same.' },
  fieldSelectorFlag,
  ...filenameFlags('get'),
  { name: 'ignore-not-found', type: 'bool', usage: 'If set, a name that does not exist is not an error, and nothing is printed for it.' },
  { name: 'label-columns', short: 'L', type: 'stringSlice', usage: 'Labels to show as columns, one column per label key (e.g. -L app -L tier, or -L app,tier).' },
  { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, leave the column headers out.' },
  outputFlag(true),
  { name: 'output-watch-events', type: 'bool', usage: 'With --watch or --watch-only, add a column with the kind of each event (ADDED, MODIFIED, DELETED).' },
  selectorFlag,
  { name: 'show-kind', type: 'bool', usage: 'If present, prefix each name with its resource type.' },
  { name: 'show-labels', type: 'bool', usage: 'When printing, add a last column with all the labels of each object.' },
  { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'sort-by', type: 'string', usage: "If non-empty, sort the list by this field, given as a JSONPath expression (e.g. '{.metadata.name}'). The field must be a string or a number." },
  { name: 'watch', short: 'w', type: 'bool', usage: 'After listing or getting the requested objects, keep printing the changes to them.' },
  { name: 'watch-only', type: 'bool', usage: 'Print the changes to the requested objects, without listing or getting them first.' },
];

export const get: KubectlCommand = {
  name: 'get',
  group: 'Basic Commands (Intermediate)',
  short: 'Show one or many resources',
  long: `Show one or many resources.

 Prints a table with the most important facts about the resources asked for. Narrow the list down with a label selector (-l) or a field selector (--field-selector). Namespaced resources are listed in the current namespace unless you pass --namespace or --all-namespaces.

 With -o you can print the full objects (yaml, json), just their names, or the fields you pick (jsonpath, custom-columns).

Use "kubectl api-resources" for the complete list of resource types.`,
  example: `  # List the pods of the current namespace in a table
  kubectl get pods

  # List the pods with more columns (node, IP)
  kubectl get pods -o wide

  # Show one deployment as YAML
  kubectl get deployment web -o yaml

  # List pods and services together
  kubectl get pods,services

  # List pods in every namespace, with their labels
  kubectl get pods -A --show-labels

  # Print only the pod names
  kubectl get pods -o jsonpath='{.items[*].metadata.name}'

  # Watch pods change until Ctrl-C
  kubectl get pods --watch`,
  use: 'get [(-o|--output=)json|yaml|name|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags,
  run: runGet,
};

/** kubectl hides managedFields in -o yaml/json unless --show-managed-fields. */
export function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

async function runGet(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  const filenames = f.list('filename');
  if (inv.args.length === 0 && filenames.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      { raw: true },
    );
  }
  const format = parseOutput(inv, true);
  const labelSelector = f.string('selector');
  const fieldSelector = f.string('field-selector');
  const allNamespaces = f.bool('all-namespaces');

  let requests: ResourceRequest[];
  let singleItem: boolean;
  let multipleTypes: boolean;
  let byName: boolean;
  const readErrors: unknown[] = [];
  if (filenames.length) {
    if (inv.args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well');
    const read = await readManifests(inv, filenames, f.bool('recursive'));
    readErrors.push(...read.errors);
    requests = [];
    for (const m of read.manifests) {
      const rt = typeForManifest(m);
      const existing = requests.find((r) => r.rt === rt);
      if (existing) existing.names.push(m.object.metadata.name ?? '');
      else requests.push({ rt, names: [m.object.metadata.name ?? ''] });
    }
    singleItem = read.manifests.length === 1;
    multipleTypes = requests.length > 1;
    byName = true;
  } else {
    ({ requests, singleItem, multipleTypes, byName } = parseResourceArgs(inv.args));
    if (byName && (labelSelector || fieldSelector)) throw new KubectlError('name cannot be provided when a selector is specified');
  }

  if (f.bool('watch') || f.bool('watch-only')) {
    return watchResources(inv, requests, format, { labelSelector, fieldSelector, allNamespaces, byName });
  }

  const { groups, errors } = fetchResources(inv.host.client, requests, { namespace: inv.namespace, allNamespaces, labelSelector, fieldSelector });
  const ignoreNotFound = f.bool('ignore-not-found');
  const allErrors = [...readErrors, ...errors.filter((e) => !(ignoreNotFound && hasReason(e, 'NotFound')))];
  const sortBy = f.string('sort-by');
  if (sortBy) sortGroups(groups, sortBy);

  if (format.type === 'default' || format.type === 'wide') {
    const now = inv.now();
    const sections: GetSection[] = groups.map((g) => ({
      table: buildTable({ group: g.rt.group, kind: g.rt.kind }, g.objects, { now }),
      group: g.rt.group,
      kind: g.rt.kind,
      namespaced: g.rt.namespaced,
    }));
    const out = renderGet(sections, {
      wide: format.type === 'wide',
      noHeaders: f.bool('no-headers'),
      showLabels: f.bool('show-labels'),
      labelColumns: f.list('label-columns'),
      allNamespaces,
      namespace: inv.namespace,
      withKind: f.bool('show-kind') || multipleTypes || new Set(groups.filter((g) => g.objects.length).map((g) => g.rt)).size > 1,
    });
    inv.out(out.stdout);
    if (out.stderr && allErrors.length === 0 && !ignoreNotFound && !byName) inv.err(out.stderr);
  } else {
    const objects = groups.flatMap((g) => g.objects).map((o) => (f.bool('show-managed-fields') ? o : withoutManagedFields(o)));
    if (!(byName && objects.length === 0 && allErrors.length > 0)) {
      inv.out(formatObjects(format, objects, { single: singleItem && allErrors.length === 0, noHeaders: f.bool('no-headers') }));
    }
  }
  if (allErrors.length) throw new ErrorList(allErrors);
  return 0;
}

/** --sort-by: each type's objects ordered by the field (numbers by value, text by character). */
function sortGroups(groups: FetchedGroup[], expression: string): void {
  let template: JsonPathTemplate;
  const relaxed = relaxedJsonPath(expression);
  try {
    template = parseJsonPath(relaxed);
  } catch (e) {
    throw new KubectlError(`error parsing jsonpath ${relaxed}, ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const group of groups) {
    if (group.objects.length === 0) continue;
    const keyed = group.objects.map((obj) => ({ obj, value: findJsonPathValues(template, obj)[0] }));
    if (keyed.every((k) => k.value === undefined)) {
      throw new KubectlError(`couldn't find any field with path ${JSON.stringify(relaxed)} in the list of objects`);
    }
    keyed.sort((a, b) => compareValues(a.value, b.value));
    group.objects = keyed.map((k) => k.obj);
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const y = typeof b === 'object' ? JSON.stringify(b) : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
