// A simulated kind cluster with every controller running, for the lab tests and the benchmark.
import { createCluster, type Cluster } from '../../simulator/cluster.ts';

export function labCluster(seed = 11): Cluster {
  return createCluster({ seed });
}
