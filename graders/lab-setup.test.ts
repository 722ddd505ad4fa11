// Setup and reset through the in-process writer: setup is idempotent, reset waits for the old
// namespace (and its pods) to go and sets the lab up again from scratch.
import { describe, expect, test } from 'vitest';
import selfHealing from '../labs/self-healing/lab.ts';
import tour from '../labs/tour/lab.ts';
import { readLabFiles } from './lab-files.node.ts';
import { setUpLab } from './lab-setup.ts';
import { parseManifests } from './manifests.ts';
import { labWriter, resetInSimulator, startLab } from './testing/lab-harness.ts';

describe('lab setup and reset (simulator)', () => {
  test('setting up twice keeps what is there', async () => {
    const { cluster } = await startLab(selfHealing);
    const again = await setUpLab(selfHealing, parseManifests(readLabFiles(selfHealing.id).setup), labWriter(cluster));
    expect(again).toEqual({ created: [], existing: ['namespace/self-healing', 'replicaset/catalog'] });
  });

  test('reset deletes the namespace, waits for it to go, and sets up again', async () => {
    const { cluster } = await startLab(selfHealing);
    const rs = () => cluster.client.get({ group: 'apps', resource: 'replicasets' }, 'self-healing', 'catalog');
    const before = rs().metadata.uid;
    cluster.client.patch({ group: 'apps', resource: 'replicasets' }, 'self-healing', 'catalog', 'merge', { spec: { replicas: 5 } });
    const report = await resetInSimulator(selfHealing, cluster);
    expect(report.created).toEqual(['namespace/self-healing', 'replicaset/catalog']);
    expect(rs().metadata.uid).not.toBe(before);
    expect((rs().spec as { replicas: number }).replicas).toBe(3);
  });

  test("reset of a lab without setup removes the learner's namespace and creates nothing", async () => {
    const { cluster } = await startLab(tour);
    cluster.client.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookstore' } });
    expect(await resetInSimulator(tour, cluster)).toEqual({ created: [], existing: [] });
    expect(() => cluster.client.get({ resource: 'namespaces' }, undefined, 'bookstore')).toThrow(/not found/);
  });
});
