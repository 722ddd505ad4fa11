import { describe, expect, it } from 'vitest';
import { DeploymentController } from './deployment.ts';
import { NamespaceController } from './namespace.ts';
import { ReplicaSetController } from './replicaset.ts';
import { ServiceAccountController, rootCAConfigMapName } from './serviceaccount.ts';
import { FakeKubelet, TestCluster, deploymentManifest } from './workload-test-kit.ts';
import type { Condition } from './workload-types.ts';
import { CONFIGMAPS, DEPLOYMENTS, NAMESPACES, PODS, SERVICEACCOUNTS } from './workload-types.ts';

type Namespace = { metadata: { name: string; deletionTimestamp?: string }; spec?: { finalizers?: string[] }; status?: { phase?: string; conditions?: Condition[] } };

function setup(terminateAfterMs = 0) {
  return new TestCluster(
    [new NamespaceController(), new ServiceAccountController(), new DeploymentController(), new ReplicaSetController(), new FakeKubelet({ terminateAfterMs })],
    { namespaces: ['default', 'shop'] },
  );
}

const ns = (c: TestCluster, name: string) => c.api.get(NAMESPACES, undefined, name) as unknown as Namespace;

describe('ServiceAccount controller', () => {
  it('gives every namespace a default ServiceAccount and the kube-root-ca.crt ConfigMap, and restores them', () => {
    const c = setup();
    c.runUntilIdle();
    for (const name of ['default', 'shop']) {
      expect(c.api.get(SERVICEACCOUNTS, name, 'default').metadata.name).toBe('default');
      const cm = c.api.get(CONFIGMAPS, name, rootCAConfigMapName) as { data?: Record<string, string>; metadata: { annotations?: Record<string, string> } };
      expect(cm.data?.['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
      expect(cm.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
    }
    c.api.delete(SERVICEACCOUNTS, 'shop', 'default');
    c.api.delete(CONFIGMAPS, 'shop', rootCAConfigMapName);
    c.runUntilIdle();
    expect(c.api.get(SERVICEACCOUNTS, 'shop', 'default')).toBeDefined();
    expect(c.api.get(CONFIGMAPS, 'shop', rootCAConfigMapName)).toBeDefined();

    c.api.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'later' } });
    c.runUntilIdle();
    expect(c.api.get(SERVICEACCOUNTS, 'later', 'default')).toBeDefined();
  });
});

describe('Namespace controller', () => {
  it('deletes the content of a terminating namespace, reports what remains, then lets it go', () => {
    const c = setup(20_000);
    c.runUntilIdle();
    c.api.create(DEPLOYMENTS, { ...deploymentManifest('web', 2, 'app:1'), metadata: { name: 'web', namespace: 'shop' } });
    c.runUntilIdle();
    expect(c.pods('shop')).toHaveLength(2);

    c.api.delete(NAMESPACES, undefined, 'shop');
    c.runUntilIdle();
    // Pods take 20 s to shut down: the namespace waits and says why.
    const terminating = ns(c, 'shop');
    expect(terminating.status?.phase).toBe('Terminating');
    const byType = Object.fromEntries((terminating.status?.conditions ?? []).map((x) => [x.type, x]));
    expect(byType.NamespaceContentRemaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances' });
    expect(byType.NamespaceDeletionDiscoveryFailure).toMatchObject({ status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' });
    expect(byType.NamespaceDeletionGroupVersionParsingFailure).toMatchObject({ status: 'False', reason: 'ParsedGroupVersions' });
    expect(byType.NamespaceDeletionContentFailure).toMatchObject({ status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' });
    expect(byType.NamespaceFinalizersRemaining).toMatchObject({ status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' });
    expect(c.api.list(DEPLOYMENTS, { namespace: 'shop' }).items).toHaveLength(0);
    // Nothing new may be created meanwhile, and the ServiceAccount controller does not try.
    expect(() => c.api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'shop' }, spec: { containers: [{ name: 'a', image: 'b' }] } })).toThrow(/being terminated/);

    c.advance(25_000);
    expect(() => ns(c, 'shop')).toThrow(/not found/);
  });

  it('reports finalizers that hold content', () => {
    const c = setup();
    c.runUntilIdle();
    c.api.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'shop', finalizers: ['example.com/hold'] } });
    c.api.delete(NAMESPACES, undefined, 'shop');
    c.runUntilIdle();
    const byType = Object.fromEntries((ns(c, 'shop').status?.conditions ?? []).map((x) => [x.type, x]));
    expect(byType.NamespaceContentRemaining?.message).toBe('Some resources are remaining: configmaps. has 1 resource instances');
    expect(byType.NamespaceFinalizersRemaining).toMatchObject({
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    });
    const held = c.api.get(CONFIGMAPS, 'shop', 'held');
    c.api.update(CONFIGMAPS, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    c.advance(2_000);
    expect(() => ns(c, 'shop')).toThrow(/not found/);
  });
});
