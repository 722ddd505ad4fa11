// kubectl describe: the long, human-oriented view of objects (simulator/describe renders it).
// Like upstream, a name that matches no object exactly describes every object whose name starts
// with it (`kubectl describe pod web` finds web-7d4b9c-x2x4z).
import { describeAll } from '../describe/index.ts';
import { hasReason } from '../machinery/errors.ts';
import { refFor } from '../machinery/resources.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError } from './errors.ts';
import { allNamespacesFlag, selectorFlag } from './get.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { parseResourceArgs, typeForManifest, type ResourceRequest } from './resources.ts';

export const describe: KubectlCommand = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Show the details of a resource or a group of resources',
  long: `Show the details of a resource or a group of resources, including related events.

 With a name, kubectl first looks for an object of exactly that name, then for every object whose name starts with it. Without a name it describes every object of the type (narrowed by -l).

Use "kubectl api-resources" for the complete list of resource types.`,
  example: `  # Describe a pod
  kubectl describe pod web-7d4b9c-x2x4z

  # Describe every pod of a deployment by name prefix
  kubectl describe pods web

  # Describe the pods labelled app=web
  kubectl describe pods -l app=web`,
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [flags]',
  flags: [
    allNamespacesFlag,
    { name: 'chunk-size', type: 'int', default: '500', usage: 'Return large lists in chunks of this size. The simulator answers in one piece.' },
    ...filenameFlags('describe'),
    selectorFlag,
    { name: 'show-events', type: 'bool', default: 'true', usage: 'If true, show the events related to the described object.' },
  ],
  run: runDescribe,
};

async function runDescribe(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  const client = inv.host.client;
  const filenames = f.list('filename');
  const errors: unknown[] = [];
  let requests: ResourceRequest[] = [];
  if (filenames.length) {
    const read = await readManifests(inv, filenames, f.bool('recursive'));
    errors.push(...read.errors);
    for (const m of read.manifests) requests.push({ rt: typeForManifest(m), names: [m.object.metadata.name ?? ''] });
  } else {
    if (inv.args.length === 0) {
      throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', { raw: true });
    }
    requests = parseResourceArgs(inv.args).requests;
  }
  const allNamespaces = f.bool('all-namespaces');
  const labelSelector = f.string('selector') || undefined;
  const objects: KubeObject[] = [];
  for (const { rt, names } of requests) {
    const namespace = rt.namespaced ? inv.namespace : undefined;
    if (names.length === 0) {
      objects.push(...client.list(refFor(rt), { namespace: allNamespaces ? undefined : namespace, labelSelector }).items);
      continue;
    }
    for (const name of names) {
      try {
        objects.push(client.get(refFor(rt), namespace, name));
      } catch (err) {
        if (!hasReason(err, 'NotFound')) throw err;
        const byPrefix = client.list(refFor(rt), { namespace, labelSelector }).items.filter((o) => o.metadata.name?.startsWith(name));
        if (byPrefix.length) objects.push(...byPrefix);
        else errors.push(err);
      }
    }
  }
  if (objects.length) {
    const reader = f.bool('show-events') ? client : { list: ((ref, opts) => (ref.resource === 'events' ? { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [] } : client.list(ref, opts))) as typeof client.list };
    inv.out(describeAll(objects, reader, inv.now()));
  } else if (errors.length === 0) {
    inv.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  if (errors.length) throw new ErrorList(errors);
  return 0;
}
