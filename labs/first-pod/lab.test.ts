// The first-pod lab, proved on the simulator: the fresh lab fails every check, the solution passes
// them, and near misses (a wrong tag, a missing or misspelt label, a wrong or missing port, the
// wrong namespace, a pod from kubectl run, the first pod never recreated) name the field.
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
import { checkResult, expectFailNaming, nearMiss, testSolutionScript } from '../../graders/testing/lab-story.ts';
import lab from './lab.ts';

const ns = 'first-pod';
const pods = { resource: 'pods' };

/** The solution's finished manifest, with changes for a near miss. */
function manifest(change: (pod: KubeObject & { spec: { containers: Array<Record<string, unknown>> } }) => void = () => {}): KubeObject {
  const pod = parse(readLabFiles(lab.id).starter[0]!.content) as KubeObject & { spec: { containers: Array<Record<string, unknown>> } };
  pod.metadata.labels = { app: 'catalog', tier: 'backend' };
  pod.spec.containers[0]!.image = 'bookstore/catalog:1.0';
  pod.spec.containers[0]!.ports = [{ containerPort: 8080 }];
  change(pod);
  return pod;
}

function getPod(cluster: Cluster, name = 'catalog', namespace = ns): (KubeObject & { status?: { phase?: string; conditions?: Array<{ type: string; status: string }> } }) | undefined {
  try {
    return cluster.client.get(pods, namespace, name);
  } catch {
    return undefined;
  }
}

const isReady = (cluster: Cluster, name = 'catalog', namespace = ns) => () =>
  getPod(cluster, name, namespace)?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;

/** Apply a pod, wait until it is Ready; then (recreate) delete it, wait until gone, apply again. */
function runPod(cluster: Cluster, pod: KubeObject, options: { recreate?: boolean; fieldManager?: string } = {}) {
  const namespace = pod.metadata.namespace ?? ns;
  applyLikeKubectl(cluster, pod, options.fieldManager);
  advanceUntil(cluster, isReady(cluster, pod.metadata.name, namespace));
  if (options.recreate ?? true) {
    cluster.client.delete(pods, namespace, pod.metadata.name!);
    advanceUntil(cluster, () => getPod(cluster, pod.metadata.name, namespace) === undefined);
    applyLikeKubectl(cluster, pod, options.fieldManager);
    advanceUntil(cluster, isReady(cluster, pod.metadata.name, namespace));
  }
}

describe('first-pod lab', () => {
  test('the untouched start (only the namespace) fails every check', async () => {
    const { cluster, setup } = await startLab(lab);
    expect(setup.created).toEqual(['namespace/first-pod']);
    const report = await grade(lab, cluster);
    expect(statusOf(report)).toEqual({ 'labels-and-port': 'fail', 'pod-running': 'fail', 'from-a-file': 'fail', recreated: 'fail' });
    expect(checkResult(report, 'pod-running').message).toContain('There is no pod `catalog` in `first-pod`');
  });

  test('the starter applied as it is: pull failure, missing tier, no port', async () => {
    const { cluster } = await startLab(lab);
    applyLikeKubectl(cluster, parse(readLabFiles(lab.id).starter[0]!.content) as KubeObject);
    cluster.advance(60_000);
    const report = await grade(lab, cluster);
    expect(checkResult(report, 'pod-running')).toMatchObject({ status: 'fail', field: 'spec.containers[0].image', found: 'bookstore/catalog:v1.0' });
    expect(checkResult(report, 'pod-running').message).toContain("can't be pulled");
    expect(checkResult(report, 'labels-and-port')).toMatchObject({ status: 'fail', field: 'metadata.labels.tier' });
    expect(checkResult(report, 'from-a-file').status).toBe('pass');
    expect(checkResult(report, 'recreated').status).toBe('fail');
  });

  test("the solution's steps, through the API client, pass every check", async () => {
    const { cluster } = await startLab(lab);
    applyLikeKubectl(cluster, manifest((p) => (p.spec.containers[0]!.image = 'bookstore/catalog:v1.0')));
    cluster.advance(30_000);
    runPod(cluster, manifest());
    expect(failures(await grade(lab, cluster))).toEqual([]);
  });

  testSolutionScript(lab);

  describe('near misses fail and name the field', () => {
    test('a running pod with the wrong tag (1.5)', async () => {
      const r = await nearMiss(lab, 'pod-running', (cluster) => {
        runPod(cluster, manifest((p) => (p.spec.containers[0]!.image = 'bookstore/catalog:1.5')));
      });
      expect(r).toMatchObject({ status: 'fail', field: 'spec.containers[0].image', expected: 'bookstore/catalog:1.0', found: 'bookstore/catalog:1.5' });
    });

    test.each([
      ['no tier label', { app: 'catalog' }, 'metadata.labels.tier', 'has no `tier` label'],
      ['a misspelt key', { app: 'catalog', teir: 'backend' }, 'metadata.labels.tier', 'label `teir: backend`'],
      ['a wrong value', { app: 'catalog', tier: 'Backend' }, 'metadata.labels.tier', 'is `Backend`'],
      ['a wrong app label', { app: 'catalogue', tier: 'backend' }, 'metadata.labels.app', 'not `catalogue`'],
    ])('%s', async (_name, labels, field, words) => {
      const r = await nearMiss(lab, 'labels-and-port', (cluster) => {
        runPod(cluster, manifest((p) => (p.metadata.labels = labels as Record<string, string>)));
      });
      expectFailNaming(r, field, words);
    });

    test.each([
      ['a wrong port', [{ containerPort: 80 }], 'spec.containers[0].ports[0].containerPort', 'declares port 80'],
      ['a missing port', undefined, 'spec.containers[0].ports', 'declares no port'],
    ])('%s', async (_name, ports, field, words) => {
      const r = await nearMiss(lab, 'labels-and-port', (cluster) => {
        runPod(cluster, manifest((p) => (ports ? (p.spec.containers[0]!.ports = ports) : delete p.spec.containers[0]!.ports)));
      });
      expectFailNaming(r, field, words);
      expect(r.message).toContain("Ports can't change on a running pod");
    });

    test('the wrong namespace (namespace: dropped from the file)', async () => {
      const r = await nearMiss(lab, 'pod-running', (cluster) => {
        runPod(cluster, manifest((p) => (p.metadata.namespace = 'default')), { recreate: false });
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.namespace', expected: 'first-pod', found: 'default' });
    });

    test('a pod under another name', async () => {
      const r = await nearMiss(lab, 'pod-running', (cluster) => {
        runPod(cluster, manifest((p) => (p.metadata.name = 'catalog-1')), { recreate: false });
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.name', found: 'catalog-1' });
    });

    test('made with kubectl run, not from the file', async () => {
      const r = await nearMiss(lab, 'from-a-file', (cluster) => {
        const pod = manifest((p) => (p.metadata.labels = { run: 'catalog', app: 'catalog', tier: 'backend' }));
        cluster.client.create(pods, pod, { fieldManager: 'kubectl-run' });
        advanceUntil(cluster, isReady(cluster));
      });
      expectFailNaming(r, 'metadata.managedFields[0].manager', '`kubectl run`');
    });

    test('kubectl create -f passes with a note', async () => {
      const r = await nearMiss(lab, 'from-a-file', (cluster) => {
        cluster.client.create(pods, manifest(), { fieldManager: 'kubectl-create' });
      });
      expect(r.status).toBe('pass');
      expect(r.note).toContain('kubectl create -f');
    });

    test('the first pod, never deleted and recreated', async () => {
      const { cluster } = await startLab(lab);
      runPod(cluster, manifest(), { recreate: false });
      const report = await grade(lab, cluster);
      expect(checkResult(report, 'recreated')).toMatchObject({ status: 'fail', field: 'metadata.uid' });
      expect(checkResult(report, 'pod-running').status).toBe('pass');
    });

    test('a pod being deleted', async () => {
      const r = await nearMiss(lab, 'pod-running', (cluster) => {
        runPod(cluster, manifest());
        cluster.client.delete(pods, ns, 'catalog');
      });
      expect(r).toMatchObject({ status: 'fail', field: 'metadata.deletionTimestamp' });
    });
  });
});
