// kubectl label and kubectl annotate: `key=value` sets, `key-` removes, --overwrite allows
// changing an existing value. Targets are names, TYPE/NAME, -f files, -l selectors or --all.
// The change goes out as a JSON merge patch on metadata.labels / metadata.annotations.
import { refFor } from '../machinery/resources.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError } from './errors.ts';
import { selectorFlag } from './get.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { dryRunFlag, dryRunSuffix, formatObjects, objectName, outputFlag, parseDryRun, parseOutput } from './output.ts';
import { fetchResources, parseResourceArgs, typeForManifest, type ResourceRequest } from './resources.ts';

interface Kind {
  command: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  noun: 'label' | 'annotation';
}

const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function parseChanges(kind: Kind, pairs: string[]): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq >= 0) {
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (key === '' || (kind.field === 'labels' && value.includes('='))) throw new KubectlError(`invalid ${kind.noun} spec: ${pair}`);
      if (kind.field === 'labels' && !labelValue.test(value)) {
        throw new KubectlError(
          `invalid label value: ${JSON.stringify(pair)}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        );
      }
      set[key] = value;
    } else if (pair.endsWith('-')) {
      remove.push(pair.slice(0, -1));
    } else throw new KubectlError(`invalid ${kind.noun} spec: ${pair}`);
  }
  for (const key of remove) {
    if (key in set) throw new KubectlError(`can not both modify and remove ${kind.noun === 'label' ? 'a label' : 'an annotation'} in the same command`);
  }
  return { set, remove };
}

export function labelOrAnnotate(kind: Kind): KubectlCommand {
  const isLabel = kind.command === 'label';
  return {
    name: kind.command,
    group: 'Settings Commands',
    short: isLabel ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    long: isLabel
      ? `Update the labels on a resource.

 A label key and value must each be 63 characters or less, start and end with a letter or digit, and contain only letters, digits, '-', '_' and '.'. A key may have a DNS subdomain prefix (example.com/key).
 Changing an existing label needs --overwrite. key- removes the label key.`
      : `Update the annotations on one or more resources.

 Annotations are key/value pairs for tools and people; values can be long text. Changing an existing annotation needs --overwrite. key- removes the annotation key.`,
    example: isLabel
      ? `  # Add the label tier=frontend to a deployment
  kubectl label deployment web tier=frontend

  # Change an existing label
  kubectl label deployment web tier=backend --overwrite

  # Remove the label tier
  kubectl label deployment web tier-

  # Label every pod in the namespace
  kubectl label pods --all status=checked`
      : `  # Add a note to a deployment
  kubectl annotate deployment web note='owned by team a'

  # Change it
  kubectl annotate deployment web note='owned by team b' --overwrite

  # Remove it
  kubectl annotate deployment web note-`,
    use: isLabel
      ? 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [flags]'
      : 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [flags]',
    flags: [
      { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types.' },
      { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If true, check the specified action in all namespaces.' },
      dryRunFlag,
      { name: 'field-manager', type: 'string', default: `kubectl-${kind.command}`, usage: 'Name of the manager used to track field ownership.' },
      { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='." },
      ...filenameFlags(`${kind.command}`),
      outputFlag(false),
      { name: 'overwrite', type: 'bool', usage: `If true, allow ${kind.noun}s to be overwritten, otherwise reject ${kind.noun} updates that overwrite existing ${kind.noun}s.` },
      selectorFlag,
    ],
    run: (inv) => run(inv, kind),
  };
}

async function run(inv: Invocation, kind: Kind): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  const resourceArgs = inv.args.filter((a) => !(a.includes('=') || a.endsWith('-')));
  const pairs = inv.args.filter((a) => a.includes('=') || a.endsWith('-'));
  const filenames = f.list('filename');
  if (resourceArgs.length === 0 && filenames.length === 0) {
    throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (pairs.length === 0) throw new UsageError(`at least one ${kind.noun} update is required`);
  const { set, remove } = parseChanges(kind, pairs);
  const format = parseOutput(inv, false);
  const dryRun = parseDryRun(inv);
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  if (filenames.length) {
    const read = await readManifests(inv, filenames, f.bool('recursive'));
    errors.push(...read.errors);
    requests = read.manifests.map((m) => ({ rt: typeForManifest(m), names: [m.object.metadata.name ?? ''] }));
  } else {
    const parsed = parseResourceArgs(resourceArgs);
    if (!parsed.byName && !f.bool('all') && !f.string('selector') && !f.string('field-selector')) {
      throw new KubectlError('resource(s) were provided, but no name was specified');
    }
    requests = parsed.requests;
  }
  const fetched = fetchResources(inv.host.client, requests, {
    namespace: inv.namespace,
    allNamespaces: f.bool('all-namespaces'),
    labelSelector: f.string('selector'),
    fieldSelector: f.string('field-selector'),
  });
  errors.push(...fetched.errors);
  for (const group of fetched.groups) {
    for (const obj of group.objects) {
      try {
        applyChange(inv, kind, group.rt, obj, set, remove, format, dryRun);
      } catch (err) {
        errors.push(err);
      }
    }
  }
  if (errors.length) throw new ErrorList(errors);
  return 0;
}

function applyChange(
  inv: Invocation,
  kind: Kind,
  rt: ReturnType<typeof typeForManifest>,
  obj: KubeObject,
  set: Record<string, string>,
  remove: string[],
  format: ReturnType<typeof parseOutput>,
  dryRun: ReturnType<typeof parseDryRun>,
): void {
  const current = { ...(obj.metadata[kind.field] ?? {}) };
  const overwrite = inv.flags.bool('overwrite');
  if (!overwrite) {
    for (const [key, value] of Object.entries(set)) {
      if (key in current && current[key] !== value) throw new KubectlError(`'${key}' already has a value (${current[key]}), and --overwrite is false`);
    }
  }
  const next = { ...current };
  for (const key of remove) {
    if (!(key in next) && kind.field === 'labels') inv.out(`label ${JSON.stringify(key)} not found.\n`);
    delete next[key];
  }
  Object.assign(next, set);
  const changes: Record<string, string | null> = {};
  for (const key of remove) if (key in current) changes[key] = null;
  for (const [key, value] of Object.entries(set)) if (current[key] !== value) changes[key] = value;
  let result = obj;
  if (Object.keys(changes).length && dryRun !== 'client') {
    result = inv.host.client.patch(refFor(rt), obj.metadata.namespace || undefined, obj.metadata.name!, 'merge', { metadata: { [kind.field]: changes } }, {
      fieldManager: inv.flags.string('field-manager'),
      dryRun: dryRun === 'server',
    });
  } else if (Object.keys(changes).length) {
    result = { ...obj, metadata: { ...obj.metadata, [kind.field]: next } };
  }
  let verb: string;
  if (kind.command === 'annotate') verb = 'annotated';
  else if (Object.keys(changes).length === 0) verb = 'not labeled';
  else verb = !overwrite && Object.keys(next).length < Object.keys(current).length ? 'unlabeled' : 'labeled';
  if (format.type === 'default') inv.out(`${objectName(result)} ${verb}${dryRunSuffix(dryRun)}\n`);
  else inv.out(formatObjects(format, [result], { single: true }));
}

export const label = labelOrAnnotate({ command: 'label', field: 'labels', noun: 'label' });
export const annotate = labelOrAnnotate({ command: 'annotate', field: 'annotations', noun: 'annotation' });
