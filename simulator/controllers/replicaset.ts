// The ReplicaSet controller: keep spec.replicas pods running.
//
//   desired   spec.replicas
//   observed  the active pods this ReplicaSet controls (adopting matching orphans,
//             releasing pods whose labels no longer match)
//   diff      too few → create pods from the template; too many → delete the cheapest ones
//   status    replicas, fullyLabeledReplicas, readyReplicas, availableReplicas,
//             observedGeneration, and a ReplicaFailure condition when creating/deleting fails
//
// After upstream pkg/controller/replicaset/replica_set.go. Level-triggered: every reconcile reads
// the ReplicaSet fresh and its pods from the watch cache, so a deleted pod, a scale change or a
// lost write are all healed the same way.
import { cloneJson } from '../machinery/json.ts';
import type { WatchEvent } from '../machinery/types.ts';
import { hasReason } from '../machinery/errors.ts';
import type { Controller, ControllerContext, ControllerWatch } from './controller.ts';
import type { Selector } from '../machinery/selectors.ts';
import { adopt, claim, controllerOf, newControllerRef, release, safeSelector } from './ownership.ts';
import { isPodActive, isPodAvailable, isPodReady, msUntilAvailable, podReadySince } from './pod-state.ts';
import { PodInformer } from './pod-informer.ts';
import { podsToDelete } from './pod-ranking.ts';
import { ReplicaSetTally } from './replicaset-tally.ts';
import { Backoff, errorText, getIfExists, isNamespaceTerminating, updateStatusIfChanged } from './client-calls.ts';
import type { Condition, Pod, ReplicaSet } from './workload-types.ts';
import { PODS, REPLICASETS, keyOf, splitKey, timestamp } from './workload-types.ts';

/** Upstream creates or deletes at most this many pods per sync. */
const burstReplicas = 500;

interface KnownReplicaSet {
  uid: string;
  selector: Selector;
  ownerUid?: string; // the Deployment that controls it, to find "related" pods
}

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  // Sixty of its pods turning Ready at one instant become one sync and one status write (see
  // Controller.coalesceBursts); the queue's de-duplication does this for a real controller.
  readonly coalesceBursts = true;
  readonly watches: readonly ControllerWatch[];
  // What the watches have told us about ReplicaSets (an informer's cache): lets a pod event
  // find the ReplicaSets that might adopt it, and lets scale-down see sibling ReplicaSets.
  private readonly known = new Map<string, Map<string, KnownReplicaSet>>();
  private readonly backoff = new Backoff();
  private readonly pods = new PodInformer();
  private readonly tally = new ReplicaSetTally();

  constructor() {
    this.watches = [
      { resource: REPLICASETS, keysFor: (e) => this.replicaSetChanged(e) },
      { resource: PODS, keysFor: (e) => this.podChanged(e) },
    ];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const rs = getIfExists<ReplicaSet>(ctx.client, REPLICASETS, namespace, name);
    if (!rs) {
      const gone = this.known.get(namespace)?.get(name);
      if (gone) this.tally.forget(gone.uid);
      this.known.get(namespace)?.delete(name);
      this.backoff.forget(key);
      return;
    }
    this.remember(rs);
    const now = ctx.clock.now();

    const uid = rs.metadata.uid ?? '';
    const replicas = rs.spec.replicas ?? 1;
    const minReady = rs.spec.minReadySeconds ?? 0;
    const selector = safeSelector(rs.spec.selector);
    const orphans = [...this.pods.orphansIn(namespace)].filter((p) => isPodActive(p) && selector.matches(p.metadata.labels));
    const counts = this.tally.sync(uid, selector, rs.spec.template.metadata?.labels ?? {}, this.pods.ownedBy(uid));

    // Fast path: nothing to adopt, release, create or delete — only status to refresh.
    if (!orphans.length && !counts.mismatched && counts.active === replicas && !minReady) {
      const status = calculateStatus(rs, { replicas: counts.active, fullyLabeled: counts.fullyLabeled, ready: counts.ready, available: counts.ready }, now);
      updateStatusIfChanged(ctx.client, REPLICASETS, rs, status);
      this.backoff.forget(key);
      return;
    }

    // Observe: the pods it controls, adopting matching orphans and releasing pods that stopped
    // matching (from the watch cache). Walking them is needed only to claim, to choose whom to
    // delete, or to time minReadySeconds; otherwise the running counts say how many there are.
    let owned: Pod[] | undefined;
    const ownedPods = () => (owned ??= [...this.pods.ownedBy(uid)].filter(isPodActive));
    if (orphans.length || counts.mismatched) {
      const claimed = claim(rs, [...ownedPods(), ...orphans], (p) => selector.matches(p.metadata.labels));
      for (const pod of claimed.release) release(ctx.client, PODS, rs, pod);
      owned = claimed.owned.filter((pod) => !claimed.adopt.includes(pod) || adopt(ctx.client, PODS, rs, pod));
    }

    // Diff and act (not while the ReplicaSet itself is being deleted).
    let failure: { reason: string; message: string } | undefined;
    if (!rs.metadata.deletionTimestamp) {
      const diff = (owned?.length ?? counts.active) - replicas;
      if (diff < 0) failure = this.createPods(ctx, rs, Math.min(-diff, burstReplicas));
      else if (diff > 0) {
        const candidates = ownedPods();
        failure = this.deletePods(ctx, rs, podsToDelete(candidates, Math.min(diff, burstReplicas), now, this.relatedPods(rs, candidates)));
      }
    }

    // Write status from what we observed; the pods we just created or deleted arrive as events.
    const observed = minReady
      ? countPods(rs, ownedPods(), now)
      : { replicas: counts.active, fullyLabeled: counts.fullyLabeled, ready: counts.ready, available: counts.ready };
    const status = calculateStatus(rs, observed, now, failure);
    updateStatusIfChanged(ctx.client, REPLICASETS, rs, status);

    if (failure) ctx.requeueAfter(key, this.backoff.next(key));
    else this.backoff.forget(key);
    // A Ready pod turns Available minReadySeconds later with no event to tell us: look again then.
    let wait = Infinity;
    if (minReady) for (const p of ownedPods()) wait = Math.min(wait, msUntilAvailable(p, minReady, now) ?? Infinity);
    if (wait !== Infinity) ctx.requeueAfter(key, wait);
  }

  /** Create `count` pods in slow-start batches (1, 2, 4, …), stopping after a batch with a failure. */
  private createPods(ctx: ControllerContext, rs: ReplicaSet, count: number) {
    let remaining = count;
    for (let batch = 1; remaining > 0; batch *= 2) {
      const size = Math.min(batch, remaining);
      let error: unknown;
      for (let i = 0; i < size; i++) {
        try {
          const pod = ctx.client.create<Pod>(PODS, podFromTemplate(rs));
          ctx.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        } catch (err) {
          error ??= err;
          if (!isNamespaceTerminating(err)) ctx.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorText(err)}`);
        }
      }
      if (error !== undefined) return { reason: 'FailedCreate', message: errorText(error) };
      remaining -= size;
    }
    return undefined;
  }

  private deletePods(ctx: ControllerContext, rs: ReplicaSet, victims: Pod[]) {
    let failure: { reason: string; message: string } | undefined;
    for (const pod of victims) {
      try {
        ctx.client.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '');
        ctx.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (err) {
        if (hasReason(err, 'NotFound')) continue;
        ctx.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorText(err)}`);
        failure ??= { reason: 'FailedDelete', message: errorText(err) };
      }
    }
    return failure;
  }

  /** Active pods of every ReplicaSet with the same owner: used to prefer pods doubled up on a node. */
  private relatedPods(rs: ReplicaSet, owned: Pod[]): Pod[] {
    const ownerUid = controllerOf(rs)?.uid;
    if (!ownerUid) return owned;
    const related = [...owned];
    for (const k of this.known.get(rs.metadata.namespace ?? '')?.values() ?? []) {
      if (k.ownerUid !== ownerUid || k.uid === rs.metadata.uid) continue;
      for (const p of this.pods.ownedBy(k.uid)) if (isPodActive(p)) related.push(p);
    }
    return related;
  }

  private remember(rs: ReplicaSet): void {
    const ns = rs.metadata.namespace ?? '';
    let byName = this.known.get(ns);
    if (!byName) this.known.set(ns, (byName = new Map()));
    byName.set(rs.metadata.name ?? '', { uid: rs.metadata.uid ?? '', selector: safeSelector(rs.spec.selector), ownerUid: controllerOf(rs)?.uid });
  }

  private replicaSetChanged(event: WatchEvent): string[] {
    const rs = event.object as ReplicaSet;
    if (event.type === 'DELETED') this.known.get(rs.metadata.namespace ?? '')?.delete(rs.metadata.name ?? '');
    else if (rs.spec) this.remember(rs);
    return [keyOf(rs)];
  }

  private podChanged(event: WatchEvent): string[] {
    const pod = event.object as Pod;
    const previous = this.pods.observe(event);
    this.tally.podChanged(previous, event.type === 'DELETED' ? undefined : pod);
    // Binding to a node or a new IP changes nothing a ReplicaSet counts: skip the wake-up.
    if (event.type === 'MODIFIED' && previous && sameForReplicaSet(previous, pod)) return [];
    const ref = controllerOf(pod);
    if (ref) return ref.kind === 'ReplicaSet' ? [`${pod.metadata.namespace}/${ref.name}`] : [];
    // An orphan: every ReplicaSet whose selector matches may want to adopt it.
    const keys: string[] = [];
    for (const [name, k] of this.known.get(pod.metadata.namespace ?? '') ?? []) {
      if (k.selector.matches(pod.metadata.labels)) keys.push(`${pod.metadata.namespace}/${name}`);
    }
    return keys;
  }
}

export function replicaSetController(): Controller {
  return new ReplicaSetController();
}

/** The pod a ReplicaSet creates: the template's labels, annotations and spec, owned by the ReplicaSet. */
export function podFromTemplate(rs: ReplicaSet): Pod {
  const meta = rs.spec.template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: { ...(meta.labels ?? {}) },
      ownerReferences: [newControllerRef(rs)],
    },
    spec: cloneJson(rs.spec.template.spec ?? {}),
  };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

export interface ReplicaCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/** Count the pods a ReplicaSet controls the way its status reports them. */
export function countPods(rs: ReplicaSet, owned: Pod[], now: number): ReplicaCounts {
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  const minReady = rs.spec.minReadySeconds ?? 0;
  const counts: ReplicaCounts = { replicas: owned.length, fullyLabeled: 0, ready: 0, available: 0 };
  for (const pod of owned) {
    const labels = pod.metadata.labels ?? {};
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) counts.fullyLabeled++;
    if (isPodReady(pod)) counts.ready++;
    if (isPodAvailable(pod, minReady, now)) counts.available++;
  }
  return counts;
}

export function calculateStatus(rs: ReplicaSet, counts: ReplicaCounts, now: number, failure?: { reason: string; message: string }) {
  const conditions: Condition[] = (rs.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  const previous = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (failure) {
    // Upstream sets the condition when a failure first appears and leaves it until a clean sync.
    conditions.push(previous ?? { type: 'ReplicaFailure', status: 'True', lastTransitionTime: timestamp(now), ...failure });
  }
  const status: NonNullable<ReplicaSet['status']> = {
    replicas: counts.replicas,
    fullyLabeledReplicas: counts.fullyLabeled,
    readyReplicas: counts.ready,
    availableReplicas: counts.available,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  if (conditions.length) status.conditions = conditions;
  return status;
}

/** Whether two states of a pod look the same to a ReplicaSet (owner, labels, liveness, readiness). */
function sameForReplicaSet(a: Pod, b: Pod): boolean {
  return (
    isPodActive(a) === isPodActive(b) &&
    podReadySince(a) === podReadySince(b) &&
    isPodReady(a) === isPodReady(b) &&
    controllerOf(a)?.uid === controllerOf(b)?.uid &&
    sameLabels(a.metadata.labels, b.metadata.labels)
  );
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a?.[k] === b?.[k]);
}
