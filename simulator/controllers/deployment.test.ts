import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeploymentController } from './deployment.ts';
import { ReplicaSetController } from './replicaset.ts';
import { isPodActive, isPodAvailable } from './pod-state.ts';
import { FakeKubelet, TestCluster, deploymentManifest, type FakeKubeletOptions } from './workload-test-kit.ts';
import type { Deployment, ReplicaSet } from './workload-types.ts';
import { DEPLOYMENTS, PODS, REPLICASETS } from './workload-types.ts';

function setup(kubelet: FakeKubeletOptions = {}) {
  return new TestCluster([new DeploymentController(), new ReplicaSetController(), new FakeKubelet(kubelet)]);
}

const getD = (c: TestCluster, name = 'web') => c.api.get<Deployment>(DEPLOYMENTS, 'default', name);
const replicaSets = (c: TestCluster) =>
  c.api.list<ReplicaSet>(REPLICASETS, { namespace: 'default' }).items.sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']));

function setImage(c: TestCluster, image: string, name = 'web', annotations?: Record<string, string>) {
  const d = getD(c, name);
  const template = structuredClone(d.spec.template);
  template.spec!.containers![0]!.image = image;
  const metadata = annotations ? { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), ...annotations } } : d.metadata;
  c.api.update(DEPLOYMENTS, { ...d, metadata, spec: { ...d.spec, template } });
}

function scale(c: TestCluster, replicas: number, name = 'web') {
  const d = getD(c, name);
  c.api.update(DEPLOYMENTS, { ...d, spec: { ...d.spec, replicas } });
}

describe('Deployment controller', () => {
  it('creates a ReplicaSet named <deployment>-<hash> that owns the pods', () => {
    const c = setup();
    const d = c.api.create(DEPLOYMENTS, deploymentManifest('web', 3, 'nginx:1.27'));
    c.runUntilIdle();
    const [rs] = replicaSets(c);
    const hash = rs!.metadata.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(c.pods().map((p) => p.metadata.name).every((n) => n?.startsWith(`web-${hash}-`))).toBe(true);
    expect(c.eventMessages('ScalingReplicaSet')).toEqual([`Scaled up replica set web-${hash} to 3`]);

    const done = getD(c);
    expect(done.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(done.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(done.status?.unavailableReplicas).toBe(0);
    expect(done.status?.conditions).toEqual([
      expect.objectContaining({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }),
      expect.objectContaining({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` }),
    ]);
  });

  it('rolls out a new template with upstream event wording and revision 2', () => {
    const c = setup();
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 4, 'nginx:1.27'));
    c.runUntilIdle();
    setImage(c, 'nginx:1.28', 'web', { 'kubernetes.io/change-cause': 'upgrade to 1.28' });
    c.runUntilIdle();
    const [old, next] = replicaSets(c);
    expect(old!.spec.replicas).toBe(0);
    expect(next!.spec.replicas).toBe(4);
    expect(next!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(next!.metadata.annotations?.['kubernetes.io/change-cause']).toBe('upgrade to 1.28');
    expect(getD(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const msgs = c.eventMessages('ScalingReplicaSet');
    // 4 replicas, 25%: maxSurge 1, maxUnavailable 1.
    expect(msgs[1]).toBe(`Scaled up replica set ${next!.metadata.name} to 1`);
    expect(msgs).toContain(`Scaled down replica set ${old!.metadata.name} to 3 from 4`);
    expect(msgs.at(-1)).toMatch(/^Scaled (down replica set .* to 0 from \d|up replica set .* to 4 from \d)$/);
    expect(c.pods().filter(isPodActive).every((p) => p.spec.containers?.[0]?.image === 'nginx:1.28')).toBe(true);
  });

  it('reuses the old ReplicaSet when the template goes back (rollback) and records revision-history', () => {
    const c = setup();
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 2, 'nginx:1.27'));
    c.runUntilIdle();
    const first = replicaSets(c)[0]!;
    setImage(c, 'nginx:1.28');
    c.runUntilIdle();
    setImage(c, 'nginx:1.27');
    c.runUntilIdle();
    const all = replicaSets(c);
    expect(all).toHaveLength(2);
    const reused = all.find((rs) => rs.metadata.uid === first.metadata.uid)!;
    expect(reused.spec.replicas).toBe(2);
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(getD(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(c.pods().filter(isPodActive).every((p) => p.metadata.labels?.['pod-template-hash'] === first.metadata.labels?.['pod-template-hash'])).toBe(true);
  });

  it('trims history to revisionHistoryLimit, oldest revisions first', () => {
    const c = setup();
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 1, 'app:1', { revisionHistoryLimit: 2 }));
    c.runUntilIdle();
    for (const v of [2, 3, 4, 5]) {
      setImage(c, `app:${v}`);
      c.runUntilIdle();
    }
    const revisions = replicaSets(c).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
    expect(revisions).toEqual(['3', '4', '5']);
  });

  it('does not roll out while paused but still scales; resumes with Progressing DeploymentResumed', () => {
    const c = setup();
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 2, 'nginx:1.27'));
    c.runUntilIdle();
    const d = getD(c);
    c.api.update(DEPLOYMENTS, { ...d, spec: { ...d.spec, paused: true } });
    c.runUntilIdle();
    expect(getD(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(c, 'nginx:1.28');
    scale(c, 5);
    c.runUntilIdle();
    expect(replicaSets(c)).toHaveLength(1);
    expect(c.pods().filter(isPodActive)).toHaveLength(5);
    expect(c.pods().every((p) => p.spec.containers?.[0]?.image === 'nginx:1.27')).toBe(true);

    const paused = getD(c);
    c.api.update(DEPLOYMENTS, { ...paused, spec: { ...paused.spec, paused: false } });
    c.runUntilIdle();
    expect(replicaSets(c)).toHaveLength(2);
    expect(c.pods().filter(isPodActive).every((p) => p.spec.containers?.[0]?.image === 'nginx:1.28')).toBe(true);
    expect(getD(c).status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });

  it('marks ProgressDeadlineExceeded after progressDeadlineSeconds without progress', () => {
    const c = setup({ brokenImages: ['nginx:broken'] });
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 3, 'nginx:1.27', { progressDeadlineSeconds: 30 }));
    c.runUntilIdle();
    setImage(c, 'nginx:broken');
    c.runUntilIdle();
    const newRS = replicaSets(c)[1]!;
    expect(getD(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    c.advance(25_000);
    expect(getD(c).status?.conditions?.find((x) => x.type === 'Progressing')?.status).toBe('True');
    c.advance(10_000);
    expect(getD(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`,
    });
    // 3 replicas at 25%: maxSurge rounds up to 1, maxUnavailable down to 0 — the old pods keep serving.
    expect(getD(c).status).toMatchObject({ availableReplicas: 3, updatedReplicas: 1, unavailableReplicas: 1 });
  });

  it('Recreate scales old pods to zero and waits for them to be gone before creating new ones', () => {
    const c = setup({ terminateAfterMs: 5_000 });
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 2, 'app:1', { strategy: { type: 'Recreate' } }));
    c.runUntilIdle();
    setImage(c, 'app:2');
    c.runUntilIdle();
    // Old pods are terminating; no new ReplicaSet yet.
    expect(replicaSets(c)).toHaveLength(1);
    expect(c.pods().filter((p) => p.metadata.deletionTimestamp)).toHaveLength(2);
    c.advance(6_000);
    const rss = replicaSets(c);
    expect(rss).toHaveLength(2);
    expect(c.pods().filter(isPodActive).map((p) => p.spec.containers?.[0]?.image)).toEqual(['app:2', 'app:2']);
  });

  it('scales proportionally in the middle of a rollout', () => {
    const c = setup({ brokenImages: ['app:2'] });
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 10, 'app:1', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    c.runUntilIdle();
    setImage(c, 'app:2');
    c.runUntilIdle();
    // Stuck: new RS at 5 (unavailable), old at 8 → 13 = 10 + 3.
    let [old, next] = replicaSets(c);
    expect([old!.spec.replicas, next!.spec.replicas]).toEqual([8, 5]);
    scale(c, 15);
    c.runUntilIdle();
    [old, next] = replicaSets(c);
    // 5 more allowed (18 = 15 + 3): shared 8:5 → old +3, new +2 (upstream example numbers).
    expect([old!.spec.replicas, next!.spec.replicas]).toEqual([11, 7]);
    expect(old!.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('15');
    expect(next!.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('18');
  });

  it('never breaks maxSurge/maxUnavailable during a rolling update (model-based)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('0%', '25%', '50%', '100%')),
        fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('0%', '25%', '50%')),
        fc.integer({ min: 0, max: 3 }),
        (replicas, surge, unavailable, readyDelaySeconds) => {
          const c = setup({ readyAfterMs: readyDelaySeconds * 1000, terminateAfterMs: 1000 });
          const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } };
          c.api.create(DEPLOYMENTS, deploymentManifest('web', replicas, 'app:1', { strategy }));
          c.advance(60_000);
          const surgeN = typeof surge === 'number' ? surge : Math.ceil((Number.parseInt(surge) * replicas) / 100);
          let unavailableN = typeof unavailable === 'number' ? unavailable : Math.floor((Number.parseInt(unavailable) * replicas) / 100);
          if (surgeN === 0 && unavailableN === 0) unavailableN = 1;
          const minAvailable = replicas - Math.min(unavailableN, replicas);
          const maxPods = replicas + surgeN;

          const violations: string[] = [];
          const check = () => {
            const pods = c.pods().filter(isPodActive);
            const available = pods.filter((p) => isPodAvailable(p, 0, c.clock.now())).length;
            if (pods.length > maxPods) violations.push(`${pods.length} pods > ${maxPods}`);
            if (available < minAvailable) violations.push(`${available} available < ${minAvailable}`);
          };
          const stop = c.api.onChange(check);
          setImage(c, 'app:2');
          c.advance(120_000);
          stop();
          expect(violations).toEqual([]);
          const pods = c.pods().filter(isPodActive);
          expect(pods).toHaveLength(replicas);
          expect(pods.every((p) => p.spec.containers?.[0]?.image === 'app:2')).toBe(true);
          expect(getD(c).status).toMatchObject({ updatedReplicas: replicas, availableReplicas: replicas, replicas });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps a rollback property: any template sequence ends on the last template, reusing ReplicaSets', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 6 }), (images) => {
        const c = setup();
        c.api.create(DEPLOYMENTS, deploymentManifest('web', 2, 'a'));
        c.runUntilIdle();
        for (const image of images) {
          setImage(c, image);
          c.runUntilIdle();
        }
        const rss = replicaSets(c);
        // One ReplicaSet per distinct template ever used, never a duplicate.
        expect(rss).toHaveLength(new Set(['a', ...images]).size);
        const last = images.at(-1)!;
        const current = rss.filter((rs) => rs.spec.replicas! > 0);
        expect(current).toHaveLength(1);
        expect(current[0]!.spec.template.spec?.containers?.[0]?.image).toBe(last);
        expect(current[0]!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe(getD(c).metadata.annotations?.['deployment.kubernetes.io/revision']);
      }),
      { numRuns: 40 },
    );
  });

  it('deletes nothing and stops scaling while the Deployment itself is being deleted', () => {
    const c = setup();
    c.api.create(DEPLOYMENTS, deploymentManifest('web', 2, 'app:1'));
    c.runUntilIdle();
    c.api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Orphan' });
    c.runUntilIdle();
    expect(c.pods().filter(isPodActive)).toHaveLength(2);
    expect(c.api.list(PODS, { namespace: 'default' }).items).toHaveLength(2);
  });
});
