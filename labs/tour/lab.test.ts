// The tour lab, proved on the simulator: the fresh cluster fails both checks, the solution passes
// them, and near misses (a namespace a few letters off, the label on the wrong node, the wrong key
// or value) fail with a message that names the field.
import { describe, expect, test } from 'vitest';
import type { Cluster } from '../../simulator/cluster.ts';
import { failures, grade, startLab, statusOf } from '../../graders/testing/lab-harness.ts';
import { checkResult, testSolutionScript } from '../../graders/testing/lab-story.ts';
import lab from './lab.ts';

const nodes = { resource: 'nodes' };

function label(cluster: Cluster, node: string, labels: Record<string, string | null>) {
  cluster.client.patch(nodes, undefined, node, 'merge', { metadata: { labels } });
}

/** The end state the solution leaves, written through the API client. */
function solveWithClient(cluster: Cluster) {
  cluster.client.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookstore' } });
  label(cluster, 'wheelhouse-worker', { disk: 'ssd' });
  cluster.advance(1_000);
}

async function solved(): Promise<Cluster> {
  const { cluster } = await startLab(lab);
  solveWithClient(cluster);
  return cluster;
}

describe('tour lab', () => {
  test('setup creates nothing: the namespace is the learner\'s job', async () => {
    const { setup } = await startLab(lab);
    expect(setup).toEqual({ created: [], existing: [] });
  });

  test('the untouched start fails both checks', async () => {
    const { cluster } = await startLab(lab);
    const report = await grade(lab, cluster);
    expect(statusOf(report)).toEqual({ 'namespace-exists': 'fail', 'node-labelled': 'fail' });
    expect(checkResult(report, 'node-labelled').message).toContain('has no `disk` label');
    expect(checkResult(report, 'namespace-exists').hint).toContain('Ask for namespaces');
  });

  test('the solution\'s end state, written through the API client, passes every check', async () => {
    const report = await grade(lab, await solved());
    expect(failures(report)).toEqual([]);
    expect(report.status).toBe('pass');
  });

  testSolutionScript(lab);

  describe('near misses fail and name the field', () => {
    test.each(['book-store', 'bookstores', 'bookshop'])('a namespace called %s: "did you mean"', async (name) => {
      const { cluster } = await startLab(lab);
      cluster.client.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      const result = checkResult(await grade(lab, cluster), 'namespace-exists');
      expect(result.status).toBe('fail');
      expect(result.message).toContain(`did you mean \`${name}\``);
    });

    test('the namespace is being deleted', async () => {
      const cluster = await solved();
      // A pod keeps the namespace in Terminating while it shuts down.
      cluster.client.create({ resource: 'pods' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'bookstore' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      cluster.advance(10_000);
      cluster.client.delete({ resource: 'namespaces' }, undefined, 'bookstore');
      const result = checkResult(await grade(lab, cluster), 'namespace-exists');
      expect(result.status).toBe('fail');
      expect(result.field).toBe('status.phase');
      expect(result.message).toContain('being deleted');
    });

    test.each([
      ['wrong value', { disk: 'SSD' }, 'value must be `ssd`'],
      ['wrong key (the docs\' disktype)', { disk: null, disktype: 'ssd' }, 'the key must be `disk`'],
    ])('%s', async (_name, labels, words) => {
      const cluster = await solved();
      label(cluster, 'wheelhouse-worker', labels);
      const result = checkResult(await grade(lab, cluster), 'node-labelled');
      expect(result.status).toBe('fail');
      expect(result.field).toBe('metadata.labels.disk');
      expect(result.message).toContain(words);
    });

    test('the label on the wrong node', async () => {
      const cluster = await solved();
      label(cluster, 'wheelhouse-worker', { disk: null });
      label(cluster, 'wheelhouse-worker2', { disk: 'ssd' });
      const result = checkResult(await grade(lab, cluster), 'node-labelled');
      expect(result.status).toBe('fail');
      expect(result.message).toContain('`disk=ssd` is on `wheelhouse-worker2`, not on `wheelhouse-worker`');
    });

    test('the label on two nodes', async () => {
      const cluster = await solved();
      label(cluster, 'wheelhouse-control-plane', { disk: 'ssd' });
      const result = checkResult(await grade(lab, cluster), 'node-labelled');
      expect(result.status).toBe('fail');
      expect(result.message).toContain('`wheelhouse-control-plane` has it too');
    });

    test('disk=hdd on another node is allowed', async () => {
      const cluster = await solved();
      label(cluster, 'wheelhouse-worker2', { disk: 'hdd' });
      expect(checkResult(await grade(lab, cluster), 'node-labelled').status).toBe('pass');
    });
  });

  test('a cluster without the Wheelhouse nodes cannot be judged (error, not fail)', async () => {
    const cluster = await solved();
    cluster.client.delete(nodes, undefined, 'wheelhouse-worker');
    const result = checkResult(await grade(lab, cluster), 'node-labelled');
    expect(result.status).toBe('error');
  });
});
