// kubectl create service clusterip|nodeport NAME --tcp=port[:targetPort]: the Service upstream
// generates (selector app=NAME, one port per --tcp named "port-target").
import type { KubeObject } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { createGenerated, enforcedNamespace, generatorFlags, nameArgument } from './create-common.ts';
import { KubectlError } from './errors.ts';

function parsePorts(specs: string[], nodePort: number): Record<string, unknown>[] {
  return specs.map((spec) => {
    const [portText, targetText] = spec.split(':');
    const port = Number(portText);
    if (!/^\d+$/.test(portText ?? '') || port > 65535) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax`);
    let targetPort: number | string = port;
    if (targetText !== undefined) targetPort = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    const entry: Record<string, unknown> = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort };
    if (nodePort > 0) entry.nodePort = nodePort;
    return entry;
  });
}

function serviceCommand(type: 'ClusterIP' | 'NodePort', name: string): KubectlCommand {
  const clusterIp = type === 'ClusterIP';
  return {
    name,
    short: clusterIp ? 'Create a ClusterIP service' : 'Create a NodePort service',
    long: clusterIp ? 'Create a ClusterIP service with the given name.' : 'Create a NodePort service with the given name.',
    example: clusterIp
      ? `  # A ClusterIP service named web on port 80, sending to the pods' port 8080
  kubectl create service clusterip web --tcp=80:8080

  # A headless service
  kubectl create service clusterip web --clusterip="None"`
      : `  # A NodePort service named web on port 80, sending to the pods' port 8080
  kubectl create service nodeport web --tcp=80:8080`,
    use: `${name} NAME [--tcp=<port>:<targetPort>] [flags]`,
    flags: [
      ...generatorFlags,
      ...(clusterIp
        ? [{ name: 'clusterip', type: 'string' as const, usage: 'Assign your own ClusterIP, or "None" for a headless service.' }]
        : [{ name: 'node-port', type: 'int' as const, default: '0', usage: "Port used to expose the service on each node in the cluster." }]),
      { name: 'tcp', type: 'stringSlice', usage: 'Port pairs can be specified as \'<port>:<targetPort>\'.' },
    ],
    run(inv: Invocation) {
      const serviceName = nameArgument(inv);
      const tcp = inv.flags.list('tcp');
      const clusterIP = clusterIp ? inv.flags.string('clusterip') : '';
      if (tcp.length === 0 && clusterIP !== 'None') throw new KubectlError('at least one tcp port specifier must be provided');
      const labels = { app: serviceName };
      const namespace = enforcedNamespace(inv);
      const spec: Record<string, unknown> = { ports: parsePorts(tcp, clusterIp ? 0 : inv.flags.int('node-port')), selector: labels };
      if (clusterIP) spec.clusterIP = clusterIP;
      spec.type = type;
      const service: KubeObject = {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { name: serviceName, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string, labels },
        spec,
        status: { loadBalancer: {} },
      };
      if ((spec.ports as unknown[]).length === 0) delete spec.ports;
      return createGenerated(inv, service, `failed to create ${type} service: `);
    },
  };
}

export const createService: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: 'Create a service using a specified subcommand.',
  use: 'service [flags]',
  subcommands: [serviceCommand('ClusterIP', 'clusterip'), serviceCommand('NodePort', 'nodeport')],
};
