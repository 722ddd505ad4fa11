// The replicas lab, proved on the simulator: the fresh lab fails every check, the solution passes
// them, and near misses (one replica off, a selector that misses app=catalog, a template without
// tier, the wrong image or namespace, a Deployment instead, pods the ReplicaSet doesn't own, a node
// never stopped or left stopped) fail with a message that names the field.
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
  solutionFiles,
  startLab,
  statusOf,
} from '../../graders/testing/lab-harness.ts';
import { checkResult, expectFailNaming, nearMiss, testSolutionScript } from '../../graders/testing/lab-story.ts';
import lab from './lab.ts';

const ns = 'replicas';
const rsRef = { group: 'apps', resource: 'replicasets' };
const pods = { resource: 'pods' };
type Rs = KubeObject & { spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: { containers: Array<{ image: string }> } } } };

const byHand = (): KubeObject => parse(readLabFiles(lab.id).starter.find((f) => f.path === 'catalog-by-hand.yaml')!.content) as KubeObject;
const replicaSet = (change: (rs: Rs) => void = () => {}): Rs => {
  const rs = structuredClone(solutionFiles(lab).get('catalog-rs.yaml')) as Rs;
  change(rs);
  return rs;
};

const readyReplicas = (cluster: Cluster, name = 'catalog') => {
  try {
    return (cluster.client.get(rsRef, ns, name) as { status?: { readyReplicas?: number } }).status?.readyReplicas ?? 0;
  } catch {
    return -1;
  }
};

function ownedOnNode(cluster: Cluster, node: string): KubeObject[] {
  return cluster.client
    .list(pods, { namespace: ns })
    .items.filter((p) => !p.metadata.deletionTimestamp && (p.spec as { nodeName?: string }).nodeName === node && p.metadata.ownerReferences?.length);
}

/** Steps 1–3: the hand-made pod, the ReplicaSet that adopts it, and the surplus pod it removes. */
function steps1to3(cluster: Cluster, rs: Rs = replicaSet()) {
  applyLikeKubectl(cluster, byHand());
  cluster.advance(20_000);
  applyLikeKubectl(cluster, rs);
  advanceUntil(cluster, () => readyReplicas(cluster) === rs.spec.replicas);
  const extra = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'catalog-extra', namespace: ns, labels: { app: 'catalog', tier: 'backend', run: 'catalog-extra' } }, spec: { containers: [{ name: 'catalog-extra', image: 'bookstore/catalog:1.0' }] } };
  cluster.client.create(pods, extra, { fieldManager: 'kubectl-run' });
  advanceUntil(cluster, () => !cluster.client.list(pods, { namespace: ns }).items.some((p) => p.metadata.name === 'catalog-extra'));
}

/** Step 4: stop wheelhouse-worker2 until its pods are replaced, then start it again. */
function loseANode(cluster: Cluster, options: { restart?: boolean } = {}) {
  cluster.stopNode('wheelhouse-worker2');
  cluster.advance(100_000);
  advanceUntil(cluster, () => readyReplicas(cluster) === 3 && ownedOnNode(cluster, 'wheelhouse-worker2').length === 0);
  if (options.restart ?? true) {
    cluster.startNode('wheelhouse-worker2');
    cluster.advance(60_000);
  }
}

describe('replicas lab', () => {
  test('the untouched start (only the namespace) fails every check', async () => {
    const { cluster } = await startLab(lab);
    const report = await grade(lab, cluster);
    expect(statusOf(report)).toEqual({ 'replicaset-defined': 'fail', 'extra-pod-removed': 'fail', 'three-ready-owned': 'fail', 'none-on-failed-node': 'fail' });
    expect(checkResult(report, 'replicaset-defined').message).toContain("There's no ReplicaSet `catalog` in `replicas` yet");
  });

  test("the solution's steps, through the API client, pass every check", async () => {
    const { cluster } = await startLab(lab);
    steps1to3(cluster);
    const handmade = cluster.client.get(pods, ns, 'catalog-by-hand');
    expect(handmade.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'catalog', controller: true });
    loseANode(cluster);
    expect(failures(await grade(lab, cluster))).toEqual([]);
  });

  testSolutionScript(lab);

  describe('near misses fail and name the field', () => {
    test.each([
      ['one replica off', (rs: Rs) => (rs.spec.replicas = 2), 'spec.replicas', 'asks for 2 replicas'],
      ['a selector without app', (rs: Rs) => (rs.spec.selector.matchLabels = { tier: 'backend' }), 'spec.selector', 'should select pods with `app=catalog`'],
      ['a template without tier', (rs: Rs) => (rs.spec.template.metadata.labels = { app: 'catalog' }), 'spec.template.metadata.labels.tier', 'should carry `app: catalog` and `tier: backend`'],
      ['a wrong image tag', (rs: Rs) => (rs.spec.template.spec.containers[0]!.image = 'bookstore/catalog:1.5'), 'spec.template.spec.containers[0].image', 'runs `bookstore/catalog:1.5`'],
    ])('%s', async (_name, change, field, words) => {
      const r = await nearMiss(lab, 'replicaset-defined', (cluster) => {
        applyLikeKubectl(cluster, replicaSet(change));
        cluster.advance(30_000);
      });
      expectFailNaming(r, field, words);
    });

    test('the wrong namespace', async () => {
      const r = await nearMiss(lab, 'replicaset-defined', (cluster) => {
        applyLikeKubectl(cluster, replicaSet((rs) => (rs.metadata.namespace = 'default')));
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.namespace', found: 'default' });
    });

    test('a Deployment instead of a ReplicaSet', async () => {
      const r = await nearMiss(lab, 'replicaset-defined', (cluster) => {
        applyLikeKubectl(cluster, replicaSet((rs) => Object.assign(rs, { kind: 'Deployment' })));
      });
      expect(r).toMatchObject({ status: 'fail', field: 'kind', expected: 'ReplicaSet', found: 'Deployment' });
    });

    test('ready catalog pods the ReplicaSet does not own', async () => {
      const r = await nearMiss(lab, 'three-ready-owned', (cluster) => {
        // The ReplicaSet's pods can never start (no node matches); hand-made pods outside its selector run.
        applyLikeKubectl(
          cluster,
          replicaSet((rs) => {
            rs.spec.selector.matchLabels = { app: 'catalog', tier: 'backend' };
            (rs.spec.template.spec as Record<string, unknown>).nodeSelector = { disk: 'none' };
          }),
        );
        for (const name of ['hand-1', 'hand-2', 'hand-3']) {
          const pod = byHand();
          pod.metadata.name = name;
          pod.metadata.labels = { app: 'catalog', tier: 'api' };
          applyLikeKubectl(cluster, pod);
        }
        cluster.advance(60_000);
      });
      expect(r.status).toBe('fail');
      expect(r.field).toBe('metadata.ownerReferences');
      expect(r.message).toMatch(/`hand-\d` is running, but the ReplicaSet doesn't own it/);
    });

    test('the node never stopped', async () => {
      const r = await nearMiss(lab, 'none-on-failed-node', (cluster) => {
        steps1to3(cluster);
      });
      expect(r.status).toBe('fail');
      // Either a pod still runs there, or nothing proves the node was stopped.
      expect(r.field === 'spec.nodeName' || r.field === 'events (reason NodeNotReady, TaintManagerEviction)').toBe(true);
      expect(r.message).toContain('wheelhouse-worker2');
    });

    test('the node left stopped', async () => {
      const { cluster } = await startLab(lab);
      steps1to3(cluster);
      loseANode(cluster, { restart: false });
      const report = await grade(lab, cluster);
      expect(checkResult(report, 'none-on-failed-node')).toMatchObject({ status: 'fail', field: 'status.conditions[type=Ready].status', expected: 'True' });
      expect(checkResult(report, 'three-ready-owned').status).toBe('pass');
    });

    test('no surplus pod ever offered', async () => {
      const r = await nearMiss(lab, 'extra-pod-removed', (cluster) => {
        applyLikeKubectl(cluster, replicaSet());
        advanceUntil(cluster, () => readyReplicas(cluster) === 3);
      });
      expect(r).toMatchObject({ status: 'fail', field: 'events (reason SuccessfulDelete)' });
    });
  });
});
