// kubectl wait: block until objects meet a condition (--for=condition=Ready), reach a value
// (--for=jsonpath='{.status.phase}'=Running), or are gone (--for=delete), on the virtual clock,
// up to --timeout (30s by default). Prints "pod/web condition met" per object.
import { hasReason } from '../machinery/errors.ts';
import { refFor } from '../machinery/resources.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError } from './errors.ts';
import { findJsonPathValues, parseJsonPath } from './jsonpath.ts';
import { goValueString } from './output.ts';
import { kindName } from './resources.ts';
import { parseObjectArgs, resourceType, type ObjectArg } from './object-args.ts';
import { anySignal } from './wait-for-events.ts';

type Check = { kind: 'delete' } | { kind: 'condition'; type: string; status: string } | { kind: 'jsonpath'; path: string; value: string | undefined } | { kind: 'create' };

export function parseFor(text: string): Check {
  if (text === 'delete') return { kind: 'delete' };
  if (text === 'create') return { kind: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0 ? { kind: 'condition', type: rest, status: 'true' } : { kind: 'condition', type: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  if (text.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    // {.status.phase}=Running: the value follows the closing brace.
    const close = rest.lastIndexOf('}');
    const path = close >= 0 ? rest.slice(0, close + 1) : rest;
    const after = close >= 0 ? rest.slice(close + 1) : '';
    return { kind: 'jsonpath', path, value: after.startsWith('=') ? after.slice(1) : undefined };
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(text)}`);
}

function met(check: Check, obj: KubeObject | undefined): boolean {
  if (check.kind === 'delete') return obj === undefined;
  if (check.kind === 'create') return obj !== undefined;
  if (!obj) return false;
  if (check.kind === 'condition') {
    const conditions = ((obj.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []);
    return conditions.some((c) => c.type.toLowerCase() === check.type.toLowerCase() && c.status.toLowerCase() === check.status.toLowerCase());
  }
  const template = parseJsonPath(check.path.startsWith('{') ? check.path : `{${check.path}}`);
  const values = findJsonPathValues(template, obj as unknown as Record<string, unknown>);
  if (check.value === undefined) return values.length > 0 && values.some((v) => v !== null && v !== false && v !== '');
  return values.some((v) => goValueString(v) === check.value);
}

export const waitCommand: KubectlCommand = {
  name: 'wait',
  group: 'Advanced Commands',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: 'Experimental: Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.',
  example: '  # Wait for the pod "busybox1" to contain the status condition of type "Ready"\n  kubectl wait --for=condition=Ready pod/busybox1\n\n  # Wait for the pod "busybox1" to contain the status phase to be "Running"\n  kubectl wait --for=jsonpath=\'{.status.phase}\'=Running pod/busybox1\n\n  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command\n  kubectl delete pod/busybox1\n  kubectl wait --for=delete pod/busybox1 --timeout=60s',
  use: 'wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]]',
  flags: [
    { name: 'for', type: 'string', usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'timeout', type: 'duration', default: '30s', usage: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
  ],
  async run(inv) {
    if (!inv.flags.string('for')) throw new UsageError('--for must be set');
    const check = parseFor(inv.flags.string('for'));
    const targets = await targetsOf(inv);
    let timeout = inv.flags.duration('timeout');
    if (timeout < 0) timeout = 7 * 24 * 3_600_000;
    const deadline = inv.now() + timeout;
    const errors: unknown[] = [];
    for (const target of targets) {
      const ns = target.rt.namespaced ? inv.namespace : undefined;
      const read = (): KubeObject | undefined => {
        try {
          return inv.host.client.get<KubeObject>(refFor(target.rt), ns, target.name);
        } catch (err) {
          if (hasReason(err, 'NotFound')) return undefined;
          throw err;
        }
      };
      let obj = read();
      if (!obj && check.kind !== 'delete' && check.kind !== 'create') {
        try {
          inv.host.client.get(refFor(target.rt), ns, target.name);
        } catch (err) {
          errors.push(err);
        }
        continue;
      }
      let changed = new AbortController();
      const stop = inv.host.client.watch(refFor(target.rt), { namespace: ns, fieldSelector: `metadata.name=${target.name}` }, () => changed.abort());
      try {
        while (!met(check, obj) && inv.now() < deadline && !inv.shell.signal.aborted) {
          await inv.shell.scheduler.sleep(deadline - inv.now(), anySignal(inv.shell.signal, changed.signal));
          if (changed.signal.aborted) changed = new AbortController();
          obj = read();
        }
      } finally {
        stop();
      }
      if (inv.shell.signal.aborted) return 130;
      if (!met(check, obj)) {
        errors.push(new KubectlError(`timed out waiting for the condition on ${target.rt.plural}/${target.name}`));
        continue;
      }
      inv.out(`${kindName(target.rt, target.name)} condition met\n`);
    }
    if (errors.length) throw new ErrorList(errors);
    return 0;
  },
};

async function targetsOf(inv: Invocation): Promise<ObjectArg[]> {
  const selector = inv.flags.string('selector');
  const fieldSelector = inv.flags.string('field-selector');
  if (selector || fieldSelector || inv.flags.bool('all')) {
    const rt = resourceType(inv.args[0] ?? '');
    const list = inv.host.client.list<KubeObject>(refFor(rt), { namespace: rt.namespaced ? inv.namespace : undefined, labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined });
    if (list.items.length === 0) throw new KubectlError(`no matching resources found`);
    return list.items.map((o) => ({ rt, name: o.metadata.name! }));
  }
  const targets = parseObjectArgs(inv.args);
  if (targets.length === 0) throw new UsageError('resource name may not be empty');
  return targets;
}
