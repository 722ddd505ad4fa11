// kubectl scale: set spec.replicas through the scale subresource (a merge patch on …/scale, as
// kubectl 1.32 sends it), optionally only if the current count is what --current-replicas says.
import { hasSubresource } from '../machinery/resources.ts';
import type { KubectlCommand } from './command.ts';
import { ErrorList, KubectlError } from './errors.ts';
import { noResourcesMessage, parseObjectArgs, qualifiedName, refOf } from './object-args.ts';

import type { KubeObject } from '../machinery/types.ts';

type ScaleObject = KubeObject & { spec?: { replicas?: number } };

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  group: 'Deploy Commands',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.',
  example: '  # Scale a replica set named \'foo\' to 3\n  kubectl scale --replicas=3 rs/foo\n\n  # If the deployment named mysql\'s current size is 2, scale mysql to 3\n  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', type: 'int', default: '0', usage: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: '-1', usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'resource-version', type: 'string', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
  ],
  run(inv) {
    const { flags } = inv;
    if (!flags.changed('replicas') || flags.int('replicas') < 0) {
      throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    }
    const targets = parseObjectArgs(inv.args);
    if (targets.length === 0) throw new KubectlError(noResourcesMessage);
    const replicas = flags.int('replicas');
    const errors: unknown[] = [];
    for (const target of targets) {
      try {
        if (!hasSubresource(target.rt, 'scale')) throw new KubectlError('the server could not find the requested resource');
        const ns = target.rt.namespaced ? inv.namespace : undefined;
        // kubectl reads the object first (preconditions), then patches the scale subresource.
        const current = inv.host.client.get<ScaleObject>(refOf(target), ns, target.name);
        const want = flags.int('current-replicas');
        const have = current.spec?.replicas ?? 1;
        if (want >= 0 && want !== have) throw new KubectlError(`Expected replicas to be ${want}, was ${have}`);
        if (flags.changed('resource-version') && flags.string('resource-version') !== current.metadata.resourceVersion) {
          throw new KubectlError(`Expected resourceVersion to be ${flags.string('resource-version')}, was ${current.metadata.resourceVersion}`);
        }
        inv.host.client.patch(refOf(target), ns, target.name, 'merge', { spec: { replicas } }, { subresource: 'scale' });
        inv.out(`${qualifiedName(target.rt, target.name)} scaled\n`);
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw new ErrorList(errors);
  },
};
