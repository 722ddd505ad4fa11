// kubectl create job NAME --image=… [-- command]: a Job with restartPolicy Never and one
// container named after the job.
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { createGenerated, enforcedNamespace, generatorFlags, nameArgument } from './create-common.ts';
import { KubectlError, UsageError } from './errors.ts';

export const createJob: KubectlCommand = {
  name: 'job',
  short: 'Create a job with the given name',
  long: 'Create a job with the given name.',
  example: `  # Create a job that runs one command
  kubectl create job hello --image=busybox -- echo "Hello World"`,
  use: 'job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  flags: [
    ...generatorFlags,
    { name: 'from', type: 'string', usage: 'The name of the resource to create a Job from (only cronjob is supported).' },
    { name: 'image', type: 'string', usage: 'Image name to run.' },
  ],
  run(inv) {
    const name = nameArgument(inv);
    if (inv.flags.changed('from')) throw new KubectlError('--from is not available in the in-browser terminal yet');
    const image = inv.flags.string('image');
    if (!image) throw new UsageError('either --image or --from must be specified');
    const command = inv.flags.dashAt >= 0 ? inv.args.slice(inv.flags.dashAt) : [];
    const container: Record<string, unknown> = { name, image };
    if (command.length) container.command = command;
    container.resources = {};
    const namespace = enforcedNamespace(inv);
    const job: KubeObject = {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string },
      spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } },
      status: {},
    };
    return createGenerated(inv, job, 'failed to create job: ');
  },
};
