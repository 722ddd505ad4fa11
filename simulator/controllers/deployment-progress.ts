// What a Deployment reports about itself: counts summed over its ReplicaSets, the Available
// condition (enough pods up), and the Progressing condition (is the rollout moving, done, or
// stuck past progressDeadlineSeconds). After upstream pkg/controller/deployment/progress.go,
// sync.go (calculateStatus) and util/deployment_util.go — reasons and messages match 1.32.
import { maxUnavailable, specReplicas } from './deployment-rolling.ts';
import type { Condition, Deployment, DeploymentStatus, ReplicaSet } from './workload-types.ts';
import { parseTime, timestamp } from './workload-types.ts';

export const reasons = {
  newRSAvailable: 'NewReplicaSetAvailable',
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  rsUpdated: 'ReplicaSetUpdated',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  failedRSCreate: 'ReplicaSetCreateError',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
} as const;

export function getCondition(status: DeploymentStatus | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: Condition['status'], reason: string, message: string, now: number): Condition {
  const t = timestamp(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** Upstream SetDeploymentCondition: same status and reason → keep the old one untouched; same
 * status → keep its lastTransitionTime. Conditions keep their order; a new type goes last. */
export function setCondition(status: DeploymentStatus, condition: Condition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
}

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== null && s !== 2147483647;
}

/** Counts summed over the ReplicaSets, plus the Available condition. */
export function calculateStatus(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined, d: Deployment, now: number): DeploymentStatus {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let specTotal = 0;
  for (const rs of allRSs) {
    if (!rs) continue;
    replicas += rs.status?.replicas ?? 0;
    ready += rs.status?.readyReplicas ?? 0;
    available += rs.status?.availableReplicas ?? 0;
    specTotal += specReplicas(rs);
  }
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas,
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: ready,
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specTotal - available),
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', reasons.minAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', reasons.minUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const r = specReplicas(d);
  return s.updatedReplicas === r && s.replicas === r && s.availableReplicas === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);
}

/** Any sign of movement since the last status: more updated, fewer old, more ready or available. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === reasons.newRSAvailable) return false;
  if (c.reason === reasons.timedOut) return true;
  const from = parseTime(c.lastUpdateTime) ?? now;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}

/**
 * The Progressing condition during a rollout (upstream syncRolloutStatus): complete →
 * NewReplicaSetAvailable; moving → ReplicaSetUpdated with a fresh lastUpdateTime; no movement
 * for progressDeadlineSeconds → False/ProgressDeadlineExceeded. Also lifts a ReplicaSet's
 * ReplicaFailure condition up to the Deployment.
 */
export function rolloutStatus(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined, d: Deployment, now: number): DeploymentStatus {
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === reasons.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition('Progressing', 'True', reasons.newRSAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, status)) {
      const condition = newCondition('Progressing', 'True', reasons.rsUpdated, `${subject} is progressing.`, now);
      if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
      // Always replace, so lastUpdateTime records the latest progress.
      status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'Progressing'), condition];
    } else if (deploymentTimedOut(d, status, now)) {
      setCondition(status, newCondition('Progressing', 'False', reasons.timedOut, `${subject} has timed out progressing.`, now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(status, { ...failure });
  else removeCondition(status, 'ReplicaFailure');
  return status;
}

/** The new ReplicaSet's ReplicaFailure condition first, else any old one's. */
function replicaFailure(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined): Condition | undefined {
  const ordered = newRS ? [newRS, ...allRSs.filter((rs) => rs !== newRS)] : allRSs;
  for (const rs of ordered) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c) {
      return { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
    }
  }
  return undefined;
}

/** When to look again for a progress deadline, in ms from now (undefined: no need). */
export function progressCheckDelay(d: Deployment, s: DeploymentStatus, now: number): number | undefined {
  const c = getCondition(s, 'Progressing');
  if (!hasProgressDeadline(d) || !c) return undefined;
  if (deploymentComplete(d, s) || c.reason === reasons.timedOut || c.reason === reasons.newRSAvailable) return undefined;
  if (c.reason === reasons.paused) return undefined;
  const from = parseTime(c.lastUpdateTime) ?? now;
  const after = from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - now;
  // Upstream adds a second so the check lands after the deadline, not on it.
  return Math.max(0, after) + 1000;
}

/** Progressing Unknown while paused (so a long pause is not mistaken for a stuck rollout). */
export function pausedCondition(d: Deployment, now: number): Condition | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const c = getCondition(d.status, 'Progressing');
  if (c?.reason === reasons.timedOut) return undefined;
  const pausedExists = c?.reason === reasons.paused;
  if (d.spec.paused && !pausedExists) return newCondition('Progressing', 'Unknown', reasons.paused, 'Deployment is paused', now);
  if (!d.spec.paused && pausedExists) return newCondition('Progressing', 'Unknown', reasons.resumed, 'Deployment is resumed', now);
  return undefined;
}
