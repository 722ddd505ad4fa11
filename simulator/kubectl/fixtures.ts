// Objects the tests put into a fresh cluster: pods made Running through the status subresource
// (the default test cluster runs no kubelet), a deployment manifest, and a helper that runs a
// line and returns everything kubectl printed.
import type { Cluster } from '../cluster.ts';
import type { KubeObject } from '../machinery/types.ts';

export function runningPod(cluster: Cluster, name: string, opts: { namespace?: string; labels?: Record<string, string>; image?: string; node?: string; ip?: string } = {}): KubeObject {
  const namespace = opts.namespace ?? 'default';
  const pod = cluster.client.create<KubeObject>(
    { resource: 'pods' },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: opts.labels ?? { run: name } },
      spec: { containers: [{ name, image: opts.image ?? 'nginx' }], nodeName: opts.node ?? 'wheelhouse-worker' },
    },
  );
  const started = new Date(cluster.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return cluster.client.updateStatus<KubeObject>(
    { resource: 'pods' },
    {
      ...pod,
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: started }],
        hostIP: '172.18.0.3',
        podIP: opts.ip ?? '10.244.1.5',
        podIPs: [{ ip: opts.ip ?? '10.244.1.5' }],
        startTime: started,
        containerStatuses: [
          { name, image: opts.image ?? 'nginx', imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: started } } },
        ],
      },
    },
  );
}

export const deploymentYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
        ports:
        - containerPort: 80
`;
