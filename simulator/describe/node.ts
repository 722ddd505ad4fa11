// `kubectl describe node`: roles, taints, the node's lease, conditions, addresses, capacity,
// system info, the pods running there with their requests and limits, and the totals.
import type { KubeObject } from '../machinery/types.ts';
import type { EventLike } from '../printers/events.ts';
import { nodeRoles, type NodeLike } from '../printers/node.ts';
import type { Container } from './containers.ts';
import { rfc1123z, since, writeAnnotations, writeEvents, writeLabels, writeTaints } from './format.ts';
import {
  addQuantities,
  formatQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityValue,
  ZERO,
  type Quantity,
} from './quantity.ts';
import { eventsFor, safeList, type DescribeContext } from './reader.ts';
import { tabbed, type DescribeWriter } from './writer.ts';

interface NodePod extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: Container[];
    initContainers?: (Container & { restartPolicy?: string })[];
    overhead?: Record<string, string>;
  };
  status?: { phase?: string };
}

interface LeaseLike extends KubeObject {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string };
}

type ResourceTotals = Map<string, Quantity>;

function addInto(into: ResourceTotals, list: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(list ?? {})) {
    into.set(name, addQuantities(into.get(name) ?? ZERO, parseQuantity(value)));
  }
}

function maxInto(into: ResourceTotals, other: ResourceTotals): void {
  for (const [name, q] of other) {
    const current = into.get(name);
    if (!current || q.nanos > current.nanos) into.set(name, q);
  }
}

/** A pod's effective requests or limits: app containers and sidecars add up; other init containers only raise the floor. */
export function podResourceTotals(pod: NodePod, which: 'requests' | 'limits'): ResourceTotals {
  const totals: ResourceTotals = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(totals, c.resources?.[which]);
  const sidecars: ResourceTotals = new Map();
  const initPeak: ResourceTotals = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      addInto(sidecars, c.resources?.[which]);
      addInto(totals, c.resources?.[which]);
    } else {
      const during: ResourceTotals = new Map(sidecars);
      addInto(during, c.resources?.[which]);
      maxInto(initPeak, during);
    }
  }
  maxInto(totals, initPeak);
  addInto(totals, pod.spec?.overhead);
  return totals;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.trunc((part / whole) * 100);
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

function writePodsAndTotals(writer: DescribeWriter, node: NodeLike, pods: NodePod[], now: number): void {
  const allocatableText = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const allocatable = allocatableText ?? {};
  const allocCpu = quantityMilliValue(parseQuantity(allocatable.cpu));
  const allocMem = quantityValue(parseQuantity(allocatable.memory));
  const allocEph = quantityValue(parseQuantity(allocatable['ephemeral-storage']));

  writer.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  writer.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  writer.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const reqTotals: ResourceTotals = new Map();
  const limTotals: ResourceTotals = new Map();
  for (const pod of pods) {
    const req = podResourceTotals(pod, 'requests');
    const lim = podResourceTotals(pod, 'limits');
    for (const [name, q] of req) reqTotals.set(name, addQuantities(reqTotals.get(name) ?? ZERO, q));
    for (const [name, q] of lim) limTotals.set(name, addQuantities(limTotals.get(name) ?? ZERO, q));
    const cpuReq = req.get('cpu') ?? ZERO;
    const cpuLim = lim.get('cpu') ?? ZERO;
    const memReq = req.get('memory') ?? ZERO;
    const memLim = lim.get('memory') ?? ZERO;
    writer.write(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t` +
        `${formatQuantity(cpuReq)} (${percent(quantityMilliValue(cpuReq), allocCpu)}%)\t` +
        `${formatQuantity(cpuLim)} (${percent(quantityMilliValue(cpuLim), allocCpu)}%)\t` +
        `${formatQuantity(memReq)} (${percent(quantityValue(memReq), allocMem)}%)\t` +
        `${formatQuantity(memLim)} (${percent(quantityValue(memLim), allocMem)}%)\t` +
        `${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }

  writer.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  writer.write(1, 'Resource\tRequests\tLimits\n');
  writer.write(1, '--------\t--------\t------\n');
  const row = (name: string, whole: number, unit: (q: Quantity) => number): void => {
    const r = reqTotals.get(name) ?? ZERO;
    const l = limTotals.get(name) ?? ZERO;
    writer.write(1, `${name}\t${formatQuantity(r)} (${percent(unit(r), whole)}%)\t${formatQuantity(l)} (${percent(unit(l), whole)}%)\n`);
  };
  row('cpu', allocCpu, quantityMilliValue);
  row('memory', allocMem, quantityValue);
  row('ephemeral-storage', allocEph, quantityValue);
  const names = Object.keys(allocatable).sort();
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    row(name, quantityValue(parseQuantity(allocatable[name])), quantityValue);
  }
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && !n.startsWith('requests.'))) {
    writer.write(1, `${name}\t${formatQuantity(reqTotals.get(name) ?? ZERO)}\t${formatQuantity(limTotals.get(name) ?? ZERO)}\n`);
  }
}

/** The text of `kubectl describe node`. */
export function describeNode(obj: KubeObject, ctx: DescribeContext): string {
  const node = obj as NodeLike;
  const name = node.metadata.name ?? '';
  const podItems = safeList<NodePod>(ctx, '', 'pods', {
    fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
  });
  const pods = podItems?.filter(
    (p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  const lease = safeList<LeaseLike>(ctx, 'coordination.k8s.io', 'leases', {
    namespace: 'kube-node-lease',
    fieldSelector: `metadata.name=${name}`,
  })?.find((l) => l.metadata.name === name);
  // Controllers report node events by the node's uid, the kubelet by its name.
  const events: EventLike[] = [
    ...eventsFor(ctx, { name, kind: 'Node', uid: node.metadata.uid }),
    ...eventsFor(ctx, { name, kind: 'Node', uid: name }),
  ];
  return renderNode(node, pods, lease, events, ctx.now);
}

export function renderNode(
  node: NodeLike,
  pods: NodePod[] | undefined,
  lease: LeaseLike | undefined,
  events: EventLike[] | undefined,
  now: number,
): string {
  const status = node.status ?? {};
  return tabbed((w) => {
    w.write(0, `Name:\t${node.metadata.name ?? ''}\n`);
    const roles = nodeRoles(node);
    w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    writeLabels(w, 'Labels', node.metadata.labels);
    writeAnnotations(w, 'Annotations', node.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    writeTaints(w, 'Taints', node.spec?.taints);
    w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    if (lease) {
      w.write(0, 'Lease:\n');
      w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
      w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
      w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
    } else {
      w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name ?? ''}" not found\n`);
    }
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
    const resourceList = (title: string, list: Record<string, string> | undefined): void => {
      if (Object.keys(list ?? {}).length === 0) return;
      w.write(0, `${title}:\n`);
      for (const name of Object.keys(list ?? {}).sort()) {
        w.write(0, `  ${name}:\t${formatQuantity(parseQuantity((list as Record<string, string>)[name]))}\n`);
      }
    };
    resourceList('Capacity', status.capacity);
    resourceList('Allocatable', status.allocatable);
    const info = status.nodeInfo ?? {};
    w.write(0, 'System Info:\n');
    w.write(0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
    if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
    if (pods) writePodsAndTotals(w, node, pods, now);
    else w.write(0, 'Pods:\tnot authorized\n');
    writeEvents(w, events, now);
  });
}
