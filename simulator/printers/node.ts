// `kubectl get nodes`: STATUS comes from the Ready condition only, ROLES from node-role labels.
import type { KubeObject } from '../machinery/types.ts';
import { age } from './duration.ts';
import { ageColumn, column, nameColumn, type KindPrinter } from './table.ts';

export interface NodeLike extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[]; podCIDR?: string; podCIDRs?: string[]; providerID?: string };
  status?: {
    conditions?: { type: string; status: string; reason?: string; message?: string; lastHeartbeatTime?: string; lastTransitionTime?: string }[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: Record<string, string | undefined>;
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
  };
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** Roles from `node-role.kubernetes.io/<role>` label keys and the older `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: NodeLike): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX)) {
      const role = key.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

/** Ready / NotReady / Unknown, then SchedulingDisabled when cordoned. */
export function nodeStatusText(node: NodeLike): string {
  const parts: string[] = [];
  // Upstream keeps the last condition of each type it sees.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1);
  if (ready) parts.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else parts.push('Unknown');
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: NodeLike, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export const nodePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    ageColumn(),
    column('Version', 'The kubelet version the node reports.'),
    column('Internal-IP', 'The node’s first InternalIP address.', { priority: 1 }),
    column('External-IP', 'The node’s first ExternalIP address.', { priority: 1 }),
    column('OS-Image', 'The operating system image the node reports.', { priority: 1 }),
    column('Kernel-Version', 'The kernel version the node reports.', { priority: 1 }),
    column('Container-Runtime', 'The container runtime and its version.', { priority: 1 }),
  ],
  row(obj, now) {
    const node = obj as NodeLike;
    const info = node.status?.nodeInfo ?? {};
    const roles = nodeRoles(node).join(',');
    return {
      cells: [
        node.metadata.name ?? '',
        nodeStatusText(node),
        roles || '<none>',
        age(node.metadata.creationTimestamp, now),
        info.kubeletVersion ?? '',
        address(node, 'InternalIP'),
        address(node, 'ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      ],
    };
  },
};
