// Cells and printed tables for the other kinds, and the shape of the Table the API server sends.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { buildTable, printTable, renderGet, tableForList } from './index.ts';
import { nginxPod, NOW } from './test-fixtures.ts';

const created = '2026-11-21T21:00:00Z'; // 11m3s before NOW
const meta = (name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject['metadata'] => ({
  name,
  namespace: 'default',
  creationTimestamp: created,
  ...extra,
});

function cells(group: string, kind: string, obj: Omit<KubeObject, 'apiVersion' | 'kind'>): unknown[] {
  const full = { apiVersion: group ? `${group}/v1` : 'v1', kind, ...obj } as KubeObject;
  return buildTable({ group, kind }, [full], { now: NOW }).rows[0].cells;
}

describe('the Table object', () => {
  it('has the column definitions and PartialObjectMetadata rows kube-apiserver sends', () => {
    const table = buildTable({ kind: 'Pod' }, [nginxPod()], { now: NOW, resourceVersion: '1002' });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '1002' });
    expect(table.columnDefinitions.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(table.columnDefinitions.every((c) => c.description.length > 0)).toBe(true);
    expect(table.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: nginxPod().metadata });
    // The whole thing survives JSON, as it must over HTTP.
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it('includeObject=Object carries whole objects (for --sort-by), None carries none', () => {
    expect(buildTable({ kind: 'Pod' }, [nginxPod()], { now: NOW, includeObject: 'Object' }).rows[0].object).toEqual(nginxPod());
    expect(buildTable({ kind: 'Pod' }, [nginxPod()], { now: NOW, includeObject: 'None' }).rows[0].object).toBeNull();
  });

  it('noHeaders leaves the column definitions out (watch events after the first)', () => {
    expect(buildTable({ kind: 'Pod' }, [nginxPod()], { now: NOW, noHeaders: true }).columnDefinitions).toEqual([]);
  });

  it('tableForList takes kind, group and resourceVersion from the list', () => {
    const list = { apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '77' }, items: [nginxPod()] };
    const table = tableForList(list, { now: NOW });
    expect(table.metadata.resourceVersion).toBe('77');
    expect(table.columnDefinitions[1].name).toBe('Ready');
  });
});

describe('Service', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
    cells('', 'Service', { metadata: meta('web'), spec, status });

  it('ClusterIP with ports and selector', () => {
    expect(
      svc({ type: 'ClusterIP', clusterIP: '10.96.12.7', clusterIPs: ['10.96.12.7'], ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], selector: { app: 'web' } }),
    ).toEqual(['web', 'ClusterIP', '10.96.12.7', '<none>', '80/TCP', '11m', 'app=web']);
  });

  it('NodePort shows port:nodePort, headless shows None, no ports is <none>', () => {
    expect(svc({ type: 'NodePort', clusterIPs: ['10.96.0.9'], ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }, { port: 443, nodePort: 31999, protocol: 'TCP' }] })[4]).toBe(
      '80:31234/TCP,443:31999/TCP',
    );
    expect(svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [] }).slice(2, 5)).toEqual(['None', '<none>', '<none>']);
  });

  it('LoadBalancer: <pending>, then its sorted addresses; ExternalName: the name', () => {
    expect(svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.2'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] })[3]).toBe('<pending>');
    expect(
      svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.2'] }, { loadBalancer: { ingress: [{ ip: '172.18.255.201' }, { hostname: 'a.example.com' }] } })[3],
    ).toBe('172.18.255.201,a.example.com');
    expect(svc({ type: 'ExternalName', externalName: 'db.example.com' }).slice(2, 4)).toEqual(['<none>', 'db.example.com']);
  });
});

describe('Endpoints and EndpointSlices', () => {
  const addresses = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.244.0.${i + 1}` }));

  it('lists three endpoints, then + N more...', () => {
    const ep = cells('', 'Endpoints', { metadata: meta('web'), subsets: [{ addresses: addresses(5), ports: [{ port: 8080, protocol: 'TCP' }] }] });
    expect(ep[1]).toBe('10.244.0.1:8080,10.244.0.2:8080,10.244.0.3:8080 + 2 more...');
    expect(cells('', 'Endpoints', { metadata: meta('none') })[1]).toBe('<none>');
    expect(cells('', 'Endpoints', { metadata: meta('v6'), subsets: [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }] })[1]).toBe('[fd00::1]:80');
  });

  it('slices: ports, addresses, <unset> when empty', () => {
    const slice = cells('discovery.k8s.io', 'EndpointSlice', {
      metadata: meta('web-abc12'),
      addressType: 'IPv4',
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: [1, 2, 3, 4].map((i) => ({ addresses: [`10.244.1.${i}`], conditions: { ready: true } })),
    });
    expect(slice).toEqual(['web-abc12', 'IPv4', '8080', '10.244.1.1,10.244.1.2,10.244.1.3 + 1 more...', '11m']);
    expect(cells('discovery.k8s.io', 'EndpointSlice', { metadata: meta('e'), addressType: 'IPv4', ports: null, endpoints: [] }).slice(2, 4)).toEqual([
      '<unset>',
      '<unset>',
    ]);
  });
});

describe('Node', () => {
  const node = (conditions: unknown[], extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) =>
    cells('', 'Node', {
      metadata: { name: 'n1', creationTimestamp: created, labels },
      spec: extra,
      status: { conditions, nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.24' }, addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'n1' }] },
    });

  it('Ready / NotReady / Unknown, cordoned, roles', () => {
    expect(node([{ type: 'Ready', status: 'True' }], {}, { 'node-role.kubernetes.io/control-plane': '' })).toEqual([
      'n1',
      'Ready',
      'control-plane',
      '11m',
      'v1.32.0',
      '172.18.0.2',
      '<none>',
      'Debian GNU/Linux 12 (bookworm)',
      '6.1.0',
      'containerd://1.7.24',
    ]);
    expect(node([{ type: 'Ready', status: 'False' }], { unschedulable: true })[1]).toBe('NotReady,SchedulingDisabled');
    expect(node([{ type: 'MemoryPressure', status: 'False' }])[1]).toBe('Unknown');
    expect(node([{ type: 'Ready', status: 'Unknown' }])[1]).toBe('NotReady');
    expect(node([], {}, { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'ingress', 'node-role.kubernetes.io/': '' })[2]).toBe('ingress,worker');
  });
});

describe('workloads', () => {
  it('ReplicaSet and StatefulSet', () => {
    const template = { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }, { name: 'exporter', image: 'exporter:1' }] } };
    expect(cells('apps', 'ReplicaSet', { metadata: meta('web-59bbf76844'), spec: { replicas: 3, selector: { matchLabels: { app: 'db', 'pod-template-hash': '59bbf76844' } }, template }, status: { replicas: 3, readyReplicas: 2 } })).toEqual([
      'web-59bbf76844',
      3,
      3,
      2,
      '11m',
      'pg,exporter',
      'postgres:16,exporter:1',
      'app=db,pod-template-hash=59bbf76844',
    ]);
    expect(cells('apps', 'StatefulSet', { metadata: meta('db'), spec: { replicas: 3, template }, status: { readyReplicas: 1 } })).toEqual([
      'db',
      '1/3',
      '11m',
      'pg,exporter',
      'postgres:16,exporter:1',
    ]);
  });

  it('Job status, completions and duration', () => {
    const job = (spec: Record<string, unknown>, status: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}) =>
      cells('batch', 'Job', { metadata: meta('migrate', extra), spec: { template: { spec: { containers: [{ name: 'm', image: 'migrate:1' }] } }, ...spec }, status });
    expect(job({ completions: 1, parallelism: 1 }, { startTime: '2026-11-21T21:00:00Z', active: 1 }).slice(1, 4)).toEqual(['Running', '0/1', '11m']);
    expect(
      job({ completions: 3 }, { startTime: '2026-11-21T21:00:00Z', completionTime: '2026-11-21T21:00:42Z', succeeded: 3, conditions: [{ type: 'Complete', status: 'True' }] }).slice(1, 4),
    ).toEqual(['Complete', '3/3', '42s']);
    expect(job({ parallelism: 4 }, { conditions: [{ type: 'Failed', status: 'True' }] }).slice(1, 4)).toEqual(['Failed', '0/1 of 4', '']);
    expect(job({ suspend: true }, { conditions: [{ type: 'Suspended', status: 'True' }] })[1]).toBe('Suspended');
    expect(job({}, {}, { deletionTimestamp: created })[1]).toBe('Terminating');
    expect(job({}, { conditions: [{ type: 'FailureTarget', status: 'True' }] })[1]).toBe('FailureTarget');
  });

  it('CronJob', () => {
    const spec = { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'r', image: 'report:2' }] } } } } };
    expect(cells('batch', 'CronJob', { metadata: meta('report'), spec, status: {} })).toEqual([
      'report',
      '*/5 * * * *',
      '<none>',
      'False',
      0,
      '<none>',
      '11m',
      'r',
      'report:2',
      '<none>',
    ]);
    expect(cells('batch', 'CronJob', { metadata: meta('report'), spec: { ...spec, timeZone: 'Etc/UTC' }, status: { active: [{ name: 'report-1' }], lastScheduleTime: '2026-11-21T21:10:00Z' } }).slice(2, 6)).toEqual([
      'Etc/UTC',
      'False',
      1,
      '63s',
    ]);
  });

  it('ControllerRevision names its controller as kind.group/name', () => {
    const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true };
    expect(cells('apps', 'ControllerRevision', { metadata: meta('db-7f9c', { ownerReferences: [owner] }), revision: 2 })).toEqual(['db-7f9c', 'statefulset.apps/db', 2, '11m']);
  });

  it('HorizontalPodAutoscaler targets', () => {
    const hpa = cells('autoscaling', 'HorizontalPodAutoscaler', {
      metadata: meta('web'),
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] },
      status: { currentReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '12m' } } }] },
    });
    expect(hpa).toEqual(['web', 'Deployment/web', 'cpu: 12%/80%', '2', 5, 2, '11m']);
  });
});

describe('configuration, storage, events', () => {
  it('ConfigMap, Secret, ServiceAccount, Namespace', () => {
    expect(cells('', 'ConfigMap', { metadata: meta('cfg'), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } })).toEqual(['cfg', 3, '11m']);
    expect(cells('', 'Secret', { metadata: meta('db'), type: 'Opaque', data: { password: 'eA==' } })).toEqual(['db', 'Opaque', 1, '11m']);
    expect(cells('', 'ServiceAccount', { metadata: meta('default') })).toEqual(['default', 0, '11m']);
    expect(cells('', 'Namespace', { metadata: { name: 'shop', creationTimestamp: created }, status: { phase: 'Terminating' } })).toEqual(['shop', 'Terminating', '11m']);
  });

  it('ResourceQuota splits requests and limits', () => {
    expect(
      cells('', 'ResourceQuota', {
        metadata: meta('q'),
        status: { hard: { pods: '10', 'requests.cpu': '2', 'limits.memory': '4Gi' }, used: { pods: '3', 'requests.cpu': '500m', 'limits.memory': '1Gi' } },
      }),
    ).toEqual(['q', 'pods: 3/10, requests.cpu: 500m/2', 'limits.memory: 1Gi/4Gi', '11m']);
  });

  it('PersistentVolumeClaim before and after binding, StorageClass default marker', () => {
    const spec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' };
    expect(cells('', 'PersistentVolumeClaim', { metadata: meta('data'), spec, status: { phase: 'Pending' } })).toEqual([
      'data', 'Pending', '', '', '', 'standard', '<unset>', '11m', 'Filesystem',
    ]);
    expect(
      cells('', 'PersistentVolumeClaim', { metadata: meta('data'), spec: { ...spec, volumeName: 'pvc-1' }, status: { phase: 'Bound', accessModes: ['ReadWriteMany', 'ReadWriteOnce'], capacity: { storage: '1Gi' } } }).slice(1, 5),
    ).toEqual(['Bound', 'pvc-1', '1Gi', 'RWO,RWX']);
    expect(
      cells('storage.k8s.io', 'StorageClass', {
        metadata: { name: 'standard', creationTimestamp: created, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
    ).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '11m']);
  });

  it('Event columns come in kubectl\u2019s order, not the field order', () => {
    const e = cells('', 'Event', {
      metadata: meta('web.1'),
      involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{web}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container\n',
      type: 'Warning',
      count: 7,
      firstTimestamp: '2026-11-21T21:00:00Z',
      lastTimestamp: '2026-11-21T21:10:33Z',
      source: { component: 'kubelet', host: 'kind-worker' },
    });
    expect(e).toEqual(['30s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{web}', 'kubelet, kind-worker', 'Back-off restarting failed container', '11m', 7, 'web.1']);
    const table = buildTable({ kind: 'Event' }, [{ apiVersion: 'v1', kind: 'Event', metadata: meta('x'), involvedObject: { kind: 'Node' }, eventTime: '2026-11-21T21:11:00Z', reason: 'R', type: 'Normal', message: 'm' }], { now: NOW });
    expect(printTable(table)).toBe('LAST SEEN   TYPE     REASON   OBJECT   MESSAGE\n' + '3s          Normal   R        node     m\n');
  });
});

describe('kinds without a printer', () => {
  it('built-in ones get Name and Created At', () => {
    const table = buildTable({ kind: 'LimitRange' }, [{ apiVersion: 'v1', kind: 'LimitRange', metadata: meta('limits') }], { now: NOW });
    expect(printTable(table)).toBe('NAME     CREATED AT\n' + 'limits   2026-11-21T21:00:00Z\n');
  });

  it('Gateway API kinds use their CRD printer columns', () => {
    const gw = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: meta('shop'),
      spec: { gatewayClassName: 'wheelhouse', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
      status: { addresses: [{ type: 'IPAddress', value: '172.18.255.200' }, { type: 'IPAddress', value: '172.18.255.201' }], conditions: [{ type: 'Accepted', status: 'True' }, { type: 'Programmed', status: 'True' }] },
    };
    const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: meta('shop'), spec: { hostnames: ['shop.example.com', 'www.example.com'] } };
    const cls = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'wheelhouse', creationTimestamp: created },
      spec: { controllerName: 'wheelhouse.dev/gateway' },
      status: { conditions: [{ type: 'Accepted', status: 'Unknown' }] },
    };
    const group = 'gateway.networking.k8s.io';
    const out = renderGet([
      { table: buildTable({ group, kind: 'GatewayClass' }, [cls], { now: NOW }), group, kind: 'GatewayClass', namespaced: false },
      { table: buildTable({ group, kind: 'Gateway' }, [gw], { now: NOW }), group, kind: 'Gateway', namespaced: true },
      { table: buildTable({ group, kind: 'HTTPRoute' }, [route], { now: NOW }), group, kind: 'HTTPRoute', namespaced: true },
    ]).stdout;
    expect(out).toBe(
      // Each name column is as wide as its longest name plus three spaces.
      `${'NAME'.padEnd(52)}CONTROLLER               ACCEPTED   AGE\n` +
        'gatewayclass.gateway.networking.k8s.io/wheelhouse   wheelhouse.dev/gateway   Unknown    11m\n' +
        '\n' +
        `${'NAME'.padEnd(41)}CLASS        ADDRESS          PROGRAMMED   AGE\n` +
        'gateway.gateway.networking.k8s.io/shop   wheelhouse   172.18.255.200   True         11m\n' +
        '\n' +
        `${'NAME'.padEnd(43)}HOSTNAMES                                AGE\n` +
        'httproute.gateway.networking.k8s.io/shop   ["shop.example.com","www.example.com"]   11m\n',
    );
  });

  it('other custom resources get Name and Age', () => {
    const table = buildTable({ group: 'example.com', kind: 'Widget' }, [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: meta('w') }], { now: NOW });
    expect(table.columnDefinitions.map((c) => `${c.name}:${c.type}`)).toEqual(['Name:string', 'Age:date']);
    expect(table.rows[0].cells).toEqual(['w', '11m']);
  });
});
