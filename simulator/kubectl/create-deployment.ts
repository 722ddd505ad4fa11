// kubectl create deployment NAME --image=… [--replicas] [--port] [-- command]: the Deployment
// upstream generates (label app=NAME, one container per image named after the image).
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { createGenerated, enforcedNamespace, generatorFlags, nameArgument } from './create-common.ts';
import { UsageError } from './errors.ts';

/** The container name upstream derives from an image: last path part, without tag or digest. */
export function containerNameFor(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0]!.split('@')[0]!;
  return name.replace(/_/g, '-');
}

export const createDeployment: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the given name',
  long: 'Create a deployment with the given name.',
  example: `  # Create a deployment named web that runs the nginx image
  kubectl create deployment web --image=nginx

  # With three replicas and port 80 declared
  kubectl create deployment web --image=nginx --replicas=3 --port=80

  # Print the manifest instead of creating it
  kubectl create deployment web --image=nginx --dry-run=client -o yaml`,
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  flags: [
    ...generatorFlags,
    { name: 'image', type: 'stringSlice', usage: 'Image names to run. A deployment can have several images, one container each.' },
    { name: 'port', type: 'int', default: '-1', usage: 'The containerPort the first container declares.' },
    { name: 'replicas', short: 'r', type: 'int', default: '1', usage: 'Number of replicas to create. Default is 1.' },
  ],
  run(inv) {
    const name = nameArgument(inv);
    const images = inv.flags.list('image');
    if (images.length === 0) throw new UsageError('--image is required');
    const command = inv.flags.dashAt >= 0 ? inv.args.slice(inv.flags.dashAt) : [];
    if (command.length && images.length > 1) throw new UsageError('cannot specify multiple --image options and command');
    const labels = { app: name };
    const containers = images.map((image, i) => {
      const container: Record<string, unknown> = { name: containerNameFor(image), image };
      if (command.length) container.command = command;
      if (i === 0 && inv.flags.int('port') >= 0) container.ports = [{ containerPort: inv.flags.int('port') }];
      container.resources = {};
      return container;
    });
    const namespace = enforcedNamespace(inv);
    const deployment: KubeObject = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string, labels },
      spec: {
        replicas: inv.flags.int('replicas'),
        selector: { matchLabels: labels },
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
        strategy: {},
      },
      status: {},
    };
    return createGenerated(inv, deployment, 'failed to create deployment: ');
  },
};
