// The arithmetic of a Deployment rollout, kept apart from API calls so it can be tested on plain
// objects: how far the new ReplicaSet may grow (maxSurge), how far old ones may shrink
// (maxUnavailable), and how a scale change mid-rollout is shared out proportionally.
// After upstream pkg/controller/deployment/rolling.go, sync.go and util/deployment_util.go.
import type { Deployment, IntOrString, ReplicaSet } from './workload-types.ts';
import { parseTime } from './workload-types.ts';

export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';

export function specReplicas(obj: { spec: { replicas?: number } }): number {
  return obj.spec.replicas ?? 1;
}

/** int-or-percent of total; percentages round up for surge and down for unavailable. */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const m = /^(-?\d+)%$/.exec(value);
  if (!m) return Number.parseInt(value, 10) || 0; // validation rejects this upstream
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge and maxUnavailable as pod counts. Both zero would deadlock, so unavailable becomes 1. */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

function rollingParams(d: Deployment) {
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  // The API server defaults both to 25%; be safe if an object arrives undefaulted.
  return resolveFenceposts(ru.maxSurge ?? '25%', ru.maxUnavailable ?? '25%', specReplicas(d));
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? rollingParams(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(rollingParams(d).unavailable, replicas);
}

export function totalSpecReplicas(rss: Array<ReplicaSet | undefined>): number {
  let n = 0;
  for (const rs of rss) if (rs) n += specReplicas(rs);
  return n;
}

/**
 * Available pods of a ReplicaSet we can count on. Right after we shrink a ReplicaSet its status
 * still counts the pods it is about to delete; the ReplicaSet controller deletes not-ready pods
 * first, so what will be left available is at most spec.replicas. (Upstream reads the raw status
 * and can briefly dip below minAvailable when statuses lag; we do not.)
 */
export function availableOf(rs: ReplicaSet): number {
  return Math.min(rs.status?.availableReplicas ?? 0, specReplicas(rs));
}

export function totalAvailable(rss: Array<ReplicaSet | undefined>): number {
  let n = 0;
  for (const rs of rss) if (rs) n += availableOf(rs);
  return n;
}

/** How big the new ReplicaSet may be now: grow into the surge room, never past spec.replicas. */
export function newRSNewReplicas(d: Deployment, allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const maxTotal = replicas + scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
  const current = totalSpecReplicas(allRSs);
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, replicas - specReplicas(newRS));
}

export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}

export interface ScaleStep {
  rs: ReplicaSet;
  to: number;
}

/**
 * Which old ReplicaSets to shrink, in order, keeping at least replicas − maxUnavailable pods
 * available. First old pods that are not available anyway (cheap to remove, and they would
 * otherwise block the rollout), then available ones, oldest ReplicaSet first.
 */
export function planOldScaleDown(d: Deployment, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): ScaleStep[] {
  const active = oldRSs.filter((rs) => specReplicas(rs) > 0);
  if (totalSpecReplicas(active) === 0) return [];
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - availableOf(newRS);
  const maxScaledDown = totalSpecReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];

  const steps: ScaleStep[] = [];
  const size = new Map<ReplicaSet, number>(active.map((rs) => [rs, specReplicas(rs)]));
  const sorted = [...active].sort(byCreation);

  // 1. Unhealthy replicas first, up to maxScaledDown.
  let cleaned = 0;
  for (const rs of sorted) {
    if (cleaned >= maxScaledDown) break;
    const replicas = size.get(rs) ?? 0;
    const unhealthy = replicas - availableOf(rs);
    if (replicas === 0 || unhealthy <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unhealthy);
    size.set(rs, replicas - n);
    steps.push({ rs, to: replicas - n });
    cleaned += n;
  }

  // 2. Then available ones, as far as availability allows.
  const available = totalAvailable([...oldRSs, newRS]);
  if (available > minAvailable) {
    const budget = available - minAvailable;
    let scaled = 0;
    for (const rs of sorted) {
      if (scaled >= budget) break;
      const replicas = size.get(rs) ?? 0;
      if (replicas === 0) continue;
      const n = Math.min(replicas, budget - scaled);
      size.set(rs, replicas - n);
      steps.push({ rs, to: replicas - n });
      scaled += n;
    }
  }
  return steps;
}

/** Go's math.Round: halves away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function maxReplicasAnnotationOf(rs: ReplicaSet): number | undefined {
  const raw = rs.metadata.annotations?.[maxReplicasAnnotation];
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

/** A ReplicaSet's share of a scale change: its size relative to the size it was given last time. */
function fraction(rs: ReplicaSet, d: Deployment): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(d) + maxSurge(d);
  const annotated = maxReplicasAnnotationOf(rs) ?? d.status?.replicas ?? 0;
  if (!annotated) return 0;
  return roundHalfAway((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs);
}

function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

/**
 * Scaling a Deployment in the middle of a rollout: spread the change over the active ReplicaSets
 * in proportion to their size (larger first; ties go to newer ones when growing, older ones when
 * shrinking), the leftover to the first one. Returns the new size of every active ReplicaSet.
 */
export function planProportionalScale(d: Deployment, active: ReplicaSet[]): { steps: ScaleStep[]; direction: 'up' | 'down' | '' } {
  const allowedSize = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - totalSpecReplicas(active);
  const direction = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';
  const sorted = [...active].sort((a, b) => {
    if (specReplicas(a) !== specReplicas(b)) return specReplicas(b) - specReplicas(a);
    return toAdd > 0 ? byCreation(b, a) : byCreation(a, b);
  });
  let added = 0;
  const sizes = sorted.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length) sizes[0] = Math.max(0, (sizes[0] ?? 0) + toAdd - added);
  return { steps: sorted.map((rs, i) => ({ rs, to: sizes[i] ?? 0 })), direction };
}

/** Scale-only changes are recognised by ReplicaSets whose desired-replicas annotation is stale. */
export function isScalingEvent(d: Deployment, allRSs: Array<ReplicaSet | undefined>): boolean {
  for (const rs of allRSs) {
    if (!rs || specReplicas(rs) === 0) continue;
    const raw = rs.metadata.annotations?.[desiredReplicasAnnotation];
    if (raw === undefined || !Number.isInteger(Number(raw))) continue;
    if (Number(raw) !== specReplicas(d)) return true;
  }
  return false;
}

/** Set desired/max-replicas annotations; true if anything changed. Mutates rs. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  if (annotations[desiredReplicasAnnotation] !== String(desired)) {
    annotations[desiredReplicasAnnotation] = String(desired);
    changed = true;
  }
  if (annotations[maxReplicasAnnotation] !== String(max)) {
    annotations[maxReplicasAnnotation] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[desiredReplicasAnnotation] !== String(desired) || a[maxReplicasAnnotation] !== String(max);
}

/** The new ReplicaSet has all the replicas it wants, all available: old ones can go to zero. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = Number(rs.metadata.annotations?.[desiredReplicasAnnotation]);
  return specReplicas(rs) === specReplicas(d) && desired === specReplicas(d) && (rs.status?.availableReplicas ?? 0) === specReplicas(d);
}

/** The one active ReplicaSet, or the newest if none is active; undefined when several are active. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = [...newestFirst, ...(newRS ? [newRS] : [])].filter((rs) => specReplicas(rs) > 0);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}
