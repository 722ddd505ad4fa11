// The kubelet mounts a pod's volumes before its sandbox: a ConfigMap or Secret that is missing (or
// lacks a key named in items) keeps the pod ContainerCreating with FailedMount events, retried on
// the volume manager's 500 ms → 2m2s back-off, until the object appears.
import { describe, expect, it } from 'vitest';
import { lifecycleCluster, podManifest, type TestCluster } from './pod-lifecycle-test-kit.ts';
import type { Pod } from './pod-types.ts';
import { mountVolumes, newVolumeMountState } from './kubelet-volumes.ts';

const pods = { resource: 'pods' };
const configmaps = { resource: 'configmaps' };
const secrets = { resource: 'secrets' };

function podWith(name: string, volumes: unknown[]) {
  return podManifest(name, {
    containers: [{ name: 'app', image: 'nginx', volumeMounts: volumes.map((v, i) => ({ name: (v as { name: string }).name, mountPath: `/etc/v${i}` })) }],
    volumes,
  });
}

function state(c: TestCluster, name: string) {
  const p = c.pod(name);
  const s = p.status?.containerStatuses?.[0];
  return { phase: p.status?.phase, reason: s?.state.waiting?.reason ?? (s?.state.running ? 'Running' : undefined), ready: s?.ready, podIP: p.status?.podIP };
}

const failedMounts = (c: TestCluster, name: string) => c.events(name).filter((e) => e.reason === 'FailedMount');

describe('kubelet volume mounts', () => {
  it('a missing ConfigMap: ContainerCreating, FailedMount with the upstream message, retried on back-off', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podWith('cm', [{ name: 'config-volume', configMap: { name: 'special-config' } }]));
    c.runUntilIdle();
    c.advance(10_000);
    expect(state(c, 'cm')).toEqual({ phase: 'Pending', reason: 'ContainerCreating', ready: false, podIP: undefined });
    const events = failedMounts(c, 'cm');
    expect(events.map((e) => [e.type, e.message, e.source?.component])).toEqual([['Warning', 'MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found', 'kubelet']]);
    // Attempts at 0, 0.5, 1.5, 3.5, 7.5 s: five in the first ten seconds, aggregated into one event.
    expect(events[0]!.count).toBe(5);
    expect(c.events('cm').some((e) => e.reason === 'Pulling')).toBe(false);
    // Later the retries are 2m2s apart.
    c.advance(600_000);
    const count = failedMounts(c, 'cm')[0]!.count;
    c.advance(122_000);
    expect(failedMounts(c, 'cm')[0]!.count).toBe(count + 1);
    expect(state(c, 'cm').reason).toBe('ContainerCreating');
  });

  it('starts at the next retry once the ConfigMap is created (the kubelet polls, it does not watch)', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podWith('late', [{ name: 'config-volume', configMap: { name: 'special-config' } }]));
    c.runUntilIdle();
    c.advance(3_000); // failures at 0, 0.5, 1.5 s; the next attempt is due at 3.5 s
    c.client.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'special-config', namespace: 'default' }, data: { 'special.level': 'very' } });
    c.runUntilIdle();
    expect(state(c, 'late').reason).toBe('ContainerCreating');
    c.advance(500 + 600 + 3_400); // the retry mounts, then sandbox and pull as usual
    expect(state(c, 'late')).toMatchObject({ phase: 'Running', reason: 'Running', ready: true });
    expect(failedMounts(c, 'late')[0]!.count).toBe(3);
    expect(c.events('late').map((e) => e.reason)).toEqual(['Scheduled', 'FailedMount', 'Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('an optional missing ConfigMap or Secret mounts empty and the pod runs', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podWith('opt', [
      { name: 'config-volume', configMap: { name: 'nowhere', optional: true, items: [{ key: 'a', path: 'a' }] } },
      { name: 'secret-volume', secret: { secretName: 'nowhere', optional: true } },
    ]));
    c.runUntilIdle();
    c.advance(10_000);
    expect(state(c, 'opt')).toMatchObject({ phase: 'Running', ready: true });
    expect(failedMounts(c, 'opt')).toEqual([]);
  });

  it('a key named in items that the ConfigMap lacks fails the mount unless optional', () => {
    const c = lifecycleCluster();
    c.client.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'special-config', namespace: 'default' }, data: { 'special.type': 'charm' } });
    c.client.create(pods, podWith('key', [{ name: 'config-volume', configMap: { name: 'special-config', items: [{ key: 'special.level', path: 'keys' }] } }]));
    c.client.create(pods, podWith('optkey', [{ name: 'config-volume', configMap: { name: 'special-config', optional: true, items: [{ key: 'special.level', path: 'keys' }] } }]));
    c.runUntilIdle();
    c.advance(10_000);
    expect(state(c, 'key').reason).toBe('ContainerCreating');
    expect(failedMounts(c, 'key').map((e) => e.message)).toEqual(['MountVolume.SetUp failed for volume "config-volume" : configmap references non-existent config key: special.level']);
    expect(state(c, 'optkey')).toMatchObject({ phase: 'Running', ready: true });
    // Adding the key lets the next retry mount it.
    c.client.update(configmaps, { ...c.client.get(configmaps, 'default', 'special-config'), data: { 'special.type': 'charm', 'special.level': 'very' } });
    c.advance(30_000);
    expect(state(c, 'key')).toMatchObject({ phase: 'Running', ready: true });
  });

  it('a missing Secret, and a Secret key missing from items', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podWith('sec', [{ name: 'secret-volume', secret: { secretName: 'mysecret' } }]));
    c.client.create(secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'partial', namespace: 'default' }, data: { username: 'YWRtaW4=' } });
    c.client.create(pods, podWith('seckey', [{ name: 'creds', secret: { secretName: 'partial', items: [{ key: 'password', path: 'pw' }] } }]));
    c.runUntilIdle();
    c.advance(5_000);
    expect(state(c, 'sec').reason).toBe('ContainerCreating');
    expect(failedMounts(c, 'sec').map((e) => e.message)).toEqual(['MountVolume.SetUp failed for volume "secret-volume" : secret "mysecret" not found']);
    expect(failedMounts(c, 'seckey').map((e) => e.message)).toEqual(['MountVolume.SetUp failed for volume "creds" : references non-existent secret key: password']);
    c.client.create(secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'mysecret', namespace: 'default' }, stringData: { token: 'x' } });
    c.advance(20_000);
    expect(state(c, 'sec')).toMatchObject({ phase: 'Running', ready: true });
    expect(state(c, 'seckey').reason).toBe('ContainerCreating');
  });

  it('a projected volume reports all its missing sources in one aggregated error', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podWith('proj', [{
      name: 'all-in-one',
      projected: {
        sources: [
          { secret: { name: 'mysecret', items: [{ key: 'username', path: 'my-group/my-username' }] } },
          { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { configMap: { name: 'myconfigmap', items: [{ key: 'config', path: 'my-group/my-config' }] } },
          { configMap: { name: 'maybe', optional: true } },
        ],
      },
    }]));
    c.runUntilIdle();
    c.advance(5_000);
    expect(state(c, 'proj').reason).toBe('ContainerCreating');
    expect(failedMounts(c, 'proj').map((e) => e.message)).toEqual(['MountVolume.SetUp failed for volume "all-in-one" : [secret "mysecret" not found, configmap "myconfigmap" not found]']);
    c.client.create(secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'mysecret', namespace: 'default' }, stringData: { username: 'admin' } });
    c.advance(10_000);
    // One source left: the error is that source's alone.
    expect(failedMounts(c, 'proj').map((e) => e.message)).toContain('MountVolume.SetUp failed for volume "all-in-one" : configmap "myconfigmap" not found');
    c.client.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'myconfigmap', namespace: 'default' }, data: { config: 'x' } });
    c.advance(30_000);
    expect(state(c, 'proj')).toMatchObject({ phase: 'Running', ready: true });
  });

  it('each volume has its own back-off; one that mounted stays mounted', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podWith('two', [{ name: 'a', configMap: { name: 'cm-a' } }, { name: 'b', secret: { secretName: 'sec-b' } }, { name: 'scratch', emptyDir: {} }]));
    c.runUntilIdle();
    c.advance(1_000);
    expect(failedMounts(c, 'two').map((e) => [e.message, e.count])).toEqual([
      ['MountVolume.SetUp failed for volume "a" : configmap "cm-a" not found', 2],
      ['MountVolume.SetUp failed for volume "b" : secret "sec-b" not found', 2],
    ]);
    c.client.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm-a', namespace: 'default' }, data: {} });
    c.advance(10_000);
    expect(failedMounts(c, 'two').map((e) => e.count)).toEqual([2, 5]);
    expect(state(c, 'two').reason).toBe('ContainerCreating');
  });

  it('a pod deleted while waiting for its mounts goes away', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podWith('gone', [{ name: 'config-volume', configMap: { name: 'special-config' } }]));
    c.runUntilIdle();
    c.advance(5_000);
    c.client.delete(pods, 'default', 'gone');
    c.advance(5_000);
    expect(c.client.list<Pod>(pods, { namespace: 'default' }).items.map((p) => p.metadata.name)).not.toContain('gone');
  });

  it('mountVolumes: an adopted running pod counts as mounted; other volume types mount at once', () => {
    const c = lifecycleCluster();
    const pod = podWith('x', [{ name: 'a', configMap: { name: 'absent' } }]) as Pod;
    expect(mountVolumes(c.client, pod, newVolumeMountState(true), 0, () => {})).toBeUndefined();
    const plain = podWith('y', [{ name: 'e', emptyDir: {} }, { name: 'h', hostPath: { path: '/tmp' } }, { name: 'd', downwardAPI: { items: [] } }]) as Pod;
    expect(mountVolumes(c.client, plain, newVolumeMountState(false), 0, () => {})).toBeUndefined();
  });
});
