// kubectl delete: by names, TYPE/NAME, -f files, -l selectors or --all. Each object is reported
// as soon as the API accepted the delete (`pod "web" deleted`); then, with --wait (the default),
// kubectl waits on the cluster's clock until every deleted object is really gone — a Pod's
// graceful termination, finalizers, a namespace being emptied. Ctrl-C stops the waiting.
import { hasReason, isApiError } from '../machinery/errors.ts';
import { refFor } from '../machinery/resources.ts';
import type { DeleteOptions, KubeObject, ResourceType, Status } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, withSource } from './errors.ts';
import { fieldSelectorFlag, selectorFlag } from './get.ts';
import { filenameFlags, readManifests, rejectKustomize } from './manifests.ts';
import { kindName, kindQuoted, parseResourceArgs, typeForManifest } from './resources.ts';

const forceWarning =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  group: 'Basic Commands (Intermediate)',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: `Delete resources by file names, stdin, resources and names, or by resources and a label selector.

 Some resources take time to go: a pod gets a grace period to shut its containers down (30 seconds unless it says otherwise), and objects with finalizers stay until their controllers finish. kubectl waits for that unless you pass --wait=false.

 --force with --grace-period=0 removes a pod from the API at once, without waiting for its containers to stop.`,
  example: `  # Delete the objects defined in a file
  kubectl delete -f ./pod.yaml

  # Delete a pod and a service by name
  kubectl delete pod web service/web

  # Delete the pods labelled app=web
  kubectl delete pods -l app=web

  # Delete a pod without waiting for it to stop
  kubectl delete pod web --now --wait=false

  # Delete every pod in the current namespace
  kubectl delete pods --all`,
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [flags]',
  flags: [
    { name: 'all', type: 'bool', usage: 'Delete all resources of the given types in the namespace.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested objects across all namespaces.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". How dependents (such as the pods of a ReplicaSet) are deleted. Defaults to background.' },
    fieldSelectorFlag,
    ...filenameFlags('delete'),
    { name: 'force', type: 'bool', usage: 'If true, remove the resources from the API at once, without waiting for the running processes to stop. Only with --grace-period=0.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Seconds the resource gets to stop gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to true when --all is given.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    selectorFlag,
    { name: 'timeout', type: 'duration', default: '0s', usage: 'How long to wait before giving up on a delete, zero means wait as long as it takes.' },
    { name: 'wait', type: 'bool', default: 'true', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run: runDelete,
};

interface Target {
  rt: ResourceType;
  namespace: string | undefined;
  name: string;
  source?: string;
}

function deleteOptions(inv: Invocation): { options: DeleteOptions; force: boolean } {
  const f = inv.flags;
  let grace = f.int('grace-period');
  if (f.bool('now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = f.bool('force');
  if (grace === 0 && !force) grace = 1; // upstream's guard against accidental immediate deletion
  if (force && grace < 0) grace = 0;
  let cascade = f.string('cascade');
  if (cascade === 'true' || cascade === 'false') {
    inv.err(`warning: --cascade=${cascade} is deprecated (boolean value) and can be replaced with --cascade=${cascade === 'true' ? 'background' : 'orphan'}.\n`);
    cascade = cascade === 'true' ? 'background' : 'orphan';
  }
  const policy = ({ background: 'Background', foreground: 'Foreground', orphan: 'Orphan' } as const)[cascade as 'background'];
  if (!policy) throw new KubectlError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  const options: DeleteOptions = { propagationPolicy: policy };
  if (grace >= 0) options.gracePeriodSeconds = grace;
  return { options, force: force && grace === 0 };
}

async function runDelete(inv: Invocation): Promise<number> {
  rejectKustomize(inv);
  const f = inv.flags;
  const output = f.string('output');
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const { options, force } = deleteOptions(inv);
  const filenames = f.list('filename');
  const all = f.bool('all');
  const labelSelector = f.string('selector');
  const fieldSelector = f.string('field-selector');
  const ignoreNotFound = f.bool('ignore-not-found') || all;
  const errors: unknown[] = [];
  const targets: Target[] = [];
  const client = inv.host.client;

  if (filenames.length) {
    if (inv.args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well');
    const read = await readManifests(inv, filenames, f.bool('recursive'));
    errors.push(...read.errors);
    for (const m of read.manifests) {
      try {
        const rt = typeForManifest(m);
        targets.push({ rt, namespace: rt.namespaced ? m.object.metadata.namespace || inv.namespace : undefined, name: m.object.metadata.name ?? '', source: m.source });
      } catch (err) {
        errors.push(err);
      }
    }
  } else {
    if (inv.args.length === 0) {
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const parsed = parseResourceArgs(inv.args);
    if (parsed.byName && (labelSelector || fieldSelector || all)) throw new KubectlError('name cannot be provided when a selector is specified');
    if (!parsed.byName && !labelSelector && !fieldSelector && !all) throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const { rt, names } of parsed.requests) {
      const namespace = rt.namespaced ? inv.namespace : undefined;
      if (names.length) {
        for (const name of names) targets.push({ rt, namespace, name });
        continue;
      }
      const list = client.list(refFor(rt), {
        namespace: rt.namespaced && !f.bool('all-namespaces') ? namespace : undefined,
        labelSelector: labelSelector || undefined,
        fieldSelector: fieldSelector || undefined,
      });
      for (const obj of list.items) targets.push({ rt, namespace: obj.metadata.namespace || undefined, name: obj.metadata.name! });
    }
    if (!parsed.byName && targets.length === 0) {
      inv.out('No resources found\n');
      return 0;
    }
  }

  if (force) inv.err(forceWarning);
  const waitFor: { target: Target; uid: string }[] = [];
  for (const target of targets) {
    let answer: KubeObject | Status;
    try {
      answer = client.delete(refFor(target.rt), target.namespace, target.name, options);
    } catch (err) {
      if (ignoreNotFound && hasReason(err, 'NotFound')) continue;
      errors.push(target.source ? withSource(err, 'deleting', target.source) : err);
      continue;
    }
    const uid = answer.kind === 'Status' ? ((answer as Status).details?.uid ?? '') : ((answer as KubeObject).metadata.uid ?? '');
    waitFor.push({ target, uid });
    if (output === 'name') inv.out(`${kindName(target.rt, target.name)}\n`);
    else inv.out(`${kindQuoted(target.rt, target.name)} ${force ? 'force deleted' : 'deleted'}\n`);
  }

  if (f.bool('wait') && waitFor.length) {
    const timedOut = await waitUntilGone(inv, waitFor, f.duration('timeout'));
    if (timedOut) errors.push(new KubectlError(`timed out waiting for the condition on ${timedOut.rt.plural}/${timedOut.name}`));
  }
  if (errors.length) throw new ErrorList(errors);
  return 0;
}

/** Resolves once every object (same name and uid) is gone; returns the first one still there on timeout. */
async function waitUntilGone(inv: Invocation, items: { target: Target; uid: string }[], timeoutMs: number): Promise<Target | undefined> {
  const client = inv.host.client;
  const signal = inv.shell.signal;
  const stillThere = (t: Target, uid: string) => {
    try {
      const obj = client.get(refFor(t.rt), t.namespace, t.name);
      return !uid || obj.metadata.uid === uid;
    } catch (err) {
      if (isApiError(err) && err.status.reason === 'NotFound') return false;
      throw err;
    }
  };
  let pending = items.filter((i) => stillThere(i.target, i.uid));
  if (pending.length === 0) return undefined;
  const stops: (() => void)[] = [];
  const timeoutAbort = new AbortController();
  const result = await new Promise<Target | undefined>((resolve) => {
    const finish = (value: Target | undefined) => {
      for (const stop of stops) stop();
      timeoutAbort.abort();
      resolve(value);
    };
    const check = () => {
      pending = pending.filter((i) => stillThere(i.target, i.uid));
      if (pending.length === 0) finish(undefined);
    };
    for (const { target } of pending) {
      stops.push(
        client.watch(refFor(target.rt), { namespace: target.namespace, fieldSelector: `metadata.name=${target.name}` }, (event) => {
          if (event.type === 'DELETED') check();
        }),
      );
    }
    signal.addEventListener('abort', () => finish(undefined), { once: true });
    if (timeoutMs > 0) {
      void inv.shell.scheduler.sleep(timeoutMs, timeoutAbort.signal).then(() => {
        if (!timeoutAbort.signal.aborted) finish(pending[0]?.target);
      });
    }
    check();
  });
  return result;
}
