// What a fresh cluster holds, modelled on a three-node kind cluster (`kind create cluster` with one
// control plane and two workers, Kubernetes v1.32): namespaces, nodes, the kubernetes Service,
// CoreDNS, the control-plane static pods, kube-proxy and kindnet on every node, and kind's
// local-path provisioner. Everything is written through the API, so it carries real metadata.
// System pods are seeded already bound and Running, as they are when kind hands over a cluster.
import type { ApiServer } from './machinery/api-server.ts';
import { rfc3339 } from './machinery/clock.ts';
import { randomHex } from './machinery/names.ts';
import type { KubeObject, OwnerReference, ResourceRef } from './machinery/types.ts';
import { computePodTemplateHash } from './controllers/pod-template-hash.ts';

export const kubernetesVersion = 'v1.32.2';
export const clusterName = 'wheelhouse';

const R = {
  namespaces: { resource: 'namespaces' },
  nodes: { resource: 'nodes' },
  pods: { resource: 'pods' },
  services: { resource: 'services' },
  endpoints: { resource: 'endpoints' },
  endpointslices: { group: 'discovery.k8s.io', resource: 'endpointslices' },
  configmaps: { resource: 'configmaps' },
  serviceaccounts: { resource: 'serviceaccounts' },
  deployments: { group: 'apps', resource: 'deployments' },
  replicasets: { group: 'apps', resource: 'replicasets' },
  daemonsets: { group: 'apps', resource: 'daemonsets' },
  storageclasses: { group: 'storage.k8s.io', resource: 'storageclasses' },
  leases: { group: 'coordination.k8s.io', resource: 'leases' },
} satisfies Record<string, ResourceRef>;

export interface SeedNode {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

export function kindNodes(workers: number): SeedNode[] {
  const nodes: SeedNode[] = [{ name: `${clusterName}-control-plane`, ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true }];
  for (let i = 1; i <= workers; i++) {
    nodes.push({ name: `${clusterName}-worker${i === 1 ? '' : i}`, ip: `172.18.0.${i + 2}`, podCIDR: `10.244.${i}.0/24`, controlPlane: false });
  }
  return nodes;
}

const images = {
  coredns: 'registry.k8s.io/coredns/coredns:v1.11.3',
  etcd: 'registry.k8s.io/etcd:3.5.16-0',
  apiserver: `registry.k8s.io/kube-apiserver:${kubernetesVersion}`,
  controllerManager: `registry.k8s.io/kube-controller-manager:${kubernetesVersion}`,
  scheduler: `registry.k8s.io/kube-scheduler:${kubernetesVersion}`,
  proxy: `registry.k8s.io/kube-proxy:${kubernetesVersion}`,
  kindnet: 'docker.io/kindest/kindnetd:v20241212-9f82dd49',
  localPath: 'docker.io/kindest/local-path-provisioner:v20241212-8ac705d0',
  pause: 'registry.k8s.io/pause:3.10',
};

/** Seeds everything; returns nothing, throws an ApiError if the API refused something (a bug). */
export function seedKindCluster(api: ApiServer, options: { workers: number }): void {
  const now = api.clock.now();
  const nodes = kindNodes(options.workers);
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) {
    api.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  for (const n of nodes) seedNode(api, n, now);
  seedKubernetesService(api, nodes[0]!);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) seedNamespaceBasics(api, ns);
  api.create(R.storageclasses, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });

  const cp = nodes[0]!;
  let podIndex = 0;
  const nextPodIP = (node: SeedNode) => `${node.podCIDR.split('.').slice(0, 3).join('.')}.${2 + podIndex++}`;

  // Control-plane static pods: mirror pods owned by their Node, on the host network.
  for (const [component, image, tier] of [
    ['etcd', images.etcd, 'control-plane'],
    ['kube-apiserver', images.apiserver, 'control-plane'],
    ['kube-controller-manager', images.controllerManager, 'control-plane'],
    ['kube-scheduler', images.scheduler, 'control-plane'],
  ] as const) {
    const nodeObj = api.get(R.nodes, undefined, cp.name);
    seedRunningPod(api, {
      metadata: {
        name: `${component}-${cp.name}`,
        namespace: 'kube-system',
        labels: { component, tier },
        annotations: { 'kubernetes.io/config.source': 'file' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: cp.name, uid: nodeObj.metadata.uid!, controller: true }],
      },
      spec: {
        nodeName: cp.name,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        priority: 2000001000,
        containers: [{ name: component, image, command: [component] }],
      },
      node: cp,
      podIP: cp.ip,
      now,
    });
  }

  // CoreDNS: a Deployment with its ReplicaSet and two pods, on the control plane like kind's.
  const corednsTemplate = {
    metadata: { labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns',
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      containers: [
        {
          name: 'coredns',
          image: images.coredns,
          args: ['-conf', '/etc/coredns/Corefile'],
          ports: [
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
            { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
          ],
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        },
      ],
    },
  };
  api.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } });
  api.create(R.configmaps, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    data: {
      Corefile:
        '.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30 {\n       disable success cluster.local\n       disable denial cluster.local\n    }\n    loop\n    reload\n    loadbalance\n}\n',
    },
  });
  seedDeployment(api, 'kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, 2, corednsTemplate, [cp, cp], nextPodIP, now);
  api.create(R.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      selector: { 'k8s-app': 'kube-dns' },
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });

  // kube-proxy and kindnet: one pod per node, owned by their DaemonSets, on the host network.
  for (const [name, image, appLabel] of [
    ['kube-proxy', images.proxy, { 'k8s-app': 'kube-proxy' }],
    ['kindnet', images.kindnet, { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }],
  ] as const) {
    const template = {
      metadata: { labels: { ...appLabel } },
      spec: {
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        serviceAccountName: name,
        tolerations: [{ operator: 'Exists' }],
        containers: [{ name: name === 'kindnet' ? 'kindnet-cni' : 'kube-proxy', image }],
      },
    };
    api.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } });
    const ds = api.create<KubeObject>(R.daemonsets, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name, namespace: 'kube-system', labels: { ...appLabel } },
      spec: { selector: { matchLabels: { ...(name === 'kindnet' ? { app: 'kindnet' } : appLabel) } }, template },
    });
    const owner: OwnerReference = { apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true };
    for (const n of nodes) {
      seedRunningPod(api, {
        metadata: { generateName: `${name}-`, namespace: 'kube-system', labels: { ...appLabel, 'controller-revision-hash': '7d4b8c9f5', 'pod-template-generation': '1' }, ownerReferences: [owner] },
        spec: { ...structuredCloneJson(template.spec), nodeName: n.name },
        node: n,
        podIP: n.ip,
        now,
      });
    }
    const count = nodes.length;
    api.updateStatus(R.daemonsets, {
      ...ds,
      status: { currentNumberScheduled: count, desiredNumberScheduled: count, numberAvailable: count, numberMisscheduled: 0, numberReady: count, observedGeneration: 1, updatedNumberScheduled: count },
    });
  }

  // kind's local-path provisioner, in its own namespace.
  api.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'local-path-provisioner-service-account', namespace: 'local-path-storage' } });
  seedDeployment(
    api,
    'local-path-storage',
    'local-path-provisioner',
    { app: 'local-path-provisioner' },
    1,
    {
      metadata: { labels: { app: 'local-path-provisioner' } },
      spec: {
        serviceAccountName: 'local-path-provisioner-service-account',
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' }],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        containers: [{ name: 'local-path-provisioner', image: images.localPath, command: ['local-path-provisioner', '--debug', 'start', '--helper-image', 'docker.io/kindest/local-path-helper:v20241212-8ac705d0', '--config', '/etc/config/config.json'] }],
      },
    },
    [cp],
    nextPodIP,
    now,
  );
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function seedNode(api: ApiServer, n: SeedNode, now: number): void {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const spec: Record<string, unknown> = { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR], providerID: `kind://docker/${clusterName}/${n.name}` };
  if (n.controlPlane) spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];
  const node = api.create<KubeObject>(R.nodes, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
  });
  const t = rfc3339(now);
  const condition = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: t, lastTransitionTime: t, reason, message });
  const resources = { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16351264Ki', pods: '110' };
  api.updateStatus(R.nodes, {
    ...node,
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: randomHex(api.random, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-51-generic',
        kubeProxyVersion: kubernetesVersion,
        kubeletVersion: kubernetesVersion,
        machineID: randomHex(api.random, 32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: randomHex(api.random, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
      },
      images: Object.values(images).map((name) => ({ names: [name], sizeBytes: 10_000_000 + (name.length * 1_000_003) % 90_000_000 })),
    },
  });
  // The node's heartbeat lease, renewed by its kubelet.
  api.create(R.leases, {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: n.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: n.name, uid: node.metadata.uid! }] },
    spec: { holderIdentity: n.name, leaseDurationSeconds: 40, renewTime: `${new Date(now).toISOString().slice(0, 23)}000Z` },
  });
}

function seedKubernetesService(api: ApiServer, cp: SeedNode): void {
  api.create(R.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  api.create(R.endpoints, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: cp.ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  api.create(R.endpointslices, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [cp.ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
}

const rootCA =
  '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIWheelhouseSimulatedCAcertificateDoNotUseMA0GCSqGSIb3DQEBCwUA\nMBUxEzARBgNVBAMTCmt1YmVybmV0ZXMwHhcNMjUwMTAxMDAwMDAwWhcNMzUwMTAxMDAwMDAwWjAV\n-----END CERTIFICATE-----\n';

/** What the serviceaccount and root-ca-cert-publisher controllers put in every namespace. */
export function seedNamespaceBasics(api: ApiServer, namespace: string): void {
  if (!api.store.get(api.resolve(R.serviceaccounts, 'get'), namespace, 'default')) {
    api.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
  }
  if (!api.store.get(api.resolve(R.configmaps, 'get'), namespace, 'kube-root-ca.crt')) {
    api.create(R.configmaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
      data: { 'ca.crt': rootCA },
    });
  }
}

interface RunningPodSeed {
  metadata: KubeObject['metadata'];
  spec: Record<string, unknown>;
  node: SeedNode;
  podIP: string;
  now: number;
}

function seedRunningPod(api: ApiServer, seed: RunningPodSeed): KubeObject {
  const pod = api.create<KubeObject>(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: seed.metadata, spec: seed.spec });
  const t = rfc3339(seed.now);
  const containers = ((pod.spec as { containers?: Array<{ name: string; image: string }> }).containers ?? []).map((c) => ({
    name: c.name,
    image: c.image,
    imageID: `${c.image.split(':')[0]}@sha256:${randomHex(api.random, 64)}`,
    containerID: `containerd://${randomHex(api.random, 64)}`,
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: t } },
    lastState: {},
  }));
  const condition = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: t });
  api.updateStatus(R.pods, {
    ...pod,
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
      hostIP: seed.node.ip,
      hostIPs: [{ ip: seed.node.ip }],
      podIP: seed.podIP,
      podIPs: [{ ip: seed.podIP }],
      startTime: t,
      containerStatuses: containers,
      qosClass: (pod.status as { qosClass?: string } | undefined)?.qosClass ?? 'BestEffort',
    },
  });
  return pod;
}

function seedDeployment(
  api: ApiServer,
  namespace: string,
  name: string,
  selector: Record<string, string>,
  replicas: number,
  template: { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> },
  placement: SeedNode[],
  nextPodIP: (n: SeedNode) => string,
  now: number,
): void {
  const deploy = api.create(R.deployments, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...selector } },
    spec: { replicas, selector: { matchLabels: selector }, template },
  });
  // The ReplicaSet the deployment controller would make: same (defaulted) template, plus the hash.
  const stored = (deploy.spec as { template: { metadata?: { labels?: Record<string, string> }; spec: Record<string, unknown> } }).template;
  const hash = computePodTemplateHash(stored as never);
  const rsTemplate = structuredCloneJson(stored);
  rsTemplate.metadata = { ...(rsTemplate.metadata ?? {}), labels: { ...(rsTemplate.metadata?.labels ?? {}), 'pod-template-hash': hash } };
  const owner = (o: KubeObject, kind: string, apiVersion: string): OwnerReference => ({ apiVersion, kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true });
  const rs = api.create(R.replicasets, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${name}-${hash}`,
      namespace,
      labels: { ...selector, 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)), 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [owner(deploy, 'Deployment', 'apps/v1')],
    },
    spec: { replicas, selector: { matchLabels: { ...selector, 'pod-template-hash': hash } }, template: rsTemplate },
  });
  for (let i = 0; i < replicas; i++) {
    const node = placement[i % placement.length]!;
    seedRunningPod(api, {
      metadata: { generateName: `${name}-${hash}-`, namespace, labels: { ...(rsTemplate.metadata.labels ?? {}) }, ownerReferences: [owner(rs, 'ReplicaSet', 'apps/v1')] },
      spec: { ...structuredCloneJson(rsTemplate.spec), nodeName: node.name },
      node,
      podIP: nextPodIP(node),
      now,
    });
  }
  api.updateStatus(R.replicasets, { ...api.get(R.replicasets, namespace, rs.metadata.name!), status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 } });
  const t = rfc3339(now);
  api.updateStatus(R.deployments, {
    ...api.get(R.deployments, namespace, name),
    status: {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: t, lastTransitionTime: t, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: t, lastTransitionTime: t, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.` },
      ],
    },
  });
}
