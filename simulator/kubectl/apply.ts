// kubectl apply -f: client-side apply as kubectl does it. A new object is created carrying the
// kubectl.kubernetes.io/last-applied-configuration annotation (the manifest as compact JSON);
// an existing one gets a three-way strategic merge patch (last applied, new manifest, live
// object), or nothing at all ("unchanged") when the patch is empty. --server-side sends the
// manifest as an apply patch instead. Each object is reported on its own line; failures are
// collected and printed after the objects that worked.
import { hasReason, isApiError } from '../machinery/errors.ts';
import { cloneJson, deepEqual } from '../machinery/json.ts';
import { schemaForKind } from '../machinery/patch/patch-schema.ts';
import { refFor } from '../machinery/resources.ts';
import type { KubeObject, ResourceType } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError, withSource } from './errors.ts';
import { filenameFlags, readManifests, rejectKustomize, type Manifest } from './manifests.ts';
import { dryRunFlag, dryRunSuffix, formatObjects, objectName, outputFlag, parseDryRun, parseOutput, type DryRun } from './output.ts';
import { toCompactJson } from './output-json.ts';
import { typeForManifest } from './resources.ts';
import { threeWayMergePatch, threeWayStrategicPatch } from './three-way-patch.ts';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

const conflictHelp = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

export const apply: KubectlCommand = {
  name: 'apply',
  group: 'Advanced Commands',
  short: 'Apply a configuration to resources from files or stdin',
  long: `Apply a configuration to resources from files or stdin. Objects that do not exist yet are created; existing ones are changed to match the files.

 Write the files in JSON or YAML; several objects may share a file, separated by ---. Folders are read file by file (-R goes into subfolders).

 kubectl apply remembers what it applied in the kubectl.kubernetes.io/last-applied-configuration annotation, so that a field you remove from the file is removed from the object too.`,
  example: `  # Apply the manifest in a file
  kubectl apply -f ./deployment.yaml

  # Apply every manifest in a folder
  kubectl apply -f ./manifests/

  # Apply a manifest from stdin
  cat pod.yaml | kubectl apply -f -

  # See what would happen, without changing anything
  kubectl apply -f ./deployment.yaml --dry-run=server`,
  use: 'apply (-f FILENAME | -k DIRECTORY) [flags]',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types (only used with --prune, which is not available here).' },
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('apply'),
    { name: 'force-conflicts', type: 'bool', usage: 'With --server-side, take over fields that other managers own instead of failing.' },
    outputFlag(false),
    { name: 'server-side', type: 'bool', usage: 'If true, the API server merges the configuration (server-side apply) instead of kubectl.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false). Checks the objects before they are sent.' },
  ],
  run: runApply,
};

async function runApply(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  const filenames = f.list('filename');
  if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
  if (inv.args.length) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`);
  const format = parseOutput(inv, false);
  const dryRun = parseDryRun(inv);
  const validate = !['ignore', 'false'].includes(f.string('validate'));
  const read = await readManifests(inv, filenames, f.bool('recursive'), validate);
  const errors: unknown[] = [...read.errors];
  if (read.manifests.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
  for (const manifest of read.manifests) {
    try {
      if (f.bool('server-side')) applyServerSide(inv, manifest, format, dryRun);
      else applyClientSide(inv, manifest, format, dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length) throw new ErrorList(errors);
  return 0;
}

/** Namespace the object will live in, checked against -n like kubectl's builder does. */
export function placeObject(inv: Invocation, rt: ResourceType, obj: KubeObject): string | undefined {
  if (!rt.namespaced) {
    delete obj.metadata.namespace;
    return undefined;
  }
  const own = obj.metadata.namespace;
  if (own && inv.namespaceExplicit && own !== inv.namespace) {
    throw new KubectlError(
      `the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(inv.namespace)}. You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  obj.metadata.namespace = own || inv.namespace;
  return obj.metadata.namespace;
}

/** The manifest with its last-applied annotation, as kubectl computes "modified". */
export function withLastApplied(obj: KubeObject): KubeObject {
  const copy = cloneJson(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[lastAppliedAnnotation];
  copy.metadata.annotations = annotations;
  const applied = `${toCompactJson(copy)}\n`;
  copy.metadata.annotations = { ...annotations, [lastAppliedAnnotation]: applied };
  return copy;
}

function report(inv: Invocation, format: ReturnType<typeof parseOutput>, obj: KubeObject, verb: string): void {
  if (format.type === 'default') inv.out(`${objectName(obj)} ${verb}\n`);
  else inv.out(formatObjects(format, [obj], { single: true }));
}

function applyClientSide(inv: Invocation, manifest: Manifest, format: ReturnType<typeof parseOutput>, dryRun: DryRun): void {
  const rt = typeForManifest(manifest);
  const obj = cloneJson(manifest.object);
  const namespace = placeObject(inv, rt, obj);
  const name = obj.metadata.name;
  if (!name) {
    if (obj.metadata.generateName) throw new KubectlError(`from ${obj.metadata.generateName}: cannot use generate name with apply`);
    throw new KubectlError(
      `error when retrieving current configuration of:\nResource: "${infoResource(rt)}", GroupVersionKind: "${infoKind(rt)}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${manifest.source}": resource name may not be empty`,
    );
  }
  const modified = withLastApplied(obj);
  const client = inv.host.client;
  const fieldManager = inv.flags.string('field-manager');
  let live: KubeObject | undefined;
  try {
    live = client.get(refFor(rt), namespace, name);
  } catch (err) {
    if (!hasReason(err, 'NotFound')) throw withSource(err, 'retrieving current configuration of', manifest.source);
  }
  if (!live) {
    let created = modified;
    if (dryRun !== 'client') {
      try {
        created = client.create(refFor(rt), modified, { fieldManager, dryRun: dryRun === 'server' });
      } catch (err) {
        throw withSource(err, 'creating', manifest.source);
      }
    }
    report(inv, format, created, `created${dryRunSuffix(dryRun)}`);
    return;
  }
  const lastApplied = live.metadata.annotations?.[lastAppliedAnnotation];
  if (lastApplied === undefined) {
    inv.err(
      `Warning: resource ${rt.plural}/${name} is missing the ${lastAppliedAnnotation} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  let original: Record<string, unknown> | undefined;
  try {
    original = lastApplied ? (JSON.parse(lastApplied) as Record<string, unknown>) : undefined;
  } catch {
    original = undefined;
  }
  const strategic = !isCustomResource(rt);
  const patch = strategic ? threeWayStrategicPatch(original, modified, live, schemaForKind(rt.kind)) : threeWayMergePatch(original, modified, live);
  if (Object.keys(patch).length === 0) {
    report(inv, format, live, `unchanged${dryRunSuffix(dryRun)}`);
    return;
  }
  let result = live;
  if (dryRun !== 'client') {
    try {
      result = client.patch(refFor(rt), namespace, name, strategic ? 'strategic' : 'merge', patch, { fieldManager, dryRun: dryRun === 'server' });
    } catch (err) {
      if (isApiError(err) && err.status.reason !== 'Invalid') {
        throw withSource(err, `applying patch:\n${toCompactJson(patch)}\nto:\n${infoText(rt, name, namespace)}\nfor:`, manifest.source);
      }
      throw err;
    }
  }
  report(inv, format, result, `configured${dryRunSuffix(dryRun)}`);
}

function applyServerSide(inv: Invocation, manifest: Manifest, format: ReturnType<typeof parseOutput>, dryRun: DryRun): void {
  if (dryRun === 'client') throw new KubectlError('--dry-run=client doesn\'t work with --server-side (did you mean --dry-run=server instead?)');
  const rt = typeForManifest(manifest);
  const obj = cloneJson(manifest.object);
  const namespace = placeObject(inv, rt, obj);
  const fieldManager = inv.flags.changed('field-manager') ? inv.flags.string('field-manager') : 'kubectl';
  const client = inv.host.client;
  let before: KubeObject | undefined;
  try {
    before = client.get(refFor(rt), namespace, obj.metadata.name ?? '');
  } catch {
    before = undefined;
  }
  let result: KubeObject;
  try {
    result = client.patch(refFor(rt), namespace, obj.metadata.name ?? '', 'apply', obj, {
      fieldManager,
      force: inv.flags.bool('force-conflicts'),
      dryRun: dryRun === 'server',
    });
  } catch (err) {
    if (isApiError(err) && err.status.reason === 'Conflict' && err.status.message.startsWith('Apply failed')) {
      throw new KubectlError(`${err.status.message}\n${conflictHelp}`);
    }
    throw err;
  }
  const unchanged = before !== undefined && deepEqual(before, result);
  report(inv, format, result, `${unchanged && dryRun === 'server' ? 'unchanged' : 'serverside-applied'}${dryRunSuffix(dryRun)}`);
}

export function isCustomResource(rt: ResourceType): boolean {
  return rt.group === 'gateway.networking.k8s.io' || rt.group.endsWith('.x-k8s.io');
}

function infoResource(rt: ResourceType): string {
  return `${rt.group ? `${rt.group}/` : ''}${rt.version}, Resource=${rt.plural}`;
}

function infoKind(rt: ResourceType): string {
  return `${rt.group ? `${rt.group}/` : ''}${rt.version}, Kind=${rt.kind}`;
}

/** cli-runtime's Info.String(): how kubectl names an object in long error messages. */
export function infoText(rt: ResourceType, name: string, namespace: string | undefined): string {
  return `Resource: "${infoResource(rt)}", GroupVersionKind: "${infoKind(rt)}"\nName: "${name}", Namespace: "${namespace ?? ''}"`;
}
