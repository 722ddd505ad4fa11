// The printers' public face: which printer serves a kind, and the Table for a list of objects.
// The API server calls buildTable for `Accept: …;as=Table`; the in-page kubectl calls buildTable
// and then renderGet, exactly as real kubectl renders the server's Table.
import type { KubeList, KubeObject } from '../machinery/types.ts';
import { configMapPrinter, leasePrinter, namespacePrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './config.ts';
import {
  createdAtPrinter,
  customResourcePrinter,
  gatewayClassColumns,
  gatewayColumns,
  routeColumns,
  type PrinterColumn,
} from './custom.ts';
import { hpaPrinter } from './autoscaling.ts';
import { eventPrinter } from './events.ts';
import { endpointSlicePrinter, endpointsPrinter, ingressPrinter, servicePrinter } from './networking.ts';
import { nodePrinter } from './node.ts';
import { podPrinter } from './pod.ts';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage.ts';
import { tableFrom, type KindPrinter, type Table, type TableOptions } from './table.ts';
import {
  controllerRevisionPrinter,
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  jobPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './workloads.ts';

const GATEWAY = 'gateway.networking.k8s.io';

const BUILT_IN: Record<string, KindPrinter> = {
  '/Pod': podPrinter,
  '/Node': nodePrinter,
  '/Namespace': namespacePrinter,
  '/Service': servicePrinter,
  '/Endpoints': endpointsPrinter,
  '/ConfigMap': configMapPrinter,
  '/Secret': secretPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  '/Event': eventPrinter,
  'events.k8s.io/Event': eventPrinter,
  '/ResourceQuota': resourceQuotaPrinter,
  '/PersistentVolumeClaim': persistentVolumeClaimPrinter,
  '/PersistentVolume': persistentVolumePrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/Deployment': deploymentPrinter,
  'apps/StatefulSet': statefulSetPrinter,
  'apps/DaemonSet': daemonSetPrinter,
  'apps/ControllerRevision': controllerRevisionPrinter,
  'batch/Job': jobPrinter,
  'batch/CronJob': cronJobPrinter,
  'autoscaling/HorizontalPodAutoscaler': hpaPrinter,
  'discovery.k8s.io/EndpointSlice': endpointSlicePrinter,
  'networking.k8s.io/Ingress': ingressPrinter,
  'storage.k8s.io/StorageClass': storageClassPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
  [`${GATEWAY}/GatewayClass`]: customResourcePrinter(gatewayClassColumns),
  [`${GATEWAY}/Gateway`]: customResourcePrinter(gatewayColumns),
  [`${GATEWAY}/HTTPRoute`]: customResourcePrinter(routeColumns),
  [`${GATEWAY}/GRPCRoute`]: customResourcePrinter(routeColumns),
};

/** API groups served by kube-apiserver itself: their kinds without a printer get Name / Created At. */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'rbac.authorization.k8s.io',
  'networking.k8s.io',
  'storage.k8s.io',
  'discovery.k8s.io',
  'coordination.k8s.io',
  'scheduling.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'resource.k8s.io',
]);

export interface KindRef {
  group?: string; // '' or undefined for core
  kind: string;
  /** For custom resources: the CRD's printer columns for the served version (none → Name, Age). */
  printerColumns?: PrinterColumn[];
}

/** The server-side printer for a kind. */
export function printerFor(ref: KindRef): KindPrinter {
  const group = ref.group ?? '';
  const known = BUILT_IN[`${group}/${ref.kind}`];
  if (known) return known;
  if (BUILT_IN_GROUPS.has(group)) return createdAtPrinter;
  return customResourcePrinter(ref.printerColumns ?? []);
}

/** The meta.k8s.io/v1 Table for these objects, as kube-apiserver would answer a list (or a get). */
export function buildTable(ref: KindRef, objects: KubeObject[], options: TableOptions): Table {
  return tableFrom(printerFor(ref), objects, options);
}

/** Group and kind of a list's items, from the list itself: `apps/v1` + `DeploymentList`. */
export function kindOfList(list: KubeList): KindRef {
  const slash = list.apiVersion.indexOf('/');
  const group = slash >= 0 ? list.apiVersion.slice(0, slash) : '';
  return { group, kind: list.kind.replace(/List$/, '') };
}

/** The Table answering a list request; the list's resourceVersion becomes the table's. */
export function tableForList(list: KubeList, options: Omit<TableOptions, 'resourceVersion'> & { ref?: KindRef }): Table {
  return buildTable(options.ref ?? kindOfList(list), list.items, { ...options, resourceVersion: list.metadata.resourceVersion });
}

export { humanDuration, shortHumanDuration, age } from './duration.ts';
export { podSummary, podStatusText } from './pod.ts';
export { nodeRoles, nodeStatusText } from './node.ts';
export { jobStatusText } from './workloads.ts';
export { formatLabels, formatLabelSelector, selectorString } from './labels.ts';
export { printTable, renderGet, groupKindPrefix } from './render.ts';
export type { GetSection, GetPrintOptions, GetOutput, PrintOptions } from './render.ts';
export { alignTabs, GET_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter.ts';
export { customResourcePrinter, printerColumnsOf, type PrinterColumn } from './custom.ts';
export type { Table, TableRow, TableCell, TableColumnDefinition, TableOptions, KindPrinter, IncludeObject } from './table.ts';
