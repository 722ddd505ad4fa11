// The Deployment controller: a Deployment does not run pods itself; it runs ReplicaSets, one per
// pod template, and moves replicas from the old ones to the new one.
//
//   desired   spec.template and spec.replicas (and how to move: RollingUpdate or Recreate)
//   observed  the ReplicaSets it controls (adopting matching orphans); the one whose template
//             equals spec.template is the new one — created, named <deployment>-<hash>, if missing
//   diff/act  paused or only scaled → resize proportionally; rolling → grow the new ReplicaSet
//             into maxSurge, shrink old ones within maxUnavailable; recreate → old to zero, wait
//             for their pods to go, then the new one up; complete → trim history
//   status    counts summed over ReplicaSets, Available and Progressing conditions
//
// After upstream pkg/controller/deployment (deployment_controller.go, sync.go, rolling.go,
// recreate.go, progress.go). The maths lives in deployment-rolling.ts, history in
// deployment-revisions.ts, conditions in deployment-progress.ts.
import { cloneJson } from '../machinery/json.ts';
import { hasReason, isApiError } from '../machinery/errors.ts';
import type { Selector } from '../machinery/selectors.ts';
import type { WatchEvent } from '../machinery/types.ts';
import { Backoff, errorText, getIfExists, isNamespaceTerminating, updateStatusIfChanged } from './client-calls.ts';
import type { Controller, ControllerContext, ControllerWatch } from './controller.ts';
import {
  calculateStatus,
  deploymentComplete,
  getCondition,
  hasProgressDeadline,
  newCondition,
  pausedCondition,
  progressCheckDelay,
  reasons,
  rolloutStatus,
  setCondition,
} from './deployment-progress.ts';
import {
  findNewReplicaSet,
  findOldReplicaSets,
  maxRevision,
  replicaSetsToCleanUp,
  revisionAnnotation,
  setNewReplicaSetAnnotations,
} from './deployment-revisions.ts';
import {
  findActiveOrLatest,
  isRollingUpdate,
  isSaturated,
  isScalingEvent,
  maxSurge,
  newRSNewReplicas,
  planOldScaleDown,
  planProportionalScale,
  replicasAnnotationsNeedUpdate,
  setReplicasAnnotations,
  specReplicas,
} from './deployment-rolling.ts';
import { adopt, claim, controllerOf, newControllerRef, release, safeSelector } from './ownership.ts';
import { computePodTemplateHash, equalIgnoreHash, podTemplateHashLabel } from './pod-template-hash.ts';
import type { Deployment, Pod, ReplicaSet } from './workload-types.ts';
import { DEPLOYMENTS, PODS, REPLICASETS, keyOf, splitKey } from './workload-types.ts';

/** One sync's view, updated as we write so later steps see our own changes. */
interface Sync {
  ctx: ControllerContext;
  d: Deployment;
  rsList: ReplicaSet[];
}

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  // Sixty ReplicaSet status writes at one instant become one sync (see Controller.coalesceBursts).
  readonly coalesceBursts = true;
  readonly watches: readonly ControllerWatch[];
  // Informer-like memory from the watches: Deployment selectors (to find who adopts an orphan
  // ReplicaSet) and which Deployment controls each ReplicaSet (to route pod deletions).
  private readonly selectors = new Map<string, Map<string, Selector>>();
  private readonly rsOwner = new Map<string, string>(); // "ns/rs" → "ns/deployment"
  private readonly backoff = new Backoff();
  // The ReplicaSets themselves, as the watch delivered them (frozen, shared): read instead of listing.
  private readonly replicaSets = new Map<string, Map<string, ReplicaSet>>();

  constructor() {
    this.watches = [
      { resource: DEPLOYMENTS, keysFor: (e) => this.deploymentChanged(e) },
      { resource: REPLICASETS, keysFor: (e) => this.replicaSetChanged(e) },
      { resource: PODS, keysFor: (e) => this.podChanged(e) },
    ];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const d = getIfExists<Deployment>(ctx.client, DEPLOYMENTS, namespace, name);
    if (!d) {
      this.selectors.get(namespace)?.delete(name);
      this.backoff.forget(key);
      return;
    }
    try {
      this.syncDeployment(ctx, d);
      this.backoff.forget(key);
    } catch (err) {
      if (!isApiError(err)) throw err; // a bug: let the runtime record it
      if (hasReason(err, 'NotFound')) return;
      // Conflicts and transient failures: try again shortly, like the rate-limited work queue.
      if (hasReason(err, 'Conflict') || hasReason(err, 'AlreadyExists')) ctx.requeueAfter(key, 0);
      else ctx.requeueAfter(key, this.backoff.next(key));
    }
  }

  private syncDeployment(ctx: ControllerContext, d: Deployment): void {
    const now = ctx.clock.now();
    const selector = safeSelector(d.spec.selector);
    if (selector.empty) {
      ctx.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 1)) {
        updateStatusIfChanged(ctx.client, DEPLOYMENTS, d, { ...(d.status ?? {}), observedGeneration: d.metadata.generation });
      }
      return;
    }
    const sync: Sync = { ctx, d, rsList: this.claimReplicaSets(ctx, d, selector) };

    if (d.metadata.deletionTimestamp) return this.syncStatusOnly(sync);

    const paused = pausedCondition(d, now);
    if (paused) {
      const status = { ...(d.status ?? {}), conditions: [...(d.status?.conditions ?? [])] };
      setCondition(status, paused);
      sync.d = updateStatusIfChanged(ctx.client, DEPLOYMENTS, d, status);
    }

    if (sync.d.spec.paused) return this.syncScaleOnly(sync);
    const { newRS, oldRSs } = this.newAndOld(sync, false);
    if (isScalingEvent(sync.d, [...oldRSs, newRS])) return this.syncScaleOnly(sync);
    if (isRollingUpdate(sync.d)) this.rolloutRolling(sync);
    else this.rolloutRecreate(sync);
  }

  // ---- observe ----

  /** The ReplicaSets this Deployment controls: owned + adopted orphans; non-matching ones released. */
  private claimReplicaSets(ctx: ControllerContext, d: Deployment, selector: Selector): ReplicaSet[] {
    const all = [...(this.replicaSets.get(d.metadata.namespace ?? '')?.values() ?? [])];
    const claimed = claim(d, all, (rs) => selector.matches(rs.metadata.labels));
    for (const rs of claimed.release) release(ctx.client, REPLICASETS, d, rs);
    const owned: ReplicaSet[] = [];
    for (const rs of claimed.owned) {
      if (!claimed.adopt.includes(rs)) owned.push(rs);
      else {
        const adopted = adopt(ctx.client, REPLICASETS, d, rs);
        if (adopted) owned.push(adopted);
      }
    }
    return owned;
  }

  /**
   * The new ReplicaSet (created if asked and missing) and the old ones, with the new one's
   * revision and annotations brought up to date and the Deployment's revision annotation synced.
   */
  private newAndOld(sync: Sync, createIfMissing: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const { ctx } = sync;
    const existing = findNewReplicaSet(sync.d, sync.rsList);
    const oldRSs = findOldReplicaSets(sync.rsList, existing);
    const newRevision = maxRevision(oldRSs) + 1;
    const now = ctx.clock.now();

    if (existing) {
      const copy = cloneJson(existing);
      const annotationsChanged = setNewReplicaSetAnnotations(sync.d, copy, newRevision, true);
      const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== (sync.d.spec.minReadySeconds ?? 0);
      if (annotationsChanged || minReadyChanged) {
        copy.spec.minReadySeconds = sync.d.spec.minReadySeconds ?? 0;
        const updated = ctx.client.update<ReplicaSet>(REPLICASETS, copy);
        this.replace(sync, updated);
        // Upstream records the Deployment's revision on the next sync; we do it now too.
        this.syncDeploymentRevision(sync, updated, undefined);
        return { newRS: updated, oldRSs };
      }
      const cond = getCondition(sync.d.status, 'Progressing');
      const found = hasProgressDeadline(sync.d) && !cond
        ? newCondition('Progressing', 'True', reasons.foundNewRS, `Found new replica set "${existing.metadata.name}"`, now)
        : undefined;
      this.syncDeploymentRevision(sync, existing, found);
      return { newRS: existing, oldRSs };
    }
    if (!createIfMissing) return { newRS: undefined, oldRSs };
    return { newRS: this.createNewReplicaSet(sync, oldRSs, newRevision), oldRSs };
  }

  private createNewReplicaSet(sync: Sync, oldRSs: ReplicaSet[], newRevision: number): ReplicaSet | undefined {
    const { ctx, d } = sync;
    const now = ctx.clock.now();
    const hash = computePodTemplateHash(d.spec.template, d.status?.collisionCount);
    const template = cloneJson(d.spec.template);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [podTemplateHashLabel]: hash } };
    const selector = cloneJson(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [podTemplateHashLabel]: hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...(template.metadata.labels ?? {}) },
        ownerReferences: [newControllerRef(d)],
      },
      spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
    };
    rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    setNewReplicaSetAnnotations(d, rs, newRevision, false);

    let created: ReplicaSet;
    try {
      created = ctx.client.create<ReplicaSet>(REPLICASETS, rs);
    } catch (err) {
      if (hasReason(err, 'AlreadyExists')) {
        const clash = getIfExists<ReplicaSet>(ctx.client, REPLICASETS, d.metadata.namespace, rs.metadata.name ?? '');
        if (clash && controllerOf(clash)?.uid === d.metadata.uid && equalIgnoreHash(clash.spec.template, d.spec.template)) {
          this.replace(sync, clash);
          return clash;
        }
        // A different template hashed to the same name: bump collisionCount and try again.
        const status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
        sync.d = updateStatusIfChanged(ctx.client, DEPLOYMENTS, d, status);
        throw err;
      }
      if (isNamespaceTerminating(err)) throw err;
      const msg = `Failed to create new replica set "${rs.metadata.name}": ${errorText(err)}`;
      if (hasProgressDeadline(d)) {
        const status = { ...(d.status ?? {}), conditions: [...(d.status?.conditions ?? [])] };
        setCondition(status, newCondition('Progressing', 'False', reasons.failedRSCreate, msg, now));
        sync.d = updateStatusIfChanged(ctx.client, DEPLOYMENTS, d, status);
      }
      ctx.recorder.event(d, 'Warning', reasons.failedRSCreate, msg);
      throw err;
    }
    sync.rsList.push(created);
    const replicas = specReplicas(created);
    if (replicas > 0) ctx.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicas}`);
    const cond = hasProgressDeadline(d)
      ? newCondition('Progressing', 'True', reasons.newRSCreated, `Created new replica set "${created.metadata.name}"`, now)
      : undefined;
    this.syncDeploymentRevision(sync, created, cond);
    return created;
  }

  /** Copy the new ReplicaSet's revision to the Deployment (a metadata write), then any condition. */
  private syncDeploymentRevision(sync: Sync, newRS: ReplicaSet, condition: ReturnType<typeof newCondition> | undefined): void {
    const { ctx } = sync;
    const revision = newRS.metadata.annotations?.[revisionAnnotation];
    if (revision !== undefined && sync.d.metadata.annotations?.[revisionAnnotation] !== revision) {
      sync.d = ctx.client.patch<Deployment>(DEPLOYMENTS, sync.d.metadata.namespace, sync.d.metadata.name ?? '', 'merge', {
        metadata: { annotations: { [revisionAnnotation]: revision } },
      });
    }
    if (condition) {
      const status = { ...(sync.d.status ?? {}), conditions: [...(sync.d.status?.conditions ?? [])] };
      setCondition(status, condition);
      sync.d = updateStatusIfChanged(ctx.client, DEPLOYMENTS, sync.d, status);
    }
  }

  // ---- act ----

  /** Resize one ReplicaSet, keep its desired/max-replicas annotations current, and say so. */
  private scaleReplicaSet(sync: Sync, rs: ReplicaSet, to: number, direction?: 'up' | 'down' | ''): ReplicaSet {
    const { ctx, d } = sync;
    const from = specReplicas(rs);
    const desired = specReplicas(d);
    const max = desired + maxSurge(d);
    if (from === to && !replicasAnnotationsNeedUpdate(rs, desired, max)) return rs;
    const copy = cloneJson(rs);
    copy.spec.replicas = to;
    setReplicasAnnotations(copy, desired, max);
    const updated = ctx.client.update<ReplicaSet>(REPLICASETS, copy);
    this.replace(sync, updated);
    if (from !== to) {
      const op = direction || (from < to ? 'up' : 'down');
      ctx.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} to ${to} from ${from}`);
    }
    return updated;
  }

  /** Paused, or only spec.replicas changed: resize without rolling (upstream sync()). */
  private syncScaleOnly(sync: Sync): void {
    const { newRS, oldRSs } = this.newAndOld(sync, false);
    this.scale(sync, newRS, oldRSs);
    const fresh = this.current(sync, newRS, oldRSs);
    if (sync.d.spec.paused) this.cleanup(sync, fresh.oldRSs);
    this.writeStatus(sync, calculateStatus([...fresh.oldRSs, fresh.newRS], fresh.newRS, sync.d, sync.ctx.clock.now()));
  }

  private scale(sync: Sync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = sync.d;
    const single = findActiveOrLatest(newRS, oldRSs);
    if (single) {
      if (specReplicas(single) !== specReplicas(d)) this.scaleReplicaSet(sync, single, specReplicas(d));
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of oldRSs) if (specReplicas(old) > 0) this.scaleReplicaSet(sync, old, 0);
      return;
    }
    if (isRollingUpdate(d)) {
      const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => specReplicas(rs) > 0);
      const plan = planProportionalScale(d, active);
      for (const step of plan.steps) this.scaleReplicaSet(sync, step.rs, step.to, plan.direction);
    }
  }

  private rolloutRolling(sync: Sync): void {
    const { newRS, oldRSs } = this.newAndOld(sync, true);
    if (!newRS) return;
    const d = sync.d;
    const allRSs = [...oldRSs, newRS];

    // Grow the new ReplicaSet into the surge room (or shrink it if it is too big).
    const target = specReplicas(newRS) > specReplicas(d) ? specReplicas(d) : newRSNewReplicas(d, allRSs, newRS);
    if (target !== specReplicas(newRS)) {
      const updated = this.scaleReplicaSet(sync, newRS, target);
      return this.writeRolloutStatus(sync, updated, oldRSs);
    }

    // Shrink old ReplicaSets as far as availability allows.
    const steps = planOldScaleDown(d, allRSs, oldRSs, newRS);
    if (steps.length) {
      const latest = new Map<string, ReplicaSet>();
      for (const step of steps) {
        const rs = latest.get(step.rs.metadata.uid ?? '') ?? step.rs;
        latest.set(rs.metadata.uid ?? '', this.scaleReplicaSet(sync, rs, step.to));
      }
      const fresh = this.current(sync, newRS, oldRSs);
      return this.writeRolloutStatus(sync, fresh.newRS, fresh.oldRSs);
    }

    if (deploymentComplete(d, d.status ?? {})) this.cleanup(sync, oldRSs);
    this.writeRolloutStatus(sync, newRS, oldRSs);
  }

  private rolloutRecreate(sync: Sync): void {
    let { newRS, oldRSs } = this.newAndOld(sync, false);
    let scaledDown = false;
    for (const old of oldRSs) {
      if (specReplicas(old) > 0) {
        this.scaleReplicaSet(sync, old, 0);
        scaledDown = true;
      }
    }
    if (scaledDown || this.oldPodsRunning(sync, newRS, oldRSs)) {
      const fresh = this.current(sync, newRS, oldRSs);
      return this.writeRolloutStatus(sync, fresh.newRS, fresh.oldRSs);
    }
    if (!newRS) ({ newRS, oldRSs } = this.newAndOld(sync, true));
    if (!newRS) return;
    const updated = this.scaleReplicaSet(sync, newRS, specReplicas(sync.d));
    if (deploymentComplete(sync.d, sync.d.status ?? {})) this.cleanup(sync, oldRSs);
    this.writeRolloutStatus(sync, updated, oldRSs);
  }

  /** Recreate waits until no pod of an old ReplicaSet is left running (or may still be). */
  private oldPodsRunning(sync: Sync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    if (oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
    const pods = sync.ctx.client.list<Pod>(PODS, { namespace: sync.d.metadata.namespace }).items;
    return pods.some((p) => {
      const owner = controllerOf(p)?.uid;
      if (!owner || owner === newRS?.metadata.uid || !oldUids.has(owner)) return false;
      const phase = p.status?.phase;
      return phase !== 'Failed' && phase !== 'Succeeded';
    });
  }

  /** Delete history beyond revisionHistoryLimit. */
  private cleanup(sync: Sync, oldRSs: ReplicaSet[]): void {
    for (const rs of replicaSetsToCleanUp(sync.d, oldRSs)) {
      try {
        sync.ctx.client.delete(REPLICASETS, rs.metadata.namespace, rs.metadata.name ?? '');
      } catch (err) {
        if (!hasReason(err, 'NotFound')) throw err;
      }
    }
  }

  // ---- status ----

  private syncStatusOnly(sync: Sync): void {
    const { newRS, oldRSs } = this.newAndOld(sync, false);
    this.writeStatus(sync, calculateStatus([...oldRSs, newRS], newRS, sync.d, sync.ctx.clock.now()));
  }

  private writeRolloutStatus(sync: Sync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const now = sync.ctx.clock.now();
    const status = rolloutStatus([...oldRSs, newRS], newRS, sync.d, now);
    this.writeStatus(sync, status);
    // Nothing else wakes us when a rollout stalls: check again at the progress deadline.
    const delay = progressCheckDelay(sync.d, status, now);
    if (delay !== undefined) sync.ctx.requeueAfter(keyOf(sync.d), delay);
  }

  private writeStatus(sync: Sync, status: NonNullable<Deployment['status']>): void {
    sync.d = updateStatusIfChanged(sync.ctx.client, DEPLOYMENTS, sync.d, status);
  }

  // ---- bookkeeping ----

  private replace(sync: Sync, rs: ReplicaSet): void {
    const i = sync.rsList.findIndex((x) => x.metadata.uid === rs.metadata.uid);
    if (i >= 0) sync.rsList[i] = rs;
    else sync.rsList.push(rs);
  }

  /** The latest copies of newRS/oldRSs after our own writes in this sync. */
  private current(sync: Sync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]) {
    const byUid = new Map(sync.rsList.map((rs) => [rs.metadata.uid, rs]));
    return {
      newRS: newRS ? (byUid.get(newRS.metadata.uid) ?? newRS) : undefined,
      oldRSs: oldRSs.map((rs) => byUid.get(rs.metadata.uid) ?? rs),
    };
  }

  private deploymentChanged(event: WatchEvent): string[] {
    const d = event.object as Deployment;
    const ns = d.metadata.namespace ?? '';
    if (event.type === 'DELETED') this.selectors.get(ns)?.delete(d.metadata.name ?? '');
    else if (d.spec) {
      let byName = this.selectors.get(ns);
      if (!byName) this.selectors.set(ns, (byName = new Map()));
      byName.set(d.metadata.name ?? '', safeSelector(d.spec.selector));
    }
    return [keyOf(d)];
  }

  private replicaSetChanged(event: WatchEvent): string[] {
    const rs = event.object as ReplicaSet;
    const ref = controllerOf(rs);
    const rsKey = keyOf(rs);
    const ns = rs.metadata.namespace ?? '';
    let cached = this.replicaSets.get(ns);
    if (!cached) this.replicaSets.set(ns, (cached = new Map()));
    if (event.type === 'DELETED') cached.delete(rs.metadata.name ?? '');
    else cached.set(rs.metadata.name ?? '', rs);
    if (ref) {
      if (ref.kind !== 'Deployment') return [];
      const key = `${rs.metadata.namespace}/${ref.name}`;
      if (event.type === 'DELETED') this.rsOwner.delete(rsKey);
      else this.rsOwner.set(rsKey, key);
      return [key];
    }
    const keys: string[] = [];
    for (const [name, selector] of this.selectors.get(rs.metadata.namespace ?? '') ?? []) {
      if (!selector.empty && selector.matches(rs.metadata.labels)) keys.push(`${rs.metadata.namespace}/${name}`);
    }
    return keys;
  }

  /** Only deletions matter (Recreate waits for old pods to be gone); the rest reaches us via ReplicaSet status. */
  private podChanged(event: WatchEvent): string[] {
    if (event.type !== 'DELETED') return [];
    const ref = controllerOf(event.object);
    if (ref?.kind !== 'ReplicaSet') return [];
    const owner = this.rsOwner.get(`${event.object.metadata.namespace}/${ref.name}`);
    return owner ? [owner] : [];
  }
}

export function deploymentController(): Controller {
  return new DeploymentController();
}
