// The objects the network reads, narrowed to the fields it uses. One ClusterView per request:
// lists are read once from the API (as kube-proxy and CoreDNS keep informer caches) and indexed.
import type { ApiClient, KubeObject } from '../machinery/types.ts';

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceObject extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    selector?: Record<string, string>;
    ports?: ServicePort[];
    externalName?: string;
  };
}

export interface SliceEndpoint {
  addresses: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string; uid?: string };
}

export interface EndpointSliceObject extends KubeObject {
  endpoints?: SliceEndpoint[] | null;
  ports?: Array<{ name?: string; port?: number; protocol?: string }> | null;
}

export interface PodObject extends KubeObject {
  spec?: { nodeName?: string; hostname?: string; subdomain?: string; containers?: Array<{ name: string; image?: string; ports?: Array<{ containerPort: number; name?: string }> }> };
  status?: { phase?: string; podIP?: string; hostIP?: string };
}

export interface NodeObject extends KubeObject {
  status?: { addresses?: Array<{ type: string; address: string }> };
}

const SERVICES = { resource: 'services' };
const SLICES = { group: 'discovery.k8s.io', resource: 'endpointslices' };
const PODS = { resource: 'pods' };
const NODES = { resource: 'nodes' };

export const serviceNameLabel = 'kubernetes.io/service-name';

export class ClusterView {
  readonly services: ServiceObject[];
  readonly slices: EndpointSliceObject[];
  readonly pods: PodObject[];
  readonly nodes: NodeObject[];

  constructor(client: ApiClient) {
    this.services = client.list<ServiceObject>(SERVICES).items;
    this.slices = client.list<EndpointSliceObject>(SLICES).items;
    this.pods = client.list<PodObject>(PODS).items;
    this.nodes = client.list<NodeObject>(NODES).items;
  }

  service(namespace: string, name: string): ServiceObject | undefined {
    return this.services.find((s) => s.metadata.namespace === namespace && s.metadata.name === name);
  }

  slicesOf(service: ServiceObject): EndpointSliceObject[] {
    return this.slices.filter((s) => s.metadata.namespace === service.metadata.namespace && s.metadata.labels?.[serviceNameLabel] === service.metadata.name);
  }

  pod(namespace: string, name: string): PodObject | undefined {
    return this.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
  }

  /** The live pod holding this IP (terminal pods give theirs back). */
  podByIP(ip: string): PodObject | undefined {
    return this.pods.find((p) => p.status?.podIP === ip && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !isHostNetwork(p));
  }

  nodeIP(node: NodeObject): string | undefined {
    return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  }

  nodeByIP(ip: string): NodeObject | undefined {
    return this.nodes.find((n) => this.nodeIP(n) === ip);
  }

  node(name: string): NodeObject | undefined {
    return this.nodes.find((n) => n.metadata.name === name);
  }

  namespaceExists(name: string): boolean {
    // Services are the cheapest signal; the `kubernetes` Service lives in default.
    return this.services.some((s) => s.metadata.namespace === name) || this.pods.some((p) => p.metadata.namespace === name);
  }
}

function isHostNetwork(pod: PodObject): boolean {
  return !!(pod.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork;
}
