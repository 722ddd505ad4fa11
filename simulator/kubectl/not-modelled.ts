// Commands that need a connection the in-browser terminal cannot make (port-forward, attach,
// proxy, cp) or machinery the simulator does not run (metrics-server, RBAC, certificates). Each
// says what it does on a real cluster and what to use here instead — never a silent fake.
import type { KubectlCommand } from './command.ts';
import { KubectlError } from './errors.ts';

function notModelled(name: string, group: KubectlCommand['group'], short: string, realCluster: string, here: string): KubectlCommand {
  return {
    name,
    group,
    short,
    use: `${name} [flags]`,
    flags: [{ name: 'address', type: 'stringSlice', usage: 'Ignored here.', hidden: true }],
    run() {
      throw new KubectlError(`kubectl ${name} is not modelled in the in-browser terminal.\nOn a real cluster: ${realCluster}\nHere: ${here}`, { raw: true });
    },
  };
}

export const portForwardCommand = notModelled(
  'port-forward',
  'Troubleshooting and Debugging Commands',
  'Forward one or more local ports to a pod',
  'kubectl port-forward svc/catalog 8080:80   then, in another terminal, curl localhost:8080',
  'reach a Service from inside the cluster: kubectl exec POD -- wget -qO- http://catalog',
);
export const attachCommand = notModelled('attach', 'Troubleshooting and Debugging Commands', 'Attach to a running container', 'kubectl attach -it POD', 'read what it prints with kubectl logs -f POD, or run commands with kubectl exec POD -- CMD');
export const cpCommand = notModelled('cp', 'Troubleshooting and Debugging Commands', 'Copy files and directories to and from containers', 'kubectl cp POD:/path ./local-file', 'read a file with kubectl exec POD -- cat /path');
export const proxyCommand = notModelled('proxy', 'Troubleshooting and Debugging Commands', 'Run a proxy to the Kubernetes API server', 'kubectl proxy --port=8001   then curl localhost:8001/api/v1/namespaces', 'read objects with kubectl get … -o yaml');
export const authCommand = notModelled('auth', 'Cluster Management Commands', 'Inspect authorization', 'kubectl auth can-i create pods', 'the simulator has no RBAC: every request is allowed');
export const certificateCommand = notModelled('certificate', 'Cluster Management Commands', 'Modify certificate resources', 'kubectl certificate approve CSR-NAME', 'the simulator issues no certificates');

export const topCommand: KubectlCommand = {
  name: 'top',
  group: 'Cluster Management Commands',
  short: 'Display resource (CPU/memory) usage',
  long: 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.',
  use: 'top',
  subcommands: ['pod', 'node'].map((kind) => ({
    name: kind,
    aliases: [`${kind}s`, kind === 'pod' ? 'po' : 'no'],
    short: `Display resource (CPU/memory) usage of ${kind}s`,
    use: `${kind} [NAME | -l label]`,
    flags: [
      { name: 'all-namespaces', short: 'A', type: 'bool' as const, usage: 'If present, list the requested object(s) across all namespaces.' },
      { name: 'selector', short: 'l', type: 'string' as const, usage: 'Selector (label query) to filter on.' },
      { name: 'containers', type: 'bool' as const, usage: 'If present, print usage of containers within a pod.' },
    ],
    run() {
      // As on a kind cluster without metrics-server installed.
      throw new KubectlError('Metrics API not available');
    },
  })),
};
