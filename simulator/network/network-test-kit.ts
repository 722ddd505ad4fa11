// Test setup for the network: a kind-like cluster with the endpoint controllers, pods given a
// node and an IP by hand (no kubelet needed), and backends that answer like tiny web servers.
import { createCluster, type Cluster } from '../cluster.ts';
import { createGarbageCollector } from '../controllers/garbage-collector.ts';
import { workloadControllerFactories } from '../controllers/workload-index.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { HttpResponse } from '../workloads/container-model.ts';
import { ClusterNetwork } from './network.ts';
import type { PodBackends } from './pod-backends.ts';

export interface FakeServer {
  port: number;
  answer?: (path: string) => HttpResponse | 'reset';
}

export function networkTestbed() {
  const cluster: Cluster = createCluster({ controllers: [(d) => createGarbageCollector(d.api.store), ...workloadControllerFactories()] });
  const servers = new Map<string, FakeServer>(); // pod name → what listens
  const stopped = new Set<string>();
  const requests: Array<{ pod: string; path: string; clientIP: string }> = [];
  const backends: PodBackends = {
    nodeRunning: (name) => !stopped.has(name),
    http(pod, _ip, req) {
      if (pod.spec?.nodeName && stopped.has(pod.spec.nodeName)) return 'unreachable';
      const server = servers.get(pod.metadata.name!);
      if (!server || server.port !== req.port) return 'refused';
      requests.push({ pod: pod.metadata.name!, path: req.path, clientIP: req.headers['x-client-ip'] ?? '' });
      return server.answer?.(req.path) ?? { status: 200, body: `hello from ${pod.metadata.name}\n` };
    },
  };
  const network = new ClusterNetwork({ client: cluster.client, clock: cluster.clock, backends });

  /** A Running pod on a node with an IP, ready or not, serving on port. */
  function runPod(namespace: string, name: string, opts: { labels?: Record<string, string>; ip: string; node?: string; ready?: boolean; port?: number; hostname?: string; subdomain?: string }) {
    const pod = cluster.client.create<KubeObject>({ resource: 'pods' }, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: opts.labels ?? {} },
      spec: { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: opts.port ?? 80, name: 'http' }] }], nodeName: opts.node ?? 'wheelhouse-worker', hostname: opts.hostname, subdomain: opts.subdomain },
    });
    const ready = opts.ready ?? true;
    const now = new Date(cluster.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    pod.status = {
      phase: 'Running',
      podIP: opts.ip,
      podIPs: [{ ip: opts.ip }],
      hostIP: '172.18.0.3',
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now },
        { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: now },
      ],
    };
    cluster.client.updateStatus({ resource: 'pods' }, pod);
    servers.set(name, { port: opts.port ?? 80 });
    cluster.runUntilIdle();
  }

  function createService(namespace: string, name: string, spec: Record<string, unknown>): KubeObject {
    const svc = cluster.client.create<KubeObject>({ resource: 'services' }, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec });
    cluster.runUntilIdle();
    return svc;
  }

  function namespace(name: string) {
    cluster.client.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    cluster.runUntilIdle();
  }

  return { cluster, network, servers, stopped, requests, runPod, createService, namespace };
}
