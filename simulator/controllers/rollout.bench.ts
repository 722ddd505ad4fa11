// How the workload controllers scale: a rolling update of a 1,000-replica Deployment to
// completion (goal: under a second), and scaling 100 → 1,000 → 5,000 pods, where the cost per pod
// should stay flat. Runs the real API server and controller runtime with the stand-in kubelet;
// each phase also prints its own time per pod so the numbers can be compared across sizes.
// simulator/benchmarks/cluster-rollout.bench.ts runs the same rollout on a whole cluster.
import { describe, expect, test } from 'vitest';
import { DeploymentController } from './deployment.ts';
import { ReplicaSetController } from './replicaset.ts';
import { FakeKubelet, TestCluster, deploymentManifest } from './workload-test-kit.ts';
import type { Deployment } from './workload-types.ts';
import { DEPLOYMENTS } from './workload-types.ts';

function cluster(): TestCluster {
  return new TestCluster([new DeploymentController(), new ReplicaSetController(), new FakeKubelet({ readyAfterMs: 2_000, terminateAfterMs: 1_000 })]);
}

function update(c: TestCluster, change: (d: Deployment) => void): void {
  const d = c.api.get<Deployment>(DEPLOYMENTS, 'default', 'web');
  change(d);
  c.api.update(DEPLOYMENTS, d);
}

/** Runs one phase and reports its cost per pod in µs. */
function timed(label: string, pods: number, run: () => void): number {
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  const perPod = (ms / pods) * 1000;
  console.log(`${label}: ${ms.toFixed(0)} ms, ${perPod.toFixed(0)} µs per pod`);
  return perPod;
}

describe('Deployment rollout', () => {
  test('rolling update of 1,000 replicas to completion', { timeout: 300_000 }, async ({ bench }) => {
    let c = cluster();
    const result = await bench(
      'rolling update, 1,000 replicas',
      {
        // Not timed: a settled 1,000-replica Deployment to update.
        beforeEach() {
          c = cluster();
          c.api.create(DEPLOYMENTS, deploymentManifest('web', 1000, 'app:1'));
          c.advance(10_000);
        },
      },
      () => {
        update(c, (d) => {
          d.spec.template.spec!.containers![0]!.image = 'app:2';
        });
        c.advance(600_000);
        const d = c.api.get<Deployment>(DEPLOYMENTS, 'default', 'web');
        if (d.status?.updatedReplicas !== 1000 || d.status.availableReplicas !== 1000 || d.status.replicas !== 1000) {
          throw new Error(`rollout incomplete: ${JSON.stringify(d.status)}`);
        }
      },
    ).run({ iterations: 3, time: 0, warmup: false });
    console.log(`rolling update 1000: mean ${result.latency.mean.toFixed(0)} ms (${((result.latency.mean / 1000) * 1000).toFixed(0)} µs per replica)`);
    // The goal is under a second; fail only on a gross regression.
    expect(result.latency.mean).toBeLessThan(10_000);
  });

  test('scaling 100 → 1,000 → 5,000 pods', { timeout: 300_000 }, () => {
    const c = cluster();
    const perPod = [
      timed('scale 0 → 100', 100, () => {
        c.api.create(DEPLOYMENTS, deploymentManifest('web', 100, 'app:1'));
        c.advance(10_000);
      }),
      timed('scale 100 → 1000', 900, () => {
        update(c, (d) => {
          d.spec.replicas = 1000;
        });
        c.advance(10_000);
      }),
      timed('scale 1000 → 5000', 4000, () => {
        update(c, (d) => {
          d.spec.replicas = 5000;
        });
        c.advance(10_000);
      }),
    ];
    const d = c.api.get<Deployment>(DEPLOYMENTS, 'default', 'web');
    expect(d.status?.availableReplicas).toBe(5000);
    // Flat: the last step may cost at most a few times the per-pod cost of the first.
    expect(perPod[2]!).toBeLessThan(perPod[0]! * 5 + 500);
  });
});
