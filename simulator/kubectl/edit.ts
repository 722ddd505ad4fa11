// kubectl edit: the object goes into a YAML file under /tmp in the workspace, the page's editor
// panel opens it (EditorHost), and on save kubectl sends the difference as a patch. Like
// upstream, a file with a syntax error or a change the server rejects is reopened with the
// reasons as comments at the top; saving it unchanged gives up and keeps the file.
import { isApiError } from '../machinery/errors.ts';
import { cloneJson, deepEqual } from '../machinery/json.ts';
import { schemaForKind } from '../machinery/patch/patch-schema.ts';
import { refFor } from '../machinery/resources.ts';
import type { KubeObject, ResourceType } from '../machinery/types.ts';
import { parseAllDocuments } from 'yaml';
import { isCustomResource, lastAppliedAnnotation, withLastApplied } from './apply.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError } from './errors.ts';
import { withoutManagedFields } from './get.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { asList, objectName, outputFlag, parseOutput, formatObjects } from './output.ts';
import { toYaml } from './output-yaml.ts';
import { fetchResources, parseResourceArgs, typeForManifest, type ResourceRequest } from './resources.ts';
import { twoWayStrategicPatch } from './three-way-patch.ts';

const header = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

let editCount = 0;

export const edit: KubectlCommand = {
  name: 'edit',
  group: 'Basic Commands (Intermediate)',
  short: 'Edit a resource on the server',
  long: `Edit a resource from the default editor.

 In the in-browser terminal the object opens in the editor panel as YAML. Save to send your changes; close without saving to cancel. If the change cannot be saved, the file opens again with the reasons as comments at the top.`,
  example: `  # Edit the deployment named web
  kubectl edit deployment web

  # Edit a service in another namespace
  kubectl edit svc/kube-dns -n kube-system`,
  use: 'edit (RESOURCE/NAME | -f FILENAME) [flags]',
  flags: [
    { name: 'field-manager', type: 'string', default: 'kubectl-edit', usage: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('edit'),
    outputFlag(false),
    { name: 'save-config', type: 'bool', usage: 'If true, store the edited configuration in the last-applied-configuration annotation.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  run: runEdit,
};

interface Reason {
  head: string;
  other: string[];
}

function fileText(reasons: Reason[], body: string): string {
  let text = header;
  for (const r of reasons) {
    text += r.other.length ? `# ${r.head}:\n` : `# ${r.head}\n`;
    for (const o of r.other) text += `# * ${o}\n`;
    text += '#\n';
  }
  return text + body;
}

function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

async function runEdit(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const editor = inv.host.editor;
  if (!editor) throw new KubectlError('kubectl edit needs the editor panel, which this terminal does not have');
  const f = inv.flags;
  const format = parseOutput(inv, false);
  let requests: ResourceRequest[];
  const filenames = f.list('filename');
  if (filenames.length) {
    const read = await readManifests(inv, filenames, f.bool('recursive'));
    if (read.errors.length) throw new ErrorList(read.errors);
    requests = read.manifests.map((m) => ({ rt: typeForManifest(m), names: [m.object.metadata.name ?? ''] }));
  } else {
    if (inv.args.length === 0) throw new KubectlError('You must provide one or more resources by argument or filename.');
    requests = parseResourceArgs(inv.args).requests;
  }
  const fetched = fetchResources(inv.host.client, requests, { namespace: inv.namespace });
  if (fetched.errors.length) throw new ErrorList(fetched.errors);
  const originals = fetched.groups.flatMap((g) => g.objects.map((obj) => ({ rt: g.rt, obj })));
  if (originals.length === 0) throw new KubectlError('no objects passed to edit');
  const shown = originals.map((o) => withoutManagedFields(o.obj));
  const body = toYaml(shown.length === 1 ? shown[0] : asList(shown));
  const fs = inv.shell.fs;
  const path = `/tmp/kubectl-edit-${String(++editCount).padStart(4, '0')}.yaml`;
  fs.mkdir('/tmp', { recursive: true });
  fs.writeFile(path, fileText([], body));

  let previousAttempt: string | undefined;
  for (;;) {
    const saved = await editor.edit(path, inv.shell.signal);
    const edited = withoutComments(fs.readFile(path));
    if (!saved || edited.trim() === '' || edited === withoutComments(body)) {
      if (previousAttempt !== undefined) return keepAndFail(inv, path);
      fs.remove(path);
      inv.out('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (previousAttempt !== undefined && edited === previousAttempt) return keepAndFail(inv, path);
    previousAttempt = edited;
    const parsed = parseEdited(edited);
    if (typeof parsed === 'string') {
      fs.writeFile(path, fileText([{ head: `The edited file had a syntax error: ${parsed}`, other: [] }], edited.replace(/^\n+/, '')));
      continue;
    }
    const reasons: Reason[] = [];
    const errors: unknown[] = [];
    let changedAny = false;
    for (const [i, original] of originals.entries()) {
      const next = parsed[i];
      if (!next || next.kind !== original.obj.kind || next.apiVersion !== original.obj.apiVersion || next.metadata?.name !== original.obj.metadata.name) {
        throw new KubectlError('At least one of apiVersion, kind and name was changed');
      }
      try {
        const result = sendEdit(inv, original.rt, shown[i]!, next);
        if (result) {
          changedAny = true;
          if (format.type === 'default') inv.out(`${objectName(result)} edited\n`);
          else inv.out(formatObjects(format, [result], { single: true }));
        }
      } catch (err) {
        if (isApiError(err) && err.status.reason === 'Invalid') {
          const d = err.status.details;
          reasons.push({
            head: `${original.rt.group ? `${original.rt.plural}.${original.rt.group}` : original.rt.plural} ${JSON.stringify(original.obj.metadata.name)} was not valid`,
            other: (d?.causes ?? []).map((c) => `${c.field}: ${c.message}`),
          });
        } else errors.push(err);
      }
    }
    if (reasons.length) {
      fs.writeFile(path, fileText(reasons, edited.replace(/^\n+/, '')));
      continue;
    }
    if (errors.length) {
      inv.err(`A copy of your changes has been stored to "${path}"\n`);
      throw new ErrorList(errors);
    }
    fs.remove(path);
    if (!changedAny) inv.out('Edit cancelled, no changes made.\n');
    return 0;
  }
}

function keepAndFail(inv: Invocation, path: string): never {
  inv.err(`A copy of your changes has been stored to "${path}"\n`);
  throw new KubectlError('Edit cancelled, no valid changes were saved.');
}

function parseEdited(text: string): KubeObject[] | string {
  const docs = parseAllDocuments(text, { version: '1.1' });
  const objects: KubeObject[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) return `error converting YAML to JSON: yaml: ${err.message.split('\n')[0]}`;
    const value = doc.toJS() as KubeObject | null;
    if (!value) continue;
    if (value.kind === 'List' && Array.isArray((value as { items?: unknown }).items)) objects.push(...((value as unknown as { items: KubeObject[] }).items));
    else objects.push(value);
  }
  return objects;
}

/** Sends the edit as a patch; undefined when there was nothing to change. */
function sendEdit(inv: Invocation, rt: ResourceType, original: KubeObject, edited: KubeObject): KubeObject | undefined {
  let target = cloneJson(edited);
  if (original.metadata.annotations?.[lastAppliedAnnotation] !== undefined || inv.flags.bool('save-config')) target = withLastApplied(target);
  if (deepEqual(target, original)) return undefined;
  const strategic = !isCustomResource(rt);
  const patch = strategic ? twoWayStrategicPatch(original, target, schemaForKind(rt.kind)) : twoWayStrategicPatch(original, target, {});
  if (Object.keys(patch).length === 0) return undefined;
  return inv.host.client.patch(refFor(rt), original.metadata.namespace || undefined, original.metadata.name!, strategic ? 'strategic' : 'merge', patch, {
    fieldManager: inv.flags.string('field-manager'),
  });
}
