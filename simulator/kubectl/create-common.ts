// What every `kubectl create <generator>` shares: the flags (--dry-run, -o, --save-config,
// --field-manager, --validate), the namespace rule (set on the object only when -n was given,
// as upstream's EnforceNamespace), and sending or just printing the generated object.
import { refFor, resourceForKind } from '../machinery/resources.ts';
import type { KubeObject } from '../machinery/types.ts';
import { withLastApplied } from './apply.ts';
import type { Invocation } from './command.ts';
import { KubectlError, UsageError } from './errors.ts';
import type { FlagSpec } from './flags.ts';
import { dryRunFlag, dryRunSuffix, outputFlag, parseDryRun, parseOutput, printWriteResult } from './output.ts';

export const generatorFlags: FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: 'true', usage: 'If true, ignore errors in templates when a field or map key is missing. Applies to the jsonpath output formats.' },
  dryRunFlag,
  { name: 'field-manager', type: 'string', default: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' },
  outputFlag(false),
  { name: 'save-config', type: 'bool', usage: 'If true, store the configuration of the object in its kubectl.kubernetes.io/last-applied-configuration annotation, so that kubectl apply can manage it later.' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false). Checks the object before it is sent.' },
];

/** NAME, the one argument generators take (`create deployment NAME`). */
export function nameArgument(inv: Invocation): string {
  const count = inv.flags.dashAt < 0 ? inv.args.length : inv.flags.dashAt;
  if (count !== 1) throw new UsageError(`exactly one NAME is required, got ${count}`);
  return inv.args[0]!;
}

/** The namespace written into the generated object: only when -n was given. */
export function enforcedNamespace(inv: Invocation): string | undefined {
  return inv.namespaceExplicit ? inv.namespace : undefined;
}

/**
 * Sends a generated object (or only prints it with --dry-run=client). `failure` is upstream's
 * wrapping of the server's error ("failed to create deployment"), or undefined for none.
 */
export function createGenerated(inv: Invocation, obj: KubeObject, failure: string | undefined): number {
  const format = parseOutput(inv, false);
  const dryRun = parseDryRun(inv);
  const slash = obj.apiVersion.indexOf('/');
  const rt = resourceForKind(slash < 0 ? '' : obj.apiVersion.slice(0, slash), obj.kind)!;
  let toSend = obj;
  if (inv.flags.bool('save-config')) toSend = withLastApplied(obj);
  if (dryRun === 'client') {
    printWriteResult(inv, format, toSend, `created${dryRunSuffix(dryRun)}`, true);
    return 0;
  }
  let created: KubeObject;
  try {
    created = inv.host.client.create(refFor(rt), toSend, { fieldManager: inv.flags.string('field-manager'), dryRun: dryRun === 'server' });
  } catch (err) {
    if (failure === undefined) throw err;
    throw new KubectlError(`${failure}${err instanceof Error ? err.message : String(err)}`);
  }
  printWriteResult(inv, format, created, `created${dryRunSuffix(dryRun)}`);
  return 0;
}
