// kubectl expose: a Service for a Deployment, ReplicaSet, Pod or Service, with the selector and
// ports taken from the object (upstream's introspection), as a JSON POST (fieldManager
// kubectl-expose). The classic surprise is kept: --port without --target-port targets that same port.
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { KubectlError, UsageError } from './errors.ts';
import { getObject, noResourcesMessage, parseObjectArgs } from './object-args.ts';
import { dryRunFlag, outputFlag, parseDryRun, parseOutput, printWriteResult, dryRunSuffix } from './output.ts';
import { podSpecOf } from './pod-spec-paths.ts';

const exposable = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];
const SERVICES = { resource: 'services' };

function selectorOf(obj: KubeObject): Record<string, string> {
  const spec = obj.spec as { selector?: Record<string, unknown> & { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } } | undefined;
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed`);
      return labels;
    }
    case 'Service':
    case 'ReplicationController': {
      const sel = (spec?.selector ?? {}) as Record<string, string>;
      if (Object.keys(sel).length === 0) throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no selector`);
      return sel;
    }
    default: {
      if (spec?.selector?.matchExpressions?.length) {
        throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "${JSON.stringify(spec.selector.matchExpressions)}" to map: operator not supported`);
      }
      return spec?.selector?.matchLabels ?? {};
    }
  }
}

/** Container ports (or a Service's ports): what expose offers when --port is not given. */
function portsOf(obj: KubeObject): Array<{ port: number; protocol: string; name?: string }> {
  if (obj.kind === 'Service') return ((obj.spec as { ports?: Array<{ port: number; protocol?: string; name?: string }> }).ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP', name: p.name }));
  return (podSpecOf(obj)?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP', name: p.name })));
}

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid label spec: ${pair}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  group: 'Basic Commands (Beginner)',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: "Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.",
  example: '  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose deployment nginx --port=80 --target-port=8000',
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  flags: [
    { name: 'port', type: 'string', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'protocol', type: 'string', usage: 'The network protocol for the service to be created. Default is \'TCP\'.' },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    outputFlag(false),
    dryRunFlag,
  ],
  run(inv) {
    const targets = parseObjectArgs(inv.args);
    if (targets.length === 0) throw new UsageError(noResourcesMessage);
    const format = parseOutput(inv, false);
    const dryRun = parseDryRun(inv);
    const target = targets[0]!;
    if (!exposable.includes(target.rt.kind)) throw new KubectlError(`cannot expose a ${target.rt.kind}`);
    const obj = getObject<KubeObject>(inv, target);
    const selector = inv.flags.changed('selector') ? parseLabels(inv.flags.string('selector')) : selectorOf(obj);
    const protocol = inv.flags.string('protocol') || undefined;
    let ports: Array<Record<string, unknown>>;
    const targetPort = inv.flags.string('target-port');
    const asPort = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
    if (inv.flags.string('port')) {
      const port = Number(inv.flags.string('port'));
      if (!Number.isInteger(port)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(inv.flags.string('port'))}: invalid syntax`);
      ports = [{ port, protocol: protocol ?? 'TCP', targetPort: targetPort ? asPort(targetPort) : port }];
    } else {
      const found = portsOf(obj);
      if (found.length === 0) throw new UsageError("couldn't find port via --port flag or introspection");
      ports = found.map((p, i) => ({
        ...(found.length > 1 ? { name: p.name ?? `port-${i + 1}` } : {}),
        port: p.port,
        protocol: protocol ?? p.protocol,
        targetPort: targetPort ? asPort(targetPort) : p.port,
      }));
    }
    const spec: Record<string, unknown> = { ports, selector };
    const type = inv.flags.string('type');
    if (type) {
      const canonical = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].find((t) => t.toLowerCase() === type.toLowerCase());
      if (!canonical) throw new KubectlError(`invalid service type: ${type}`);
      spec.type = canonical;
    }
    if (inv.flags.string('cluster-ip')) spec.clusterIP = inv.flags.string('cluster-ip');
    const labels = inv.flags.string('labels') ? parseLabels(inv.flags.string('labels')) : obj.metadata.labels;
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...(labels && Object.keys(labels).length ? { labels } : {}), name: inv.flags.string('name') || target.name },
      spec,
    };
    if (dryRun === 'client') {
      printWriteResult(inv, format, { ...service, metadata: { creationTimestamp: null as unknown as string, ...service.metadata }, status: { loadBalancer: {} } }, `exposed${dryRunSuffix(dryRun)}`, true);
      return;
    }
    const created = inv.host.client.create<KubeObject>(SERVICES, { ...service, metadata: { ...service.metadata, namespace: inv.namespace } }, { fieldManager: 'kubectl-expose', dryRun: dryRun === 'server' });
    printWriteResult(inv, format, created, `exposed${dryRunSuffix(dryRun)}`);
  },
};
