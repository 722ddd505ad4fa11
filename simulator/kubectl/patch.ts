// kubectl patch: a strategic merge patch (the default), a JSON merge patch (--type merge) or a
// JSON patch (--type json), given inline with -p (JSON or YAML) or in a file (--patch-file).
// "patched (no change)" when the server's answer is the object as it was.
import { parse as parseYaml } from 'yaml';
import { refFor } from '../machinery/resources.ts';
import type { PatchType, Subresource } from '../machinery/types.ts';
import { isCustomResource } from './apply.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError } from './errors.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { dryRunFlag, dryRunSuffix, formatObjects, objectName, outputFlag, parseDryRun, parseOutput } from './output.ts';
import { fetchResources, parseResourceArgs, typeForManifest, type ResourceRequest } from './resources.ts';

export const patch: KubectlCommand = {
  name: 'patch',
  group: 'Advanced Commands',
  short: 'Update fields of a resource',
  long: `Update fields of a resource with a strategic merge patch, a JSON merge patch, or a JSON patch.

 The patch may be written in JSON or YAML. Custom resources do not support strategic merge patches; use --type merge or --type json for them.`,
  example: `  # Scale a deployment with a strategic merge patch
  kubectl patch deployment web -p '{"spec":{"replicas":3}}'

  # The same with a JSON merge patch
  kubectl patch deployment web --type merge -p '{"spec":{"replicas":3}}'

  # Change the image of the first container with a JSON patch
  kubectl patch deployment web --type json -p '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "nginx:1.27"}]'`,
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [flags]',
  flags: [
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-patch', usage: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('patch'),
    outputFlag(false),
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'subresource', type: 'string', usage: "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]." },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  run: runPatch,
};

async function runPatch(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  const type = f.string('type');
  if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(type)}`);
  let text = f.string('patch');
  if (f.changed('patch-file')) {
    if (text) throw new KubectlError('patch and patch-file are mutually exclusive');
    const path = inv.shell.resolve(f.string('patch-file'));
    if (!inv.shell.fs.isFile(path)) throw new KubectlError(`unable to read patch file: open ${f.string('patch-file')}: no such file or directory`);
    text = inv.shell.fs.readFile(path);
  }
  if (!text) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  let body: unknown;
  try {
    body = parseYaml(text, { version: '1.1' });
  } catch (e) {
    throw new KubectlError(`unable to parse ${JSON.stringify(text)}: yaml: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const subresource = f.string('subresource');
  if (subresource && subresource !== 'status' && subresource !== 'scale') throw new KubectlError(`invalid subresource value: ${JSON.stringify(subresource)}. Must be one of [status scale]`);
  const format = parseOutput(inv, false);
  const dryRun = parseDryRun(inv);
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  const filenames = f.list('filename');
  if (filenames.length) {
    const read = await readManifests(inv, filenames, f.bool('recursive'));
    errors.push(...read.errors);
    requests = read.manifests.map((m) => ({ rt: typeForManifest(m), names: [m.object.metadata.name ?? ''] }));
  } else {
    if (inv.args.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.');
    const parsed = parseResourceArgs(inv.args);
    if (!parsed.byName) throw new KubectlError('resource(s) were provided, but no name was specified');
    requests = parsed.requests;
  }
  const fetched = fetchResources(inv.host.client, requests, { namespace: inv.namespace });
  errors.push(...fetched.errors);
  for (const group of fetched.groups) {
    for (const before of group.objects) {
      try {
        if (type === 'strategic' && isCustomResource(group.rt)) {
          throw new KubectlError(
            `application/strategic-merge-patch+json is not supported by ${group.rt.group}/${group.rt.version}, Kind=${group.rt.kind}: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
          );
        }
        const after = inv.host.client.patch(refFor(group.rt), before.metadata.namespace || undefined, before.metadata.name!, type as PatchType, body, {
          fieldManager: f.string('field-manager'),
          dryRun: dryRun !== 'none',
          subresource: (subresource || undefined) as Subresource | undefined,
        });
        const changed = after.metadata.resourceVersion !== before.metadata.resourceVersion || dryRun !== 'none';
        if (format.type === 'default') inv.out(`${objectName(before)} patched${changed ? '' : ' (no change)'}${dryRunSuffix(dryRun)}\n`);
        else inv.out(formatObjects(format, [after], { single: true }));
      } catch (err) {
        errors.push(err);
      }
    }
  }
  if (errors.length) throw new ErrorList(errors);
  return 0;
}
