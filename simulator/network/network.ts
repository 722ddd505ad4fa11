// The cluster network as a program inside it (or the learner's machine outside it) sees it:
//
//   const net = new ClusterNetwork({ client, clock, backends: runtimeBackends(runtime) });
//   net.resolve('catalog', { pod: { namespace: 'bookstore', name: 'web' } });
//   net.request({ pod: { namespace: 'bookstore', name: 'web' } }, 'http://catalog/books');
//
// A request resolves the host through cluster DNS (pods only), follows kube-proxy's rules for
// ClusterIPs and NodePorts, and lands on one container's HTTP handler. The outcome says what a
// client saw and after how long; curl and wget (http-clients/) turn it into their own words.
import type { ApiClient, Clock } from '../machinery/types.ts';
import type { HttpRequest, HttpResponse } from '../workloads/container-model.ts';
import { isIPv4, parseUrl, workstationPortMappings, type ParsedUrl } from './addresses.ts';
import { apiServerAnswer, apiServerPort, plainHttpToTls } from './api-server-endpoint.ts';
import { ClusterView, type PodObject } from './cluster-view.ts';
import { lookup, type DnsAnswer } from './dns.ts';
import { KubeProxy, type Backend } from './kube-proxy.ts';
import type { PodBackends } from './pod-backends.ts';

/** Where a request starts: inside a pod, on a node, or on the learner's own machine. */
export type NetworkOrigin = { pod: { namespace: string; name: string } } | { node: string } | 'workstation';

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** curl -k / wget --no-check-certificate: accept the cluster's self-signed certificate. */
  insecure?: boolean;
}

export interface Connection {
  url: ParsedUrl;
  /** The address connected to (the ClusterIP, node IP or pod IP the name resolved to). */
  ip: string;
  /** The pod that answered, when one did. */
  servedBy?: { namespace: string; name: string };
}

export type RequestOutcome =
  | { kind: 'bad-url'; reason: 'scheme' | 'malformed'; scheme?: string }
  | { kind: 'unresolved'; host: string }
  /** A name that exists but has no address (a headless Service without ready pods, an ExternalName). */
  | { kind: 'no-address'; host: string }
  | ({ kind: 'response'; response: HttpResponse; afterMs: number } & Connection)
  | ({ kind: 'refused'; afterMs: number } & Connection)
  | ({ kind: 'no-route'; afterMs: number } & Connection)
  /** The connection never completes: packets are dropped. The client's own timeout decides. */
  | ({ kind: 'timeout' } & Connection)
  | ({ kind: 'reset'; afterMs: number } & Connection)
  /** TLS: the server's certificate is signed by the cluster CA, which the client does not trust. */
  | ({ kind: 'tls-untrusted'; afterMs: number } & Connection)
  /** TLS spoken to a plain-HTTP server. */
  | ({ kind: 'tls-mismatch'; afterMs: number } & Connection);

export interface ClusterNetworkOptions {
  client: ApiClient;
  clock: Clock;
  backends: PodBackends;
}

/** ms a refused or reset connection takes inside the cluster, and an unanswered ARP on the pod bridge. */
const fastMs = 1;
const noRouteMs = 3_000;

export class ClusterNetwork {
  readonly client: ApiClient;
  readonly clock: Clock;
  readonly backends: PodBackends;
  readonly proxy = new KubeProxy();
  #dnsTurn = 0;

  constructor(options: ClusterNetworkOptions) {
    this.client = options.client;
    this.clock = options.clock;
    this.backends = options.backends;
  }

  /** Cluster DNS as the origin's resolver sees it; the workstation knows no cluster names. */
  resolve(name: string, from: NetworkOrigin): DnsAnswer {
    const view = new ClusterView(this.client);
    return this.#resolve(view, name, from);
  }

  request(from: NetworkOrigin, url: string, options: RequestOptions = {}): RequestOutcome {
    const parsed = parseUrl(url);
    if ('error' in parsed) return { kind: 'bad-url', reason: parsed.error, scheme: 'scheme' in parsed ? parsed.scheme : undefined };
    const view = new ClusterView(this.client);
    const sourcePod = typeof from === 'object' && 'pod' in from ? view.pod(from.pod.namespace, from.pod.name) : undefined;

    let ip: string;
    if (parsed.host === 'localhost' || parsed.host === '127.0.0.1') {
      if (from === 'workstation') return this.#workstationLocalhost(view, parsed, options);
      // Inside a pod, localhost is the pod's own network namespace: its other containers too.
      ip = sourcePod?.status?.podIP ?? '127.0.0.1';
    } else {
      const answer = this.#resolve(view, parsed.host, from);
      if (!answer.found) return { kind: 'unresolved', host: parsed.host };
      if (answer.addresses.length === 0) return { kind: 'no-address', host: parsed.host };
      ip = answer.addresses[0]!;
    }
    const sourceIP = sourcePod?.status?.podIP ?? (typeof from === 'object' && 'node' in from ? nodeAddress(view, from.node) : '172.18.0.1');
    return this.#connect(view, from, parsed, ip, sourceIP, options);
  }

  #resolve(view: ClusterView, name: string, from: NetworkOrigin): DnsAnswer {
    if (from === 'workstation' || 'node' in from) {
      // The node and the learner's machine use the host's resolver: node names and IPs only.
      const lower = name.toLowerCase();
      if (isIPv4(lower)) return { found: true, fqdn: lower, addresses: [lower] };
      const node = view.node(lower);
      const ip = node && view.nodeIP(node);
      return ip ? { found: true, fqdn: lower, addresses: [ip] } : { found: false, tried: [lower] };
    }
    return lookup(view, name, from.pod.namespace, this.#dnsTurn++);
  }

  #connect(view: ClusterView, from: NetworkOrigin, url: ParsedUrl, ip: string, sourceIP: string, options: RequestOptions): RequestOutcome {
    const base: Connection = { url, ip };
    const node = view.nodeByIP(ip);
    if (node) {
      const nodeName = node.metadata.name!;
      if (!this.backends.nodeRunning(nodeName)) return { kind: 'timeout', ...base };
      if (url.port === apiServerPort && view.pods.some((p) => p.spec?.nodeName === nodeName && p.metadata.name?.startsWith('kube-apiserver-'))) {
        return this.#apiServer(base, options);
      }
      if (url.port >= 30000 && url.port <= 32767) return this.#viaService(view, from, base, this.proxy.routeNodePort(view, url.port), nodeAddress(view, nodeName), options);
      return { kind: 'refused', afterMs: fastMs, ...base };
    }
    if (from === 'workstation') return { kind: 'timeout', ...base }; // no route into the cluster's networks
    const routing = this.proxy.routeClusterIP(view, ip, url.port);
    if (routing.kind !== 'not-a-service') return this.#viaService(view, from, base, routing, sourceIP, options);
    return this.#toPod(view, base, ip, url.port, sourceIP, options);
  }

  #viaService(view: ClusterView, from: NetworkOrigin, base: Connection, routing: ReturnType<KubeProxy['routeClusterIP']>, sourceIP: string, options: RequestOptions): RequestOutcome {
    switch (routing.kind) {
      case 'not-a-service':
        return { kind: 'refused', afterMs: fastMs, ...base };
      case 'unserved-port':
        return { kind: 'timeout', ...base };
      case 'no-endpoints':
        return { kind: 'refused', afterMs: fastMs, ...base };
      case 'backend':
        return this.#toBackend(view, from, base, routing.backend, sourceIP, options);
    }
  }

  #toBackend(view: ClusterView, _from: NetworkOrigin, base: Connection, backend: Backend, sourceIP: string, options: RequestOptions): RequestOutcome {
    // The kubernetes Service's endpoint is the API server on the control-plane node, not a pod.
    if (view.nodeByIP(backend.ip)) {
      if (backend.nodeName && !this.backends.nodeRunning(backend.nodeName)) return { kind: 'timeout', ...base };
      return backend.port === apiServerPort ? this.#apiServer(base, options) : { kind: 'refused', afterMs: fastMs, ...base };
    }
    return this.#toPod(view, base, backend.ip, backend.port, sourceIP, options);
  }

  #toPod(view: ClusterView, base: Connection, ip: string, port: number, sourceIP: string, options: RequestOptions): RequestOutcome {
    const pod = view.podByIP(ip);
    if (!pod) return { kind: 'no-route', afterMs: noRouteMs, ...base };
    const servedBy = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' };
    const req: HttpRequest = {
      method: options.method ?? 'GET',
      path: base.url.path,
      port,
      headers: { host: hostHeader(base.url), 'x-client-ip': sourceIP, ...lowerKeys(options.headers ?? {}) },
    };
    const answer = this.backends.http(pod, ip, req, this.clock.now());
    if (answer === 'unreachable') return { kind: 'timeout', ...base, servedBy };
    if (answer === 'refused') return { kind: 'refused', afterMs: fastMs, ...base };
    if (answer === 'reset') return { kind: 'reset', afterMs: fastMs, ...base, servedBy };
    if (base.url.scheme === 'https') return { kind: 'tls-mismatch', afterMs: fastMs, ...base, servedBy };
    return { kind: 'response', response: answer, afterMs: answer.delayMs ?? fastMs, ...base, servedBy };
  }

  #apiServer(base: Connection, options: RequestOptions): RequestOutcome {
    if (base.url.scheme === 'http') return { kind: 'response', response: plainHttpToTls, afterMs: fastMs, ...base };
    if (!options.insecure) return { kind: 'tls-untrusted', afterMs: 5, ...base };
    const req: HttpRequest = { method: options.method ?? 'GET', path: base.url.path, port: base.url.port, headers: lowerKeys(options.headers ?? {}) };
    return { kind: 'response', response: apiServerAnswer(req), afterMs: 5, ...base };
  }

  /** kind publishes a few node ports on the learner's localhost (docker's port mapping in between). */
  #workstationLocalhost(view: ClusterView, url: ParsedUrl, options: RequestOptions): RequestOutcome {
    const base: Connection = { url, ip: '127.0.0.1' };
    const nodePort = workstationPortMappings[url.port];
    if (nodePort === undefined) return { kind: 'refused', afterMs: 0, ...base };
    const controlPlane = view.nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? view.nodes[0];
    const cpName = controlPlane?.metadata.name;
    // docker-proxy accepts the connection and drops it when nothing answers behind it.
    if (!controlPlane || !cpName || !this.backends.nodeRunning(cpName)) return { kind: 'reset', afterMs: fastMs, ...base };
    const routed = this.#viaService(view, 'workstation', base, this.proxy.routeNodePort(view, nodePort), nodeAddress(view, cpName), options);
    return routed.kind === 'refused' || routed.kind === 'timeout' ? { kind: 'reset', afterMs: fastMs, ...base } : routed;
  }
}

function nodeAddress(view: ClusterView, nodeName: string): string {
  const node = view.node(nodeName);
  return (node && view.nodeIP(node)) ?? '172.18.0.1';
}

function hostHeader(url: ParsedUrl): string {
  const defaultPort = url.scheme === 'https' ? 443 : 80;
  return url.port === defaultPort ? url.host : `${url.host}:${url.port}`;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export type { PodObject };
