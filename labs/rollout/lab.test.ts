// The rollout lab, proved on the simulator: the fresh lab fails its checks, the solution passes
// them, and near misses (stuck on 1.6, rolled back too far, no change cause, a Recreate or a scale
// to zero that drops availability, one replica off, pods the Deployment doesn't manage, a recreated
// Deployment) fail with a message that names the field.
import { describe, expect, test } from 'vitest';
import type { Cluster } from '../../simulator/cluster.ts';
import type { KubeObject } from '../../simulator/machinery/types.ts';
import {
  applyLikeKubectl,
  errorLines,
  failures,
  grade,
  runScript,
  startLab,
  statusOf,
} from '../../graders/testing/lab-harness.ts';
import { checkResult, expectFailNaming, nearMiss, testSolutionScript } from '../../graders/testing/lab-story.ts';
import lab from './lab.ts';

const ns = 'rollout';
const deployments = { group: 'apps', resource: 'deployments' };

async function kubectl(cluster: Cluster, script: string) {
  const run = await runScript(cluster, script);
  if (errorLines(run.err).length) throw new Error(`${script}\n${run.err}`);
  return run;
}

/** `kubectl annotate deployment/catalog kubernetes.io/change-cause=… --overwrite`, through the client. */
function annotate(cluster: Cluster, cause: string) {
  cluster.client.patch(deployments, ns, 'catalog', 'merge', { metadata: { annotations: { 'kubernetes.io/change-cause': cause } } }, { fieldManager: 'kubectl-annotate' });
}

const status = (d = 'deployment/catalog') => `kubectl rollout status ${d} -n ${ns} --timeout=180s`;

async function ship(cluster: Cluster, tag: string, cause?: string, wait = true) {
  await kubectl(cluster, `kubectl set image deployment/catalog catalog=bookstore/catalog:${tag} -n ${ns}`);
  if (cause) annotate(cluster, cause);
  if (wait) await kubectl(cluster, status());
  else cluster.advance(90_000);
}

/** The solution's steps: 1.5 with a cause, 1.6 stuck, undo. */
async function solve(cluster: Cluster, options: { undo?: string; cause15?: boolean } = {}) {
  await kubectl(cluster, status());
  await ship(cluster, '1.5', options.cause15 === false ? undefined : 'catalog 1.5: new release');
  await ship(cluster, '1.6', 'catalog 1.6: faster search', false);
  // Right after leaving a stalled rollout, `rollout status` may still report the old deadline, so
  // give the rollback time instead of waiting on it.
  if (options.undo !== '') await kubectl(cluster, `kubectl rollout undo deployment/catalog -n ${ns} ${options.undo ?? ''}`);
  cluster.advance(120_000);
}

describe('rollout lab', () => {
  test('the untouched start fails the rollout checks', async () => {
    const { cluster, setup } = await startLab(lab);
    expect(setup.created).toEqual(['namespace/rollout', 'deployment/catalog']);
    const report = await grade(lab, cluster);
    expect(statusOf(report)).toEqual({ 'change-cause': 'fail', 'revision-history': 'fail', 'image-1-5': 'fail', 'no-broken-pods': 'pass', 'availability-kept': 'fail' });
    expect(checkResult(report, 'image-1-5')).toMatchObject({ field: 'spec.template.spec.containers[0].image', found: 'bookstore/catalog:1.0' });
  });

  test("the solution's steps pass every check (revision 4, history 1, 3, 4)", async () => {
    const { cluster } = await startLab(lab);
    await solve(cluster);
    const d = cluster.client.get(deployments, ns, 'catalog');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    expect(failures(await grade(lab, cluster))).toEqual([]);
  });

  // The stalled 1.6 rollout makes `rollout status` fail on purpose (`|| echo` in the script).
  testSolutionScript(lab, { ignoreError: (line) => line.includes('exceeded its progress deadline') });

  describe('near misses fail and name the field', () => {
    test('stuck on 1.6 (never rolled back)', async () => {
      const { cluster } = await startLab(lab);
      await solve(cluster, { undo: '' });
      const report = await grade(lab, cluster);
      expect(checkResult(report, 'image-1-5')).toMatchObject({ status: 'fail', field: 'spec.template.spec.containers[0].image', found: 'bookstore/catalog:1.6' });
      expect(checkResult(report, 'no-broken-pods')).toMatchObject({ status: 'fail', found: 'bookstore/catalog:1.6' });
      expect(checkResult(report, 'no-broken-pods').message).toContain('still run (or try to run) 1.6');
    });

    test('rolled back too far (--to-revision=1)', async () => {
      const r = await nearMiss(lab, 'image-1-5', async (cluster) => {
        await solve(cluster, { undo: '--to-revision=1' });
      });
      expect(r).toMatchObject({ status: 'fail', found: 'bookstore/catalog:1.0' });
      expect(r.message).toContain('back on 1.0');
    });

    test('1.5 shipped without its own change cause', async () => {
      const r = await nearMiss(lab, 'change-cause', async (cluster) => {
        await solve(cluster, { cause15: false });
      });
      expect(r).toMatchObject({ status: 'fail', field: "metadata.annotations['kubernetes.io/change-cause']", found: 'catalog 1.0: first release' });
    });

    test('a Recreate strategy', async () => {
      const r = await nearMiss(lab, 'availability-kept', async (cluster) => {
        cluster.client.patch(deployments, ns, 'catalog', 'merge', { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } });
        await solve(cluster);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'spec.strategy.type', expected: 'RollingUpdate' });
    });

    test('a scale to 0 and back drops availability', async () => {
      const r = await nearMiss(lab, 'availability-kept', async (cluster) => {
        await solve(cluster);
        await kubectl(cluster, `kubectl scale deployment/catalog --replicas=0 -n ${ns}`);
        cluster.advance(30_000);
        await kubectl(cluster, `kubectl scale deployment/catalog --replicas=4 -n ${ns}\n${status()}`);
      });
      expectFailNaming(r, 'status.conditions[type=Available].lastTransitionTime', 'fewer than 3 available pods');
    });

    test('one replica off', async () => {
      const r = await nearMiss(lab, 'image-1-5', async (cluster) => {
        await solve(cluster);
        await kubectl(cluster, `kubectl scale deployment/catalog --replicas=3 -n ${ns}`);
        cluster.advance(30_000);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'spec.replicas', expected: '4', found: '3' });
    });

    test('a pod the Deployment does not manage (no owning controller)', async () => {
      const r = await nearMiss(lab, 'no-broken-pods', async (cluster) => {
        await solve(cluster);
        const bare: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'catalog-by-hand', namespace: ns, labels: { app: 'catalog-debug' } }, spec: { containers: [{ name: 'catalog', image: 'bookstore/catalog:1.5' }] } };
        applyLikeKubectl(cluster, bare);
        cluster.advance(20_000);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.ownerReferences', found: '(no controller)' });
      expect(r.message).toContain("`catalog-by-hand` isn't managed by the Deployment");
    });

    test('pods owned by a hand-made ReplicaSet, not by the Deployment', async () => {
      const r = await nearMiss(lab, 'no-broken-pods', async (cluster) => {
        await solve(cluster);
        const rs: KubeObject = {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: 'catalog-copy', namespace: ns },
          spec: { replicas: 1, selector: { matchLabels: { app: 'catalog-copy' } }, template: { metadata: { labels: { app: 'catalog-copy' } }, spec: { containers: [{ name: 'catalog', image: 'bookstore/catalog:1.5' }] } } },
        };
        applyLikeKubectl(cluster, rs);
        cluster.advance(20_000);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.ownerReferences', found: 'replicaset/catalog-copy' });
    });

    test('the Deployment deleted and recreated on 1.5', async () => {
      const r = await nearMiss(lab, 'revision-history', async (cluster) => {
        const live = cluster.client.get(deployments, ns, 'catalog');
        cluster.client.delete(deployments, ns, 'catalog');
        cluster.advance(30_000);
        const spec = structuredClone(live.spec) as { template: { spec: { containers: Array<{ image: string }> } } };
        spec.template.spec.containers[0]!.image = 'bookstore/catalog:1.5';
        applyLikeKubectl(cluster, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'catalog', namespace: ns }, spec });
        await kubectl(cluster, status());
      });
      expect(r.status).toBe('fail');
      expect(r.message).toContain('recreated');
    });
  });
});
