// kubectl cluster-info: where the control plane answers, and the cluster services
// (kubernetes.io/cluster-service=true in kube-system, e.g. CoreDNS) behind the API server proxy.
// Names are green and addresses yellow on a terminal, as upstream colours them.
import type { KubeObject } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { KubectlError } from './errors.ts';

const green = '\x1b[0;32m';
const yellow = '\x1b[0;33m';
const reset = '\x1b[0m';

interface ServiceSpec {
  ports?: { name?: string; port?: number }[];
}

export const clusterInfo: KubectlCommand = {
  name: 'cluster-info',
  group: 'Cluster Management Commands',
  short: 'Show where the control plane and cluster services run',
  long: `Show the addresses of the control plane and of the services labelled kubernetes.io/cluster-service=true.

 To dig into cluster problems, use 'kubectl cluster-info dump'.`,
  example: `  # Show where the control plane and the cluster services run
  kubectl cluster-info`,
  use: 'cluster-info [flags]',
  subcommands: [
    {
      name: 'dump',
      short: 'Dump a lot of information for debugging',
      use: 'dump [flags]',
      run() {
        throw new KubectlError('cluster-info dump is not available in the in-browser terminal; use kubectl get and kubectl describe instead');
      },
    },
  ],
  run(inv: Invocation) {
    if (inv.args.length) throw new KubectlError(`unknown command ${JSON.stringify(inv.args[0])} for "kubectl cluster-info"`);
    const server = inv.host.kubeconfig.server();
    const color = inv.shell.stdout.isTerminal;
    const line = (name: string, url: string) =>
      color ? `${green}${name}${reset} is running at ${yellow}${url}${reset}\n` : `${name} is running at ${url}\n`;
    let text = line('Kubernetes control plane', server);
    const services = inv.host.client.list<KubeObject>({ resource: 'services' }, { namespace: 'kube-system', labelSelector: 'kubernetes.io/cluster-service=true' });
    for (const svc of services.items) {
      const name = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name!;
      const port = (svc.spec as ServiceSpec | undefined)?.ports?.[0];
      let target = svc.metadata.name!;
      if (port) {
        // <scheme>:<service>:<port name>, with https guessed from the port, as upstream does.
        const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
        if (scheme) target = `${scheme}:${target}:${port.name ?? ''}`;
        else if (port.name) target = `${target}:${port.name}`;
      }
      text += line(name, `${server}/api/v1/namespaces/kube-system/services/${target}/proxy`);
    }
    inv.out(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  },
};
