import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/types.ts';
import { create, fakeContext, update } from './test-kit.ts';

function service(spec: Record<string, unknown>, name = 'web', namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

describe('Service validation messages', () => {
  it('ports are required unless headless or ExternalName', () => {
    expect(create(service({ selector: { app: 'web' } })).messages).toEqual(['spec.ports: Required value']);
    expect(create(service({ clusterIP: 'None', selector: { app: 'web' } })).messages).toEqual([]);
    expect(create(service({ type: 'ExternalName', externalName: 'db.example.com' })).messages).toEqual([]);
  });

  it('several ports need names, unique ones', () => {
    const r = create(service({ ports: [{ port: 80 }, { port: 443 }, { name: 'a', port: 8080 }, { name: 'a', port: 8081 }] }));
    expect(r.messages).toEqual(['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value', 'spec.ports[3].name: Duplicate value: "a"']);
  });

  it('a bad port and a duplicate port', () => {
    const r = create(service({ ports: [{ name: 'a', port: 0 }, { name: 'b', port: 80 }, { name: 'c', port: 80 }] }));
    expect(r.messages).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[2]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });

  it('a name with capitals is checked as a DNS-1035 label', () => {
    expect(create(service({ ports: [{ port: 80 }] }, 'Web')).messages).toEqual([
      "metadata.name: Invalid value: \"Web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('an unknown type', () => {
    expect(create(service({ type: 'Public', ports: [{ port: 80 }] })).messages).toEqual([
      'spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('a nodePort on a ClusterIP Service', () => {
    expect(create(service({ ports: [{ port: 80, nodePort: 30080 }] })).messages).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  it('a nodePort outside the range', () => {
    expect(create(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })).messages).toEqual([
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });

  it('a nodePort another Service already has', () => {
    const other = create(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'web-nodeport')).obj;
    const r = create(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'web-dup', 'shop'), fakeContext([other]));
    expect(r.messages).toEqual(['spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated']);
  });

  it('a clusterIP another Service already has', () => {
    const other = create(service({ clusterIP: '10.96.0.5', ports: [{ port: 80 }] }, 'first')).obj;
    const r = create(service({ clusterIP: '10.96.0.5', ports: [{ port: 80 }] }, 'second'), fakeContext([other]));
    expect(r.messages).toEqual(['spec.clusterIPs: Invalid value: []string{"10.96.0.5"}: failed to allocate IP 10.96.0.5: provided IP is already allocated']);
  });

  it('a clusterIP outside the service CIDR', () => {
    expect(create(service({ clusterIP: '10.97.0.5', ports: [{ port: 80 }] })).messages).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.97.0.5"}: failed to allocate IP 10.97.0.5: the provided IP (10.97.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    ]);
  });

  it('the clusterIP may not change', () => {
    const stored = create(service({ ports: [{ port: 80 }] })).obj;
    const next = structuredClone(stored);
    const spec = next.spec as Record<string, unknown>;
    spec.clusterIP = '10.96.0.77';
    spec.clusterIPs = ['10.96.0.77'];
    expect(update(next, stored).messages).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.77"}: may not change once set']);
  });
});

describe('Service defaults and allocation', () => {
  it('a ClusterIP Service as a real API server returns it', () => {
    const r = create(service({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }));
    expect(r.errors).toEqual([]);
    const spec = r.obj.spec as Record<string, unknown>;
    expect(spec.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(spec).toEqual({
      clusterIP: spec.clusterIP,
      clusterIPs: [spec.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(r.obj.status).toEqual({ loadBalancer: {} });
  });

  it('dynamic ClusterIPs come from the upper band and never repeat', () => {
    const existing: KubeObject[] = [];
    const ctx = fakeContext(existing, 11);
    for (let i = 0; i < 50; i++) existing.push(create(service({ ports: [{ port: 80 }] }, `s${i}`), ctx).obj);
    const ips = existing.map((s) => (s.spec as { clusterIP: string }).clusterIP);
    expect(new Set(ips).size).toBe(50);
    for (const ip of ips) expect(Number(ip.split('.')[2])).toBeGreaterThanOrEqual(1);
  });

  it('NodePort: targetPort defaults to port, nodePort allocated, externalTrafficPolicy Cluster', () => {
    const r = create(service({ type: 'NodePort', ports: [{ port: 80 }] }));
    const spec = r.obj.spec as { ports: { nodePort: number; targetPort: number }[]; externalTrafficPolicy: string };
    expect(spec.ports[0]!.targetPort).toBe(80);
    expect(spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30086);
    expect(spec.ports[0]!.nodePort).toBeLessThanOrEqual(32767);
    expect(spec.externalTrafficPolicy).toBe('Cluster');
  });

  it('headless Services get None and a selectorless one asks for dual stack', () => {
    const r = create(service({ clusterIP: 'None', ports: [{ port: 80 }] }));
    expect(r.obj.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] });
  });

  it('an apply that leaves out clusterIP and nodePort keeps them', () => {
    const stored = create(service({ type: 'NodePort', ports: [{ port: 80 }] })).obj;
    const r = update(service({ type: 'NodePort', ports: [{ port: 80 }] }), stored, fakeContext([stored]));
    expect(r.messages).toEqual([]);
    expect(r.obj.spec).toEqual(stored.spec);
  });

  it('a LoadBalancer with externalTrafficPolicy Local gets a health-check nodePort', () => {
    const r = create(service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
    expect(r.messages).toEqual([]);
    const spec = r.obj.spec as { healthCheckNodePort: number; allocateLoadBalancerNodePorts: boolean; ports: { nodePort: number }[] };
    expect(spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(spec.healthCheckNodePort).not.toBe(spec.ports[0]!.nodePort);
  });

  it('changing NodePort back to ClusterIP drops the allocated nodePorts and externalTrafficPolicy', () => {
    const stored = create(service({ type: 'NodePort', ports: [{ port: 80 }] })).obj;
    const next = structuredClone(stored);
    (next.spec as Record<string, unknown>).type = 'ClusterIP';
    const r = update(next, stored, fakeContext([stored]));
    expect(r.messages).toEqual([]);
    expect((r.obj.spec as { ports: Record<string, unknown>[] }).ports[0]!.nodePort).toBeUndefined();
    expect((r.obj.spec as Record<string, unknown>).externalTrafficPolicy).toBeUndefined();
  });
});
