import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { create, update } from './test-kit.ts';

describe('Node', () => {
  it('taints need a valid effect and are unique per key and effect', () => {
    const node: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'worker-1' },
      spec: { taints: [{ key: 'gpu', effect: 'NoSchedule' }, { key: 'gpu', effect: 'NoSchedule' }, { key: 'x', effect: 'Never' }] },
    };
    const r = create(node);
    expect(r.messages[0]).toMatch(/^spec\.taints\[1\]: Duplicate value: .*: taints must be unique by key and effect pair$/);
    expect(r.messages[1]).toBe('spec.taints[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"');
  });

  it('allocatable defaults to capacity, and status survives a spec update', () => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { capacity: { cpu: '4', pods: '110' } } };
    const stored = create(node).obj;
    expect((stored.status as { allocatable: unknown }).allocatable).toEqual({ cpu: '4', pods: '110' });
    const next = structuredClone(stored);
    next.spec = { unschedulable: true };
    delete next.status;
    expect(update(next, stored).obj.status).toEqual(stored.status);
  });
});

describe('ServiceAccount and Event', () => {
  it('a ServiceAccount name is a DNS subdomain', () => {
    const r = create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'Build_Robot' } });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^metadata\.name: Invalid value: "Build_Robot": a lowercase RFC 1123 subdomain/);
  });

  it('an Event about an object in another namespace', () => {
    const r = create({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web', namespace: 'shop' } });
    expect(r.messages).toEqual(['involvedObject.namespace: Invalid value: "shop": does not match event.namespace']);
  });
});

describe('Endpoints and EndpointSlice', () => {
  it('addresses must be real, non-special IPs; several ports need names', () => {
    const r = create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web' },
      subsets: [{ addresses: [{ ip: '10.244.0.300' }, { ip: '127.0.0.1' }], ports: [{ port: 80 }, { name: 'b', port: 81 }] }, { ports: [{ port: 80 }] }],
    });
    expect(r.messages).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "10.244.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[0].ports[0].name: Required value',
      'subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`',
    ]);
    expect((r.obj.subsets as { ports: { protocol: string }[] }[])[0]!.ports[0]!.protocol).toBe('TCP');
  });

  it('an EndpointSlice: defaults its ports, and addressType stays', () => {
    const slice: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abcde' },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.0.5'], conditions: { ready: true } }],
      ports: [{ port: 8080 }],
    };
    const r = create(slice);
    expect(r.messages).toEqual([]);
    expect(r.obj.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const next = { ...structuredClone(r.obj), addressType: 'IPv6', endpoints: [{ addresses: ['fd00::5'] }] };
    expect(update(next, r.obj).messages).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });
});

describe('DaemonSet', () => {
  it('defaults and the selector rule', () => {
    const r = create({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'fluentd' },
      spec: {
        selector: { matchLabels: { name: 'fluentd' } },
        template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'f', image: 'fluentd' }] } },
      },
    });
    expect(r.messages).toEqual([]);
    expect(r.obj.spec).toMatchObject({ revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } });
    expect(r.obj.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
  });
});
