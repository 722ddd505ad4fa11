// kubectl replace -f: PUT each object as written in the file (kubectl fills in the live
// resourceVersion when the file has none). --force deletes and re-creates instead.
import { hasReason } from '../machinery/errors.ts';
import { cloneJson } from '../machinery/json.ts';
import { refFor } from '../machinery/resources.ts';
import { placeObject } from './apply.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError, withSource } from './errors.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { dryRunFlag, dryRunSuffix, outputFlag, parseDryRun, parseOutput, printWriteResult } from './output.ts';
import { kindQuoted, typeForManifest } from './resources.ts';

export const replace: KubectlCommand = {
  name: 'replace',
  group: 'Advanced Commands',
  short: 'Replace a resource by file name or stdin',
  long: `Replace a resource by file name or stdin.

 The file must hold the complete object: fields missing from it are removed from the live object. To change a few fields, use apply or patch instead.`,
  example: `  # Replace a pod with the one in a file
  kubectl replace -f ./pod.yaml

  # Delete and re-create it
  kubectl replace --force -f ./pod.yaml`,
  use: 'replace -f FILENAME [flags]',
  flags: [
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-replace', usage: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('replace'),
    { name: 'force', type: 'bool', usage: 'If true, delete the resources and create them again.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'With --force: seconds the resource gets to stop gracefully. Ignored if negative.' },
    outputFlag(false),
    { name: 'save-config', type: 'bool', usage: 'If true, store the configuration of the object in its last-applied-configuration annotation.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  run: runReplace,
};

async function runReplace(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  if (inv.args.length) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`);
  const filenames = f.list('filename');
  if (filenames.length === 0) throw new UsageError('must specify --filename to replace');
  const format = parseOutput(inv, false);
  const dryRun = parseDryRun(inv);
  const read = await readManifests(inv, filenames, f.bool('recursive'), !['ignore', 'false'].includes(f.string('validate')));
  const errors: unknown[] = [...read.errors];
  if (read.manifests.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to replace');
  const client = inv.host.client;
  for (const manifest of read.manifests) {
    try {
      const rt = typeForManifest(manifest);
      const obj = cloneJson(manifest.object);
      const namespace = placeObject(inv, rt, obj);
      const name = obj.metadata.name ?? '';
      if (f.bool('force')) {
        try {
          const grace = f.int('grace-period');
          client.delete(refFor(rt), namespace, name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
          inv.out(`${kindQuoted(rt, name)} deleted\n`);
        } catch (err) {
          if (!hasReason(err, 'NotFound')) throw err;
        }
        delete obj.metadata.resourceVersion;
        const created = dryRun === 'client' ? obj : client.create(refFor(rt), obj, { fieldManager: f.string('field-manager'), dryRun: dryRun === 'server' });
        printWriteResult(inv, format, created, `replaced${dryRunSuffix(dryRun)}`);
        continue;
      }
      let result = obj;
      if (dryRun !== 'client') {
        try {
          if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = client.get(refFor(rt), namespace, name).metadata.resourceVersion;
          result = client.update(refFor(rt), obj, { fieldManager: f.string('field-manager'), dryRun: dryRun === 'server' });
        } catch (err) {
          throw withSource(err, 'replacing', manifest.source);
        }
      }
      printWriteResult(inv, format, result, `replaced${dryRunSuffix(dryRun)}`);
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length) throw new ErrorList(errors);
  return 0;
}
