// The fields of Pods, ReplicaSets, Deployments, Services and endpoints that the workload
// controllers read and write, typed so the controllers read like the upstream Go. Objects stay
// plain JSON (KubeObject); these interfaces only narrow what we touch.
import type { KubeObject, ObjectMeta } from '../machinery/types.ts';

export type { LabelSelector, LabelSelectorRequirement } from '../machinery/selectors.ts';
import type { LabelSelector } from '../machinery/selectors.ts';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  observedGeneration?: number;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: {
    containers?: Array<{ name: string; image?: string; ports?: ContainerPort[] }>;
    nodeName?: string;
    hostname?: string;
    subdomain?: string;
    restartPolicy?: string;
    [field: string]: unknown;
  };
}

export interface Pod extends KubeObject {
  spec: NonNullable<PodTemplate['spec']>;
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: Array<{ ip: string }>;
    startTime?: string;
    conditions?: Condition[];
    containerStatuses?: Array<{ name: string; restartCount?: number; ready?: boolean }>;
  };
}

export interface ReplicaSet extends KubeObject {
  spec: {
    replicas?: number;
    minReadySeconds?: number;
    selector: LabelSelector;
    template: PodTemplate;
  };
  status?: {
    replicas?: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
    conditions?: Condition[];
  };
}

export type IntOrString = number | string;

export interface Deployment extends KubeObject {
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: PodTemplate;
    strategy?: { type?: 'RollingUpdate' | 'Recreate'; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    paused?: boolean;
  };
  status?: DeploymentStatus;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: Condition[];
  collisionCount?: number;
}

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: IntOrString;
  appProtocol?: string;
  nodePort?: number;
}

export interface Service extends KubeObject {
  spec: {
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    type?: string;
    publishNotReadyAddresses?: boolean;
  };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: string;
  appProtocol?: string;
}

export interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints extends KubeObject {
  subsets?: EndpointSubset[];
}

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

export interface EndpointSlice extends KubeObject {
  addressType: string;
  endpoints: SliceEndpoint[] | null;
  ports: EndpointPort[] | null;
}

/** Resource references the controllers use with the ApiClient. */
export const PODS = { group: '', resource: 'pods' } as const;
export const REPLICASETS = { group: 'apps', resource: 'replicasets' } as const;
export const DEPLOYMENTS = { group: 'apps', resource: 'deployments' } as const;
export const SERVICES = { group: '', resource: 'services' } as const;
export const ENDPOINTS = { group: '', resource: 'endpoints' } as const;
export const ENDPOINTSLICES = { group: 'discovery.k8s.io', resource: 'endpointslices' } as const;
export const NAMESPACES = { group: '', resource: 'namespaces' } as const;
export const NODES = { group: '', resource: 'nodes' } as const;
export const SERVICEACCOUNTS = { group: '', resource: 'serviceaccounts' } as const;
export const CONFIGMAPS = { group: '', resource: 'configmaps' } as const;

/** "namespace/name", the work-queue key client-go's MetaNamespaceKeyFunc makes. */
export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** RFC3339 with second precision, as metav1.Time serialises. */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

// Timestamps have second precision, so thousands of pods share a handful of them: remember parses.
const parsed = new Map<string, number>();

export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  let ms = parsed.get(value);
  if (ms === undefined) {
    ms = Date.parse(value);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(value, ms);
  }
  return Number.isNaN(ms) ? undefined : ms;
}
