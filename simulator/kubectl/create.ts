// kubectl create -f (one POST per object, failures reported per object) and the generators:
// create deployment, service, namespace, configmap, secret, job (one file each).
import { cloneJson } from '../machinery/json.ts';
import { refFor } from '../machinery/resources.ts';
import { placeObject, withLastApplied } from './apply.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { createConfigMap } from './create-configmap.ts';
import { createDeployment } from './create-deployment.ts';
import { createJob } from './create-job.ts';
import { createNamespace } from './create-namespace.ts';
import { createSecret } from './create-secret.ts';
import { createService } from './create-service.ts';
import { ErrorList, KubectlError, UsageError, withSource } from './errors.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { dryRunFlag, dryRunSuffix, outputFlag, parseDryRun, parseOutput, printWriteResult } from './output.ts';
import { typeForManifest } from './resources.ts';

export const create: KubectlCommand = {
  name: 'create',
  group: 'Basic Commands (Beginner)',
  short: 'Create a resource from a file or from stdin',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted. Unlike apply, create fails for objects that already exist.`,
  example: `  # Create the objects in a file
  kubectl create -f ./pod.yaml

  # Create from stdin
  cat pod.json | kubectl create -f -`,
  use: 'create -f FILENAME [flags]',
  flags: [
    dryRunFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' },
    ...filenameFlags('create'),
    outputFlag(false),
    { name: 'save-config', type: 'bool', usage: 'If true, store the configuration of the object in its kubectl.kubernetes.io/last-applied-configuration annotation, so that kubectl apply can manage it later.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false). Checks the objects before they are sent.' },
  ],
  subcommands: [createConfigMap, createDeployment, createJob, createNamespace, createSecret, createService],
  run: runCreate,
};

async function runCreate(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  const filenames = f.list('filename');
  if (inv.args.length) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`);
  if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
  const format = parseOutput(inv, false);
  const dryRun = parseDryRun(inv);
  const validate = !['ignore', 'false'].includes(f.string('validate'));
  const read = await readManifests(inv, filenames, f.bool('recursive'), validate);
  const errors: unknown[] = [...read.errors];
  if (read.manifests.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to create');
  for (const manifest of read.manifests) {
    try {
      const rt = typeForManifest(manifest);
      let obj = cloneJson(manifest.object);
      placeObject(inv, rt, obj);
      if (f.bool('save-config')) obj = withLastApplied(obj);
      let created = obj;
      if (dryRun !== 'client') {
        try {
          created = inv.host.client.create(refFor(rt), obj, { fieldManager: f.string('field-manager'), dryRun: dryRun === 'server' });
        } catch (err) {
          throw withSource(err, 'creating', manifest.source);
        }
      }
      printWriteResult(inv, format, created, `created${dryRunSuffix(dryRun)}`);
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length) throw new ErrorList(errors);
  return 0;
}
