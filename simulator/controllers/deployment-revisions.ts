// A Deployment's history: each pod template it has had lives on as a ReplicaSet with a revision
// number. The ReplicaSet whose template equals the Deployment's is the new one; going back to an
// old template reuses that old ReplicaSet and gives it the next revision (remembering its earlier
// numbers in revision-history). History beyond revisionHistoryLimit is deleted, oldest first.
// After upstream pkg/controller/deployment/sync.go and util/deployment_util.go.
import { byCreation, maxSurge, setReplicasAnnotations, specReplicas } from './deployment-rolling.ts';
import { equalIgnoreHash } from './pod-template-hash.ts';
import type { Deployment, ReplicaSet } from './workload-types.ts';

export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const changeCauseAnnotation = 'kubernetes.io/change-cause';
const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
const rollbackToAnnotation = 'deprecated.deployment.rollback.to';
const maxRevisionHistoryChars = 2000;

/** Deployment annotations that are not copied onto its ReplicaSets. */
const annotationsToSkip = new Set([
  lastAppliedAnnotation,
  revisionAnnotation,
  revisionHistoryAnnotation,
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  rollbackToAnnotation,
]);

export function revisionOf(rs: ReplicaSet): number {
  const raw = rs.metadata.annotations?.[revisionAnnotation];
  const n = raw === undefined ? 0 : Number(raw);
  return Number.isInteger(n) ? n : 0;
}

export function maxRevision(rss: ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs));
  return max;
}

/** The oldest ReplicaSet whose template matches the Deployment's (ignoring pod-template-hash). */
export function findNewReplicaSet(d: Deployment, rss: ReplicaSet[]): ReplicaSet | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

export function findOldReplicaSets(rss: ReplicaSet[], newRS: ReplicaSet | undefined): ReplicaSet[] {
  return rss.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

/**
 * Bring the new ReplicaSet's annotations up to date (mutates rs): copy the Deployment's own
 * annotations (change-cause among them), raise its revision to newRevision, and when an existing
 * revision is replaced — a rollback to this template — append the old number to revision-history.
 * A ReplicaSet about to be created also gets the desired/max-replicas annotations.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (annotationsToSkip.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[revisionAnnotation];
  const oldNumber = oldRevision === undefined || oldRevision === '' ? 0 : Number(oldRevision);
  if (!Number.isInteger(oldNumber)) return false;
  if (oldNumber < newRevision) {
    annotations[revisionAnnotation] = String(newRevision);
    changed = true;
    if (oldRevision) appendRevisionHistory(annotations, oldRevision);
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

function appendRevisionHistory(annotations: Record<string, string>, oldRevision: string): void {
  const history = annotations[revisionHistoryAnnotation] ?? '';
  if (!history) {
    annotations[revisionHistoryAnnotation] = oldRevision;
    return;
  }
  const old = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > maxRevisionHistoryChars && start < old.length) {
    total -= (old[start] ?? '').length + 1;
    start++;
  }
  if (total <= maxRevisionHistoryChars) annotations[revisionHistoryAnnotation] = [...old.slice(start), oldRevision].join(',');
}

/** Old ReplicaSets to delete so at most revisionHistoryLimit remain: lowest revisions first, and
 * only ones that are fully scaled down and settled. */
export function replicaSetsToCleanUp(d: Deployment, oldRSs: ReplicaSet[]): ReplicaSet[] {
  const limit = d.spec.revisionHistoryLimit;
  if (limit === undefined || limit === null || limit === 2147483647) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return [];
  const byRevision = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  return byRevision
    .slice(0, diff)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        specReplicas(rs) === 0 &&
        (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0),
    );
}
