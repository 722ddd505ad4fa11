import { describe, expect, it } from 'vitest';
import { candidates, resolvConf } from './dns.ts';
import { parseUrl } from './addresses.ts';
import { networkTestbed } from './network-test-kit.ts';

const fromPod = (namespace: string, name = 'client') => ({ pod: { namespace, name } });

function catalogBed() {
  const bed = networkTestbed();
  bed.namespace('bookstore');
  bed.runPod('bookstore', 'client', { ip: '10.244.1.2', labels: { run: 'client' } });
  bed.runPod('bookstore', 'catalog-a', { ip: '10.244.1.10', labels: { app: 'catalog' }, port: 8080 });
  bed.runPod('bookstore', 'catalog-b', { ip: '10.244.2.10', labels: { app: 'catalog' }, port: 8080, node: 'wheelhouse-worker2' });
  const svc = bed.createService('bookstore', 'catalog', { selector: { app: 'catalog' }, ports: [{ port: 80, targetPort: 8080 }] });
  const clusterIP = (svc.spec as { clusterIP: string }).clusterIP;
  return { ...bed, clusterIP };
}

describe('URLs and resolver rules', () => {
  it('reads URLs the way curl and wget do', () => {
    expect(parseUrl('catalog')).toEqual({ scheme: 'http', host: 'catalog', port: 80, path: '/' });
    expect(parseUrl('https://Catalog.bookstore:8443/books?x=1')).toEqual({ scheme: 'https', host: 'catalog.bookstore', port: 8443, path: '/books?x=1' });
    expect(parseUrl('ftp://x')).toEqual({ error: 'scheme', scheme: 'ftp' });
  });

  it('walks the search path first when a name has fewer than five dots', () => {
    expect(candidates('catalog', 'bookstore')).toEqual([
      'catalog.bookstore.svc.cluster.local',
      'catalog.svc.cluster.local',
      'catalog.cluster.local',
      'catalog',
    ]);
    expect(candidates('catalog.bookstore.svc.cluster.local.', 'default')).toEqual(['catalog.bookstore.svc.cluster.local']);
    expect(resolvConf('bookstore')).toBe('search bookstore.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
});

describe('cluster DNS', () => {
  it('resolves short names from the pod namespace, qualified names from anywhere, and kubernetes.default', () => {
    const { network, clusterIP } = catalogBed();
    expect(network.resolve('catalog', fromPod('bookstore'))).toMatchObject({ found: true, fqdn: 'catalog.bookstore.svc.cluster.local', addresses: [clusterIP] });
    expect(network.resolve('catalog', fromPod('default')).found).toBe(false);
    expect(network.resolve('catalog.bookstore', fromPod('default'))).toMatchObject({ found: true, addresses: [clusterIP] });
    expect(network.resolve('kubernetes.default', fromPod('bookstore'))).toMatchObject({ found: true, addresses: ['10.96.0.1'] });
    expect(network.resolve('10-244-1-10.bookstore.pod.cluster.local', fromPod('default'))).toMatchObject({ found: true, addresses: ['10.244.1.10'] });
    expect(network.resolve('catalog.bookstore.svc.cluster.local', 'workstation').found).toBe(false);
  });

  it('answers a headless Service with the ready pod IPs, and a hostname record for subdomain pods', () => {
    const bed = networkTestbed();
    bed.runPod('default', 'db-0', { ip: '10.244.1.20', labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db', port: 5432 });
    bed.runPod('default', 'db-1', { ip: '10.244.2.20', labels: { app: 'db' }, hostname: 'db-1', subdomain: 'db', port: 5432, ready: false });
    bed.createService('default', 'db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] });
    const answer = bed.network.resolve('db', fromPod('default'));
    expect(answer).toMatchObject({ found: true, addresses: ['10.244.1.20'] });
    expect(bed.network.resolve('db-0.db', fromPod('default'))).toMatchObject({ found: true, addresses: ['10.244.1.20'] });
  });
});

describe('requests through Services', () => {
  it('spreads requests over the ready endpoints, on the target port', () => {
    const { network, requests } = catalogBed();
    const outcomes = [1, 2, 3, 4].map(() => network.request(fromPod('bookstore'), 'http://catalog/books'));
    expect(outcomes.map((o) => o.kind)).toEqual(['response', 'response', 'response', 'response']);
    expect(requests.map((r) => r.pod)).toEqual(['catalog-a', 'catalog-b', 'catalog-a', 'catalog-b']);
    expect(requests[0]).toEqual({ pod: 'catalog-a', path: '/books', clientIP: '10.244.1.2' });
  });

  it('refuses when the Service has no ready endpoints, and drops a port the Service does not serve', () => {
    const bed = catalogBed();
    bed.createService('bookstore', 'orders', { selector: { app: 'orders' }, ports: [{ port: 80 }] });
    expect(bed.network.request(fromPod('bookstore'), 'http://orders')).toMatchObject({ kind: 'refused' });
    expect(bed.network.request(fromPod('bookstore'), 'http://catalog:8080')).toMatchObject({ kind: 'timeout', ip: bed.clusterIP });
    expect(bed.network.request(fromPod('bookstore'), 'http://catlog')).toEqual({ kind: 'unresolved', host: 'catlog' });
  });

  it('times out on a pod whose node is stopped, and finds no route to an IP nobody holds', () => {
    const bed = catalogBed();
    bed.stopped.add('wheelhouse-worker2');
    expect(bed.network.request(fromPod('bookstore'), 'http://10.244.2.10:8080')).toMatchObject({ kind: 'timeout' });
    expect(bed.network.request(fromPod('bookstore'), 'http://10.244.3.99')).toMatchObject({ kind: 'no-route' });
    expect(bed.network.request(fromPod('bookstore'), 'http://10.244.1.10:9999')).toMatchObject({ kind: 'refused' });
  });

  it('reaches NodePorts on any node IP, from the workstation too, and kind\'s localhost:8080 mapping', () => {
    const bed = catalogBed();
    bed.createService('bookstore', 'front', { type: 'NodePort', selector: { app: 'catalog' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    expect(bed.network.request('workstation', 'http://172.18.0.3:30080/')).toMatchObject({ kind: 'response' });
    expect(bed.network.request('workstation', 'http://localhost:8080/')).toMatchObject({ kind: 'response' });
    expect(bed.network.request('workstation', 'http://localhost:3000/')).toMatchObject({ kind: 'refused' });
    expect(bed.network.request('workstation', `http://${bed.clusterIP}/`)).toMatchObject({ kind: 'timeout' });
    expect(bed.network.request('workstation', 'http://catalog.bookstore.svc.cluster.local/')).toMatchObject({ kind: 'unresolved' });
  });

  it('serves the API server behind kubernetes.default over TLS only', () => {
    const bed = catalogBed();
    expect(bed.network.request(fromPod('bookstore'), 'https://kubernetes.default')).toMatchObject({ kind: 'tls-untrusted' });
    const insecure = bed.network.request(fromPod('bookstore'), 'https://kubernetes.default/', { insecure: true });
    expect(insecure).toMatchObject({ kind: 'response', response: { status: 403 } });
  });
});
