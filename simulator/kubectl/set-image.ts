// kubectl set image: change container images in a pod template (or a Pod) with a strategic merge
// patch, as upstream sends it (fieldManager kubectl-set). `*=image` changes every container.
import { refFor } from '../machinery/resources.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError } from './errors.ts';
import { noResourcesMessage, parseObjectArgs } from './object-args.ts';
import { atPodSpec, podSpecOf } from './pod-spec-paths.ts';
import { kindName } from './resources.ts';

export const setImageCommand: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: 'Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)',
  example: "  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1\n\n  # Update image of all containers of daemonset abc to 'nginx:1.9.1'\n  kubectl set image daemonset abc *=nginx:1.9.1",
  use: 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [{ name: 'all', type: 'bool', usage: "Select all resources, in the namespace of the specified resource types" }],
  run(inv) {
    const pairs = inv.args.filter((a) => a.includes('='));
    const resources = inv.args.filter((a) => !a.includes('='));
    if (resources.length === 0) throw new UsageError(noResourcesMessage);
    if (pairs.length === 0) throw new UsageError('at least one image update is required');
    const images = new Map<string, string>();
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const container = pair.slice(0, eq);
      const image = pair.slice(eq + 1);
      if (!container || !image) throw new UsageError(`invalid image update: ${pair}`);
      images.set(container, image);
    }
    const errors: unknown[] = [];
    for (const target of parseObjectArgs(resources)) {
      try {
        const ns = target.rt.namespaced ? inv.namespace : undefined;
        const obj = inv.host.client.get<KubeObject>(refFor(target.rt), ns, target.name);
        const spec = podSpecOf(obj);
        if (!spec) throw new KubectlError(`error: ${kindName(target.rt, target.name)} does not have a pod template`, { raw: true });
        const all = [...(spec.initContainers ?? []).map((c) => ({ c, init: true })), ...(spec.containers ?? []).map((c) => ({ c, init: false }))];
        const changed: Record<'containers' | 'initContainers', Array<{ name: string; image: string }>> = { containers: [], initContainers: [] };
        for (const [name, image] of images) {
          const hits = all.filter(({ c }) => name === '*' || c.name === name);
          if (hits.length === 0) throw new KubectlError(`unable to find container named ${JSON.stringify(name)}`);
          for (const { c, init } of hits) if (c.image !== image) changed[init ? 'initContainers' : 'containers'].push({ name: c.name, image });
        }
        // Nothing to change: upstream sends no patch and prints nothing.
        if (changed.containers.length + changed.initContainers.length === 0) continue;
        const fragment: Record<string, unknown> = {};
        for (const key of ['initContainers', 'containers'] as const) {
          if (changed[key].length === 0) continue;
          const list = key === 'containers' ? spec.containers ?? [] : spec.initContainers ?? [];
          fragment[`$setElementOrder/${key}`] = list.map((c) => ({ name: c.name }));
          fragment[key] = changed[key].map(({ name, image }) => ({ image, name }));
        }
        inv.host.client.patch(refFor(target.rt), ns, target.name, 'strategic', atPodSpec(obj.kind, fragment), { fieldManager: 'kubectl-set' });
        inv.out(`${kindName(target.rt, target.name)} image updated\n`);
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw new ErrorList(errors);
  },
};

export const setCommand: KubectlCommand = {
  name: 'set',
  group: 'Basic Commands (Intermediate)',
  short: 'Set specific features on objects',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  use: 'set SUBCOMMAND',
  subcommands: [setImageCommand],
};
