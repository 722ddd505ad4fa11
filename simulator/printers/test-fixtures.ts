// Objects shaped exactly as an API server returns them, shared by the printer and describe tests
// and the benchmark. The first ones are the objects of the captured kubectl session (the fake
// API server of kubectl-requests.log), so their expected output is real kubectl 1.32 output.
import type { KubeObject } from '../machinery/types.ts';

export const T0 = '2026-11-21T21:10:58Z';
/** Five seconds after the captured objects were created: every AGE in the transcript reads 5s. */
export const NOW = Date.parse('2026-11-21T21:11:03Z');

export function transcriptPod(name: string, labels: Record<string, string>, image: string, ip: string, uid: string, rv: string, args?: string[]): KubeObject {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: T0, labels, namespace: 'default', uid, generation: 1, resourceVersion: rv },
    spec: {
      containers: [{ name, image, ...(args ? { args } : {}), resources: {} }],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      nodeName: 'node-1',
    },
    status: {
      conditions: [{ status: 'True', type: 'Ready' }],
      containerStatuses: [
        {
          containerID: 'containerd://7eb99cd649f78924be658f746f2a9361c2e8c1237d4f3c6d7d5f82da089d9cd8',
          image,
          imageID: '',
          name,
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: T0 } },
        },
      ],
      hostIP: '172.18.0.2',
      phase: 'Running',
      podIP: ip,
      startTime: T0,
    },
  };
}

export const nginxPod = (): KubeObject =>
  transcriptPod('nginx', { app: 'nginx', tier: 'web' }, 'nginx', '10.244.0.0', '5f5bf4e9-4e81-46f3-b09b-3d02e6e2f518', '1001');
export const busyPod = (): KubeObject =>
  transcriptPod('busy', { run: 'busy' }, 'busybox', '10.244.0.1', '192ca1a1-84fc-4805-9163-bb6d14da9b9c', '1002', ['sleep', '3600']);

/** The Deployment of the transcript's `get deploy` (revision 2, nginx:1.26, 2/2 ready). */
export function webDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      annotations: {
        'deployment.kubernetes.io/revision': '2',
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n',
      },
      creationTimestamp: '2026-11-21T20:57:44Z',
      generation: 2,
      labels: { app: 'web' },
      name: 'web',
      namespace: 'default',
      resourceVersion: '1007',
      uid: '7dfc08a9-0309-449b-be94-435e855bb6ab',
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 2,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.26',
              name: 'nginx',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              imagePullPolicy: 'IfNotPresent',
            },
          ],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
    },
    status: {
      availableReplicas: 2,
      conditions: [
        {
          lastTransitionTime: '2026-11-21T20:57:45Z',
          lastUpdateTime: '2026-11-21T20:57:45Z',
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        },
        {
          lastTransitionTime: '2026-11-21T20:57:45Z',
          lastUpdateTime: '2026-11-21T20:57:45Z',
          message: 'ReplicaSet "web-59bbf76844" has successfully progressed.',
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        },
      ],
      observedGeneration: 2,
      readyReplicas: 2,
      replicas: 2,
      updatedReplicas: 2,
    },
  };
}

/** A pod as a kind cluster's API server stores one made by a Deployment: every default filled in. */
export function kindPod(overrides: { name?: string; status?: Record<string, unknown> } = {}): KubeObject {
  const name = overrides.name ?? 'web-59bbf76844-x2x9k';
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      generateName: 'web-59bbf76844-',
      namespace: 'default',
      uid: '0b6bd0b4-9d1a-4a53-8a3e-5d1f0f7f2c11',
      resourceVersion: '2051',
      creationTimestamp: '2026-11-21T21:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '59bbf76844' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-59bbf76844',
          uid: 'c3a0b7de-2c1b-4f43-9b1e-0d2b8a7e6f10',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      volumes: [
        {
          name: 'kube-api-access-7x2lq',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
            defaultMode: 420,
          },
        },
      ],
      containers: [
        {
          name: 'web',
          image: 'ghcr.io/wheelhouse/bookstore-web:1.4.0',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: [
            { name: 'CATALOG_URL', value: 'http://catalog:8080' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
          resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
          volumeMounts: [{ name: 'kube-api-access-7x2lq', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
          livenessProbe: {
            httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 2,
            timeoutSeconds: 1,
            periodSeconds: 5,
            successThreshold: 1,
            failureThreshold: 3,
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: 'kind-worker',
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: overrides.status ?? {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-21T21:00:03Z' },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-21T21:00:00Z' },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-21T21:00:41Z' },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-21T21:00:41Z' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-21T21:00:00Z' },
      ],
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: '2026-11-21T21:00:00Z',
      containerStatuses: [
        {
          name: 'web',
          state: { running: { startedAt: '2026-11-21T21:00:33Z' } },
          lastState: {
            terminated: {
              exitCode: 137,
              reason: 'OOMKilled',
              startedAt: '2026-11-21T21:00:02Z',
              finishedAt: '2026-11-21T21:00:32Z',
              containerID: 'containerd://1f0c',
            },
          },
          ready: true,
          restartCount: 1,
          image: 'ghcr.io/wheelhouse/bookstore-web:1.4.0',
          imageID: 'ghcr.io/wheelhouse/bookstore-web@sha256:5e1a',
          containerID: 'containerd://9a7b',
          started: true,
        },
      ],
      qosClass: 'Burstable',
    },
  };
}

/** An event as the kubelet records one, repeated `count` times. */
export function podEvent(
  involved: { name: string; uid: string; namespace?: string },
  reason: string,
  message: string,
  first: string,
  last: string,
  count = 1,
  type = 'Normal',
  component = 'kubelet',
): KubeObject {
  const ns = involved.namespace ?? 'default';
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { name: `${involved.name}.${reason.toLowerCase()}`, namespace: ns, uid: `ev-${reason}`, resourceVersion: '1', creationTimestamp: first },
    involvedObject: { kind: 'Pod', namespace: ns, name: involved.name, uid: involved.uid, apiVersion: 'v1', resourceVersion: '2051' },
    reason,
    message,
    source: { component, ...(component === 'kubelet' ? { host: 'kind-worker' } : {}) },
    firstTimestamp: first,
    lastTimestamp: last,
    count,
    type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? 'kind-worker' : '',
  };
}
