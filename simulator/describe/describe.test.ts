// Golden tests for kubectl describe: exact text for fixed objects and a fixed "now". The first is
// the real kubectl 1.32 output from the captured session; the others follow upstream's layout.
import { describe as group, expect, it } from 'vitest';
import type { KubeList, KubeObject, ListOptions, ResourceRef } from '../machinery/types.ts';
import { kindPod, nginxPod, NOW, podEvent, webDeployment } from '../printers/test-fixtures.ts';
import { describe, type DescribeReader } from './index.ts';
import { canonicalQuantity, formatQuantity, parseQuantity } from './quantity.ts';

const KINDS: Record<string, string> = {
  pods: 'Pod',
  events: 'Event',
  replicasets: 'ReplicaSet',
  endpointslices: 'EndpointSlice',
  leases: 'Lease',
  secrets: 'Secret',
  resourcequotas: 'ResourceQuota',
  limitranges: 'LimitRange',
};

/** A reader over plain objects. It ignores selectors on purpose: describers must filter anyway. */
function readerOf(objects: KubeObject[]): DescribeReader & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    list<T extends KubeObject>(ref: ResourceRef, opts: ListOptions = {}): KubeList<T> {
      calls.push(`${ref.resource}?${opts.fieldSelector ?? ''}${opts.labelSelector ?? ''}`);
      const items = objects.filter(
        (o) => o.kind === KINDS[ref.resource] && (opts.namespace === undefined || o.metadata.namespace === opts.namespace),
      );
      return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: items as T[] };
    },
  };
}

group('describe pod', () => {
  it('reproduces real kubectl 1.32 output for the captured pod', () => {
    expect(describe(nginxPod(), readerOf([]), NOW)).toBe(
      [
        'Name:         nginx',
        'Namespace:    default',
        'Node:         node-1/172.18.0.2',
        'Start Time:   Sat, 21 Nov 2026 21:10:58 +0000',
        'Labels:       app=nginx',
        '              tier=web',
        'Annotations:  <none>',
        'Status:       Running',
        'IP:           10.244.0.0',
        'IPs:          <none>',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://7eb99cd649f78924be658f746f2a9361c2e8c1237d4f3c6d7d5f82da089d9cd8',
        '    Image:          nginx',
        '    Image ID:       ',
        '    Port:           <none>',
        '    Host Port:      <none>',
        '    State:          Running',
        '      Started:      Sat, 21 Nov 2026 21:10:58 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type           Status',
        '  Ready          True ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('asks for the pod\u2019s events by name, namespace and uid', () => {
    const reader = readerOf([]);
    describe(nginxPod(), reader, NOW);
    expect(reader.calls).toEqual([
      'events?involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.uid=5f5bf4e9-4e81-46f3-b09b-3d02e6e2f518',
    ]);
  });

  it('a Deployment\u2019s pod on kind: restarts, probes, env, projected volume, tolerations, events', () => {
    const pod = kindPod();
    const ref = { name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' };
    const events = [
      podEvent(ref, 'Scheduled', 'Successfully assigned default/web-59bbf76844-x2x9k to kind-worker', '2026-11-21T21:00:00Z', '2026-11-21T21:00:00Z', 1, 'Normal', 'default-scheduler'),
      podEvent(ref, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', '2026-11-21T21:00:05Z', '2026-11-21T21:00:40Z', 3, 'Warning'),
      podEvent(ref, 'Pulled', 'Container image "ghcr.io/wheelhouse/bookstore-web:1.4.0" already present on machine', '2026-11-21T21:00:01Z', '2026-11-21T21:00:33Z', 2),
      podEvent(ref, 'Created', 'Created container: web', '2026-11-21T21:00:02Z', '2026-11-21T21:00:33Z', 2),
      podEvent(ref, 'Started', 'Started container web', '2026-11-21T21:00:02Z', '2026-11-21T21:00:33Z', 2),
      // Another pod's event must not show up.
      podEvent({ name: 'other', uid: 'x' }, 'Killing', 'Stopping container web', '2026-11-21T21:00:02Z', '2026-11-21T21:00:33Z'),
    ];
    expect(describe(pod, readerOf(events), NOW)).toBe(
      [
        'Name:             web-59bbf76844-x2x9k',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             kind-worker/172.18.0.3',
        'Start Time:       Sat, 21 Nov 2026 21:00:00 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=59bbf76844',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-59bbf76844',
        'Containers:',
        '  web:',
        '    Container ID:   containerd://9a7b',
        '    Image:          ghcr.io/wheelhouse/bookstore-web:1.4.0',
        '    Image ID:       ghcr.io/wheelhouse/bookstore-web@sha256:5e1a',
        '    Port:           8080/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Sat, 21 Nov 2026 21:00:33 +0000',
        '    Last State:     Terminated',
        '      Reason:       OOMKilled',
        '      Exit Code:    137',
        '      Started:      Sat, 21 Nov 2026 21:00:02 +0000',
        '      Finished:     Sat, 21 Nov 2026 21:00:32 +0000',
        '    Ready:          True',
        '    Restart Count:  1',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:  http-get http://:8080/ready delay=2s timeout=1s period=5s #success=1 #failure=3',
        '    Environment:',
        '      CATALOG_URL:  http://catalog:8080',
        '      POD_NAME:     web-59bbf76844-x2x9k (v1:metadata.name)',
        "      DB_PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7x2lq (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-7x2lq:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   Burstable',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Scheduled  11m                default-scheduler  Successfully assigned default/web-59bbf76844-x2x9k to kind-worker',
        '  Normal   Pulled     10m (x2 over 11m)  kubelet            Container image "ghcr.io/wheelhouse/bookstore-web:1.4.0" already present on machine',
        '  Normal   Created    10m (x2 over 11m)  kubelet            Created container: web',
        '  Normal   Started    10m (x2 over 11m)  kubelet            Started container web',
        '  Warning  Unhealthy  10m (x3 over 10m)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 503',
        '',
      ].join('\n'),
    );
  });

  it('a pod being deleted shows how long it has been terminating', () => {
    const pod = nginxPod();
    pod.metadata.deletionTimestamp = '2026-11-21T21:11:33Z';
    pod.metadata.deletionGracePeriodSeconds = 30;
    const text = describe(pod, readerOf([]), NOW);
    expect(text).toContain('\nStatus:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n');
    pod.metadata.deletionTimestamp = '2026-11-21T21:10:33Z';
    expect(describe(pod, readerOf([]), NOW)).toContain('Terminating (lasts 30s)');
  });

  it('a waiting container and a pod without a node', () => {
    const pod = kindPod({
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True' }],
        containerStatuses: [{ name: 'web', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } }, ready: false, restartCount: 0, image: 'x', imageID: '' }],
      },
    });
    delete (pod.spec as Record<string, unknown>).nodeName;
    const text = describe(pod, readerOf([]), NOW);
    expect(text).toContain('\nNode:             <none>\n');
    expect(text).toContain('    State:          Waiting\n      Reason:       ImagePullBackOff\n    Ready:          False\n');
    expect(text).toContain('\nIP:               \nIPs:              <none>\nControlled By:    ReplicaSet/web-59bbf76844\n');
  });
});

group('describe deployment', () => {
  function replicaSet(name: string, hash: string, image: string, replicas: number, created: string): KubeObject {
    const d = webDeployment();
    const template = JSON.parse(JSON.stringify((d.spec as { template: unknown }).template)) as {
      metadata: { labels: Record<string, string> };
      spec: { containers: { image: string }[] };
    };
    template.metadata.labels['pod-template-hash'] = hash;
    template.spec.containers[0].image = image;
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: 'default',
        uid: `rs-${hash}`,
        creationTimestamp: created,
        labels: { app: 'web', 'pod-template-hash': hash },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template },
      status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
    };
  }

  function scaling(message: string, at: string): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `web.${at}`, namespace: 'default', creationTimestamp: at },
      involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web', uid: '7dfc08a9-0309-449b-be94-435e855bb6ab', apiVersion: 'apps/v1' },
      reason: 'ScalingReplicaSet',
      message,
      source: { component: 'deployment-controller' },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      type: 'Normal',
    };
  }

  it('matches upstream\u2019s layout: replicas line, strategy, pod template, conditions, replica sets, events', () => {
    const objects = [
      replicaSet('web-7c7c947bd7', '7c7c947bd7', 'nginx:1.25', 0, '2026-11-21T20:57:44Z'),
      replicaSet('web-59bbf76844', '59bbf76844', 'nginx:1.26', 2, '2026-11-21T21:05:00Z'),
      scaling('Scaled up replica set web-7c7c947bd7 from 0 to 2', '2026-11-21T20:57:44Z'),
      scaling('Scaled down replica set web-7c7c947bd7 from 1 to 0', '2026-11-21T21:05:06Z'),
      scaling('Scaled up replica set web-59bbf76844 from 0 to 1', '2026-11-21T21:05:00Z'),
      scaling('Scaled down replica set web-7c7c947bd7 from 2 to 1', '2026-11-21T21:05:03Z'),
    ];
    expect(describe(webDeployment(), readerOf(objects), NOW)).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Sat, 21 Nov 2026 20:57:44 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.26',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-7c7c947bd7 (0/0 replicas created)',
        'NewReplicaSet:   web-59bbf76844 (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age    From                   Message',
        '  ----    ------             ----   ----                   -------',
        '  Normal  ScalingReplicaSet  13m    deployment-controller  Scaled up replica set web-7c7c947bd7 from 0 to 2',
        '  Normal  ScalingReplicaSet  6m3s   deployment-controller  Scaled up replica set web-59bbf76844 from 0 to 1',
        '  Normal  ScalingReplicaSet  6m     deployment-controller  Scaled down replica set web-7c7c947bd7 from 2 to 1',
        '  Normal  ScalingReplicaSet  5m57s  deployment-controller  Scaled down replica set web-7c7c947bd7 from 1 to 0',
        '',
      ].join('\n'),
    );
  });

  it('without replica sets there are no OldReplicaSets/NewReplicaSet lines, and no events read as <none>', () => {
    const text = describe(webDeployment(), readerOf([]), NOW);
    expect(text).not.toContain('OldReplicaSets');
    // Without those lines the conditions share their column with Events only.
    expect(text.endsWith('  Progressing   True    NewReplicaSetAvailable\nEvents:         <none>\n')).toBe(true);
  });

  it('describe replicaset counts the pods it controls by phase', () => {
    const rs = replicaSet('web-59bbf76844', '59bbf76844', 'nginx:1.26', 2, '2026-11-21T21:05:00Z');
    const owned = (name: string, phase: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-59bbf76844', uid: 'rs-59bbf76844', controller: true }] },
      status: { phase },
    });
    const stranger: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default', labels: { app: 'web' } }, status: { phase: 'Running' } };
    const text = describe(rs, readerOf([owned('a', 'Running'), owned('b', 'Pending'), stranger]), NOW);
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Name:           web-59bbf76844',
      'Namespace:      default',
      'Selector:       app=web,pod-template-hash=59bbf76844',
      'Labels:         app=web',
      '                pod-template-hash=59bbf76844',
      'Annotations:    <none>',
      'Controlled By:  Deployment/web',
      'Replicas:       2 current / 2 desired',
    ]);
    expect(text).toContain('Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed\n');
  });
});

group('describe service, endpoints, config, secrets, namespaces, service accounts', () => {
  it('service with endpoints from its EndpointSlices', () => {
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', uid: 's1', creationTimestamp: '2026-11-21T21:00:00Z', labels: { app: 'web' } },
      spec: {
        ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 'web' },
        clusterIP: '10.96.112.7',
        clusterIPs: ['10.96.112.7'],
        type: 'ClusterIP',
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    };
    const slice: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-8x7kp', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.1.5'], conditions: { ready: true } },
        { addresses: ['10.244.2.9'], conditions: { ready: false } },
        { addresses: ['10.244.1.6'], conditions: { ready: true } },
      ],
    };
    expect(describe(svc, readerOf([slice]), NOW)).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.112.7',
        'IPs:                      10.96.112.7',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.1.5:8080,10.244.1.6:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('endpoints', () => {
    const ep: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.1.6' }], notReadyAddresses: [{ ip: '10.244.2.9' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
    };
    expect(describe(ep, readerOf([]), NOW)).toBe(
      [
        'Name:         web',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.5,10.244.1.6',
        '  NotReadyAddresses:  10.244.2.9',
        '  Ports:',
        '    Name  Port  Protocol',
        '    ----  ----  --------',
        '    http  8080  TCP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('configmap and secret', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'nginx.conf': 'server {\n  listen 80;\n}', a: 'b' } };
    expect(describe(cm, readerOf([]), NOW)).toBe(
      [
        'Name:         cfg',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'a:',
        '----',
        'b',
        '',
        'nginx.conf:',
        '----',
        'server {',
        '  listen 80;',
        '}',
        '',
        '',
        'BinaryData',
        '====',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, type: 'Opaque', data: { password: 'czNjcjN0', username: 'YWRtaW4=' } };
    expect(describe(secret, readerOf([]), NOW)).toBe(
      [
        'Name:         db',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'password:  6 bytes',
        'username:  5 bytes',
        '',
      ].join('\n'),
    );
  });

  it('namespace with a quota and no limit ranges', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } }, status: { phase: 'Active' } };
    const quota: KubeObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute', namespace: 'shop' },
      status: { hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '3', 'requests.cpu': '750m' } },
    };
    expect(describe(ns, readerOf([quota]), NOW)).toBe(
      [
        'Name:         shop',
        'Labels:       kubernetes.io/metadata.name=shop',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:         compute',
        '  Resource      Used  Hard',
        '  --------      ---   ---',
        '  pods          3     10',
        '  requests.cpu  750m  2',
        '',
        'No LimitRange resource.',
        '',
      ].join('\n'),
    );
  });

  it('service account', () => {
    const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'default', uid: 'sa1' }, secrets: [{ name: 'gone' }], imagePullSecrets: [{ name: 'regcred' }] };
    const regcred: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default' }, type: 'kubernetes.io/dockerconfigjson' };
    expect(describe(sa, readerOf([regcred]), NOW)).toBe(
      [
        'Name:                builder',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  regcred',
        'Mountable secrets:   gone (not found)',
        'Tokens:              <none>',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });

  it('kinds without a describer: every field, in words', () => {
    const gw: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'shop', namespace: 'default', uid: 'g1', generation: 1, resourceVersion: '42', creationTimestamp: '2026-11-21T21:00:00Z', managedFields: [{}] },
      spec: { gatewayClassName: 'wheelhouse', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }] },
    };
    expect(describe(gw, readerOf([]), NOW)).toBe(
      [
        'Name:         shop',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  gateway.networking.k8s.io/v1',
        'Kind:         Gateway',
        'Metadata:',
        '  Creation Timestamp:  2026-11-21T21:00:00Z',
        '  Generation:          1',
        '  Resource Version:    42',
        '  UID:                 g1',
        'Spec:',
        '  Gateway Class Name:  wheelhouse',
        '  Listeners:',
        '    Allowed Routes:',
        '      Namespaces:',
        '        From:  Same',
        '    Name:      http',
        '    Port:      80',
        '    Protocol:  HTTP',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });
});

group('quantities', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1.5', '1500m'],
    ['2000', '2k'],
    ['128Mi', '128Mi'],
    ['1536Mi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['512', '512'],
    ['0', '0'],
    ['1e3', '1e3'],
  ])('%s prints as %s', (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });

  it('adds up in the first operand\u2019s notation', () => {
    const sum = (a: string, b: string) => {
      const x = parseQuantity(a);
      return formatQuantity({ nanos: x.nanos + parseQuantity(b).nanos, format: x.format });
    };
    expect(sum('250m', '250m')).toBe('500m');
    expect(sum('64Mi', '64Mi')).toBe('128Mi');
    expect(sum('750m', '250m')).toBe('1');
  });
});

group('describe node', () => {
  const node: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'kind-worker',
      uid: 'n-uid',
      creationTimestamp: '2026-11-21T20:00:00Z',
      labels: { 'beta.kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'kind-worker', 'kubernetes.io/os': 'linux' },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/kind-worker' },
    status: {
      capacity: { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-2Mi': '0', memory: '16273288Ki', pods: '110' },
      allocatable: { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-2Mi': '0', memory: '16273288Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2026-11-21T21:10:40Z', lastTransitionTime: '2026-11-21T20:00:00Z', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: '2026-11-21T21:10:40Z', lastTransitionTime: '2026-11-21T20:00:20Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kind-worker' }],
      nodeInfo: {
        machineID: 'm1',
        systemUUID: 'u1',
        bootID: 'b1',
        kernelVersion: '6.1.0-28-amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: 'v1.32.0',
        kubeProxyVersion: 'v1.32.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
  const lease: KubeObject = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'kind-worker', namespace: 'kube-node-lease' },
    spec: { holderIdentity: 'kind-worker', leaseDurationSeconds: 40, renewTime: '2026-11-21T21:11:00.123456Z' },
  };
  const proxy: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kube-proxy-abcde', namespace: 'kube-system', creationTimestamp: '2026-11-21T20:00:00Z' },
    spec: { nodeName: 'kind-worker', containers: [{ name: 'kube-proxy', image: 'kube-proxy:v1.32.0' }] },
    status: { phase: 'Running' },
  };
  const finished: KubeObject = { ...proxy, metadata: { ...proxy.metadata, name: 'job-done' }, status: { phase: 'Succeeded' } };
  const elsewhere: KubeObject = { ...proxy, metadata: { ...proxy.metadata, name: 'other' }, spec: { ...(proxy.spec as object), nodeName: 'kind-control-plane' } };

  it('lists the non-terminated pods on the node with their share of its capacity', () => {
    expect(describe(node, readerOf([kindPod(), proxy, finished, elsewhere, lease]), NOW)).toBe(
      [
        'Name:               kind-worker',
        'Roles:              <none>',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=kind-worker',
        '                    kubernetes.io/os=linux',
        'Annotations:        node.alpha.kubernetes.io/ttl: 0',
        '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
        'CreationTimestamp:  Sat, 21 Nov 2026 20:00:00 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  kind-worker',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Sat, 21 Nov 2026 21:11:00 +0000',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Sat, 21 Nov 2026 21:10:40 +0000   Sat, 21 Nov 2026 20:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  Ready            True    Sat, 21 Nov 2026 21:10:40 +0000   Sat, 21 Nov 2026 20:00:20 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    kind-worker',
        'Capacity:',
        '  cpu:                8',
        '  ephemeral-storage:  102626232Ki',
        '  hugepages-2Mi:      0',
        '  memory:             16273288Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                8',
        '  ephemeral-storage:  102626232Ki',
        '  hugepages-2Mi:      0',
        '  memory:             16273288Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 m1',
        '  System UUID:                u1',
        '  Boot ID:                    b1',
        '  Kernel Version:             6.1.0-28-amd64',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.24',
        '  Kubelet Version:            v1.32.0',
        '  Kube-Proxy Version:         v1.32.0',
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'ProviderID:                   kind://docker/kind/kind-worker',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                    ------------  ----------  ---------------  -------------  ---',
        '  default                     web-59bbf76844-x2x9k    250m (3%)     500m (6%)   64Mi (0%)        128Mi (0%)     11m',
        '  kube-system                 kube-proxy-abcde        0 (0%)        0 (0%)      0 (0%)           0 (0%)         71m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests   Limits',
        '  --------           --------   ------',
        '  cpu                250m (3%)  500m (6%)',
        '  memory             64Mi (0%)  128Mi (0%)',
        '  ephemeral-storage  0 (0%)     0 (0%)',
        '  hugepages-2Mi      0 (0%)     0 (0%)',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });

  it('roles, taints, a cordoned node and a missing lease', () => {
    const cordoned = JSON.parse(JSON.stringify(node)) as KubeObject;
    cordoned.metadata.labels = { 'node-role.kubernetes.io/control-plane': '' };
    cordoned.spec = { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }] };
    const text = describe(cordoned, readerOf([]), NOW);
    expect(text).toContain('Roles:              control-plane\n');
    expect(text).toContain(
      'Taints:             dedicated=db:NoExecute\n' +
        '                    node-role.kubernetes.io/control-plane:NoSchedule\n' +
        '                    node.kubernetes.io/unschedulable:NoSchedule\n' +
        'Unschedulable:      true\n' +
        'Lease:              Failed to get lease: leases.coordination.k8s.io "kind-worker" not found\n',
    );
  });
});
