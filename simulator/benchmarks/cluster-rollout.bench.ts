// The 1,000-replica rolling update on a whole simulated cluster: the API server with validation,
// watches and events, the scheduler placing every new pod, the kubelets pulling, starting and
// stopping containers, garbage collection. (controllers/rollout.bench.ts measures the Deployment
// and ReplicaSet controllers alone, with a stand-in kubelet.) Sixteen workers at kind's 110 pods
// each hold the 1,250 pods maxSurge allows, with room for pods still terminating.
import { describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../cluster.ts';
import type { Deployment } from '../controllers/workload-types.ts';
import { DEPLOYMENTS } from '../controllers/workload-types.ts';

const replicas = 1000;

function settledCluster(): Cluster {
  const cluster = createCluster({ seed: 1, workers: 16 });
  cluster.client.create(DEPLOYMENTS, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '5m', memory: '8Mi' } } }] } },
    },
  });
  cluster.advance(120_000);
  return cluster;
}

/** Virtual seconds from the new template to every replica updated and available. */
function rollOut(cluster: Cluster): number {
  const d = cluster.client.get<Deployment>(DEPLOYMENTS, 'default', 'web');
  d.spec.template.spec!.containers![0]!.image = 'nginx:1.28';
  cluster.client.update(DEPLOYMENTS, d);
  for (let s = 1; s <= 600; s++) {
    cluster.advance(1_000);
    const status = cluster.client.get<Deployment>(DEPLOYMENTS, 'default', 'web').status;
    if (status?.updatedReplicas === replicas && status.availableReplicas === replicas && status.replicas === replicas) return s;
  }
  throw new Error('the rollout did not finish within 10 virtual minutes');
}

describe('rolling update on a whole cluster', () => {
  test('1,000 replicas, scheduler and kubelets included', { timeout: 300_000 }, async ({ bench }) => {
    let cluster = settledCluster();
    let virtualSeconds = 0;
    const result = await bench(
      'rolling update, 1,000 replicas, whole cluster',
      {
        // Not timed: a settled 1,000-replica Deployment on a fresh cluster.
        beforeEach() {
          cluster = settledCluster();
        },
      },
      () => {
        virtualSeconds = rollOut(cluster);
      },
    ).run({ iterations: 3, time: 0, warmup: false });
    const writes = cluster.api.store.revision;
    console.log(
      `whole-cluster rollout of ${replicas}: ${virtualSeconds} virtual s; mean ${result.latency.mean.toFixed(0)} ms, min ${result.latency.min.toFixed(0)} ms of real time (${writes} resourceVersions in the cluster's life)`,
    );
    // Fail only on a gross regression: benchmarks share the machine with other work.
    expect(result.latency.mean).toBeLessThan(30_000);
  });
});
