// What kube-proxy's rules do with a packet for a Service: match the ClusterIP (or a NodePort on
// any node) and port, then DNAT to one ready endpoint from the Service's EndpointSlices. A
// Service with no ready endpoints has a REJECT rule (the client sees "connection refused"); a
// ClusterIP on a port the Service does not serve matches nothing and the packet is lost.
// Endpoints are taken in turn per Service port, which makes load balancing visible and
// repeatable (iptables mode picks at random; the spread is the same over many requests).
import type { ClusterView, EndpointSliceObject, ServiceObject, ServicePort } from './cluster-view.ts';

export interface Backend {
  ip: string;
  port: number;
  nodeName?: string;
  /** The pod behind the endpoint, when the slice names one. */
  pod?: { namespace: string; name: string };
}

export type Routing =
  | { kind: 'not-a-service' }
  | { kind: 'unserved-port'; service: ServiceObject }
  | { kind: 'no-endpoints'; service: ServiceObject; servicePort: ServicePort }
  | { kind: 'backend'; service: ServiceObject; servicePort: ServicePort; backend: Backend };

export class KubeProxy {
  #turns = new Map<string, number>();

  /** A connection to ClusterIP:port. */
  routeClusterIP(view: ClusterView, ip: string, port: number): Routing {
    const service = view.services.find((s) => s.spec?.clusterIP === ip && s.spec.clusterIP !== 'None' && s.spec.type !== 'ExternalName');
    if (!service) return { kind: 'not-a-service' };
    const servicePort = (service.spec?.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    if (!servicePort) return { kind: 'unserved-port', service };
    return this.#pick(view, service, servicePort);
  }

  /** A connection to any node's IP on a node port (externalTrafficPolicy Cluster: any endpoint). */
  routeNodePort(view: ClusterView, nodePort: number): Routing {
    for (const service of view.services) {
      if (service.spec?.type !== 'NodePort' && service.spec?.type !== 'LoadBalancer') continue;
      const servicePort = (service.spec.ports ?? []).find((p) => p.nodePort === nodePort && (p.protocol ?? 'TCP') === 'TCP');
      if (servicePort) return this.#pick(view, service, servicePort);
    }
    return { kind: 'not-a-service' };
  }

  /** Every endpoint a connection to this Service port could land on (ready first, as kube-proxy chooses). */
  backends(view: ClusterView, service: ServiceObject, servicePort: ServicePort): Backend[] {
    const slices = view.slicesOf(service);
    const ready = collect(slices, servicePort, (c) => c?.ready !== false);
    // Only when nothing is ready does kube-proxy fall back to endpoints still serving while terminating.
    return ready.length > 0 ? ready : collect(slices, servicePort, (c) => !!c?.serving && !!c?.terminating);
  }

  #pick(view: ClusterView, service: ServiceObject, servicePort: ServicePort): Routing {
    const backends = this.backends(view, service, servicePort);
    if (backends.length === 0) return { kind: 'no-endpoints', service, servicePort };
    const key = `${service.metadata.namespace}/${service.metadata.name}:${servicePort.port}`;
    const turn = this.#turns.get(key) ?? 0;
    this.#turns.set(key, turn + 1);
    return { kind: 'backend', service, servicePort, backend: backends[turn % backends.length]! };
  }
}

function collect(slices: EndpointSliceObject[], servicePort: ServicePort, keep: (c: { ready?: boolean; serving?: boolean; terminating?: boolean } | undefined) => boolean): Backend[] {
  const wanted = servicePort.name ?? '';
  const out: Backend[] = [];
  for (const slice of slices) {
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === wanted);
    if (!port?.port) continue;
    for (const e of slice.endpoints ?? []) {
      if (!keep(e.conditions) || !e.addresses[0]) continue;
      const ref = e.targetRef;
      out.push({
        ip: e.addresses[0],
        port: port.port,
        nodeName: e.nodeName,
        pod: ref?.kind === 'Pod' && ref.name ? { namespace: ref.namespace ?? slice.metadata.namespace ?? '', name: ref.name } : undefined,
      });
    }
  }
  // Stable order, so "in turn" means the same thing on every run.
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
}
