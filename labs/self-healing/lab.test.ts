// The self-healing lab, proved on the simulator: the fresh lab fails replacements-happened and
// declarative-change (count-restored passes on purpose, GRADING.md), the solution passes all three,
// and near misses (kubectl scale, kubectl edit, the wrong count, a file without its namespace, a
// node left stopped, a recreated ReplicaSet) fail with a message that names the field.
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Cluster } from '../../simulator/cluster.ts';
import type { KubeObject } from '../../simulator/machinery/types.ts';
import { readLabFiles } from '../../graders/lab-files.node.ts';
import {
  advanceUntil,
  applyLikeKubectl,
  failures,
  grade,
  startLab,
  statusOf,
} from '../../graders/testing/lab-harness.ts';
import { checkResult, nearMiss, testSolutionScript } from '../../graders/testing/lab-story.ts';
import lab from './lab.ts';

const ns = 'self-healing';
const rsRef = { group: 'apps', resource: 'replicasets' };
const podsRef = { resource: 'pods' };
const starter = (): KubeObject => parse(readLabFiles(lab.id).starter.find((f) => f.path === 'catalog-rs.yaml')!.content) as KubeObject;

function rs(cluster: Cluster): KubeObject & { status?: { readyReplicas?: number } } {
  return cluster.client.get(rsRef, ns, 'catalog');
}

function catalogPods(cluster: Cluster): KubeObject[] {
  return cluster.client.list(podsRef, { namespace: ns, labelSelector: 'app=catalog' }).items.filter((p) => !p.metadata.deletionTimestamp);
}

const ready = (cluster: Cluster, n: number) => () => rs(cluster).status?.readyReplicas === n;

/** The solution's steps through the API client: delete pods, stop and start a node, apply replicas 5. */
function solveWithClient(cluster: Cluster, replicas = 5) {
  const first = catalogPods(cluster)[0]!;
  cluster.client.delete(podsRef, ns, first.metadata.name!);
  advanceUntil(cluster, ready(cluster, 3));
  for (const pod of catalogPods(cluster)) cluster.client.delete(podsRef, ns, pod.metadata.name!);
  advanceUntil(cluster, ready(cluster, 3));
  cluster.stopNode('wheelhouse-worker2');
  cluster.advance(120_000);
  advanceUntil(cluster, ready(cluster, 3));
  cluster.startNode('wheelhouse-worker2');
  cluster.advance(60_000);
  const file = starter();
  (file.spec as { replicas: number }).replicas = replicas;
  applyLikeKubectl(cluster, file);
  advanceUntil(cluster, ready(cluster, replicas));
  cluster.advance(10_000);
}

async function solved(): Promise<Cluster> {
  const { cluster } = await startLab(lab);
  solveWithClient(cluster);
  return cluster;
}

describe('self-healing lab', () => {
  test('setup applies the ReplicaSet the way kubectl apply does (last-applied says 3)', async () => {
    const { cluster, setup } = await startLab(lab);
    expect(setup.created).toEqual(['namespace/self-healing', 'replicaset/catalog']);
    const applied = JSON.parse(rs(cluster).metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']!);
    expect(applied.spec.replicas).toBe(3);
    expect(rs(cluster).status?.readyReplicas).toBe(3);
  });

  test('the untouched start fails replacements-happened and declarative-change; count-restored passes on purpose', async () => {
    const { cluster } = await startLab(lab);
    const report = await grade(lab, cluster);
    expect(statusOf(report)).toEqual({ 'replacements-happened': 'fail', 'count-restored': 'pass', 'declarative-change': 'fail' });
    expect(checkResult(report, 'declarative-change').message).toContain('still wants 3 pods');
    expect(report.status).toBe('fail');
  });

  test("the solution's steps, through the API client, pass every check", async () => {
    const report = await grade(lab, await solved());
    expect(failures(report)).toEqual([]);
    expect(checkResult(report, 'replacements-happened').found).toMatch(/[1-9]\d* replacement/);
  });

  testSolutionScript(lab);

  describe('near misses fail and name the field', () => {
    test('kubectl scale to 5: the file still says 3', async () => {
      const r = await nearMiss(lab, 'declarative-change', (cluster) => {
        cluster.client.patch(rsRef, ns, 'catalog', 'merge', { spec: { replicas: 5 } }, { fieldManager: 'kubectl-scale', subresource: 'scale' });
        advanceUntil(cluster, ready(cluster, 5));
      });
      expect(r.status).toBe('fail');
      expect(r.field).toContain('last-applied-configuration');
      expect(r.message).toContain('still says 3');
    });

    test('kubectl edit to 5 (the annotation follows, the manager gives it away)', async () => {
      const r = await nearMiss(lab, 'declarative-change', (cluster) => {
        cluster.advance(5_000);
        const file = starter();
        (file.spec as { replicas: number }).replicas = 5;
        applyLikeKubectl(cluster, file, 'kubectl-edit');
        advanceUntil(cluster, ready(cluster, 5));
      });
      expect(r.status).toBe('fail');
      expect(r.field).toContain('managedFields');
      expect(r.message).toContain('kubectl edit');
    });

    test('one replica off (4 in the file)', async () => {
      const r = await nearMiss(lab, 'declarative-change', (cluster) => {
        solveWithClient(cluster, 4);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'spec.replicas', expected: '5', found: '4' });
    });

    test('the file applied without its namespace lands in default', async () => {
      const r = await nearMiss(lab, 'declarative-change', (cluster) => {
        cluster.client.delete(rsRef, ns, 'catalog');
        const file = starter();
        delete file.metadata.namespace;
        applyLikeKubectl(cluster, { ...file, metadata: { ...file.metadata, namespace: 'default' } });
        cluster.advance(30_000);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.namespace', found: 'default' });
    });

    test('no record of a file (created with kubectl create)', async () => {
      const r = await nearMiss(lab, 'declarative-change', (cluster) => {
        cluster.client.patch(rsRef, ns, 'catalog', 'json', [{ op: 'remove', path: '/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration' }]);
      });
      expect(r.status).toBe('fail');
      expect(r.message).toContain('no record of an applied file');
    });

    test('the node left stopped', async () => {
      const r = await nearMiss(lab, 'count-restored', (cluster) => {
        cluster.stopNode('wheelhouse-worker2');
        cluster.advance(120_000);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'status.conditions[type=Ready].status', expected: 'True' });
      expect(r.message).toContain('still down');
    });

    test('the ReplicaSet deleted and recreated: its history starts over', async () => {
      const r = await nearMiss(lab, 'replacements-happened', (cluster) => {
        cluster.client.delete(rsRef, ns, 'catalog');
        cluster.advance(30_000);
        applyLikeKubectl(cluster, starter());
        advanceUntil(cluster, ready(cluster, 3));
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.uid' });
    });

    test('scaling up alone is not a replacement', async () => {
      const { cluster } = await startLab(lab);
      applyLikeKubectl(cluster, { ...starter(), spec: { ...(starter().spec as object), replicas: 5 } });
      advanceUntil(cluster, ready(cluster, 5));
      const report = await grade(lab, cluster);
      expect(checkResult(report, 'declarative-change').status).toBe('pass');
      expect(checkResult(report, 'replacements-happened').status).toBe('fail');
    });
  });
});
