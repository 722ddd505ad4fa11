// A Deployment's history as its controller leaves it: owned ReplicaSets with revision annotations,
// and ScalingReplicaSet events that say how each ReplicaSet's desired count moved.
import type { ClusterReader, KubeEvent, KubeObject } from '../reader/cluster-reader.ts';
import { containerNamed, containersOf, normalizeImage } from './containers.ts';
import { firstSeen } from './events.ts';
import { ownedBy } from './owners.ts';

export interface Revision {
  replicaSet: KubeObject;
  revision: number;
  image: string;
}

export function revisionOf(object: KubeObject): number {
  const value = Number(object.metadata.annotations?.['deployment.kubernetes.io/revision']);
  return Number.isFinite(value) ? value : 0;
}

/** The ReplicaSets the Deployment owns (by uid), with their revision and the named container's image. */
export async function deploymentRevisions(reader: ClusterReader, deployment: KubeObject, container: string): Promise<Revision[]> {
  const sets = ownedBy(await reader.list('ReplicaSet', { namespace: deployment.metadata.namespace }), deployment);
  return sets
    .map((rs) => ({ replicaSet: rs, revision: revisionOf(rs), image: normalizeImage((containerNamed(rs, container)?.container ?? containersOf(rs)[0])?.image) }))
    .sort((a, b) => a.revision - b.revision);
}

export interface Scaling {
  replicaSet: string;
  from?: number;
  to: number;
  at: number;
}

// Upstream (1.28+): "Scaled up replica set NAME from 0 to 4"; older: "… NAME to 4"; accept both orders.
const scaled = /^Scaled (?:up|down) replica set (\S+) (?:from (\d+) to (\d+)|to (\d+)(?: from (\d+))?)$/;

export function parseScaling(event: KubeEvent): Scaling | undefined {
  const match = scaled.exec(event.message ?? '');
  if (!match) return undefined;
  const [, name, fromA, toA, toB, fromB] = match;
  const from = fromA ?? fromB;
  return { replicaSet: name!, from: from === undefined ? undefined : Number(from), to: Number(toA ?? toB), at: firstSeen(event) ?? 0 };
}

/** The lowest total desired count over `counted` ReplicaSets after the first scaling event, replaying
 * the events in time order; undefined without events. ReplicaSets start at their first event's `from`. */
export function lowestDesired(events: KubeEvent[], counted: (replicaSet: string) => boolean): { lowest: number; at: number } | undefined {
  const steps = events.map(parseScaling).filter((s): s is Scaling => Boolean(s)).sort((a, b) => a.at - b.at);
  if (steps.length === 0) return undefined;
  const desired = new Map<string, number>();
  for (const s of steps) if (!desired.has(s.replicaSet)) desired.set(s.replicaSet, s.from ?? 0);
  let lowest: { lowest: number; at: number } | undefined;
  for (const s of steps) {
    desired.set(s.replicaSet, s.to);
    let total = 0;
    for (const [name, count] of desired) if (counted(name)) total += count;
    if (!lowest || total < lowest.lowest) lowest = { lowest: total, at: s.at };
  }
  return lowest;
}
