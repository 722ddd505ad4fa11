// The namespace controller: what happens after `kubectl delete namespace x`. The API server only
// marks the namespace (deletionTimestamp, phase Terminating); this controller then
//
//   1. deletes everything in it, kind by kind,
//   2. reports on the namespace's conditions what is left (pods still shutting down, objects
//      held by finalizers),
//   3. once nothing is left, removes the `kubernetes` finalizer — and the namespace goes away.
//
// After upstream pkg/controller/namespace/deletion/namespaced_resources_deleter.go and
// status_condition_utils.go (condition reasons and messages as in 1.32).
import { hasReason } from '../machinery/errors.ts';
import { resourceTypes } from '../machinery/resources.ts';
import type { KubeObject, ResourceRef, ResourceType, WatchEvent } from '../machinery/types.ts';
import { errorText, getIfExists, updateStatusIfChanged } from './client-calls.ts';
import type { Controller, ControllerContext, ControllerWatch } from './controller.ts';
import type { Condition } from './workload-types.ts';
import { NAMESPACES, PODS, parseTime, timestamp } from './workload-types.ts';

interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] };
  status?: { phase?: string; conditions?: Condition[] };
}

export const namespaceFinalizer = 'kubernetes';

/** The condition types the deleter maintains, with what each says when all is well. */
const conditionTypes: Array<[type: string, okReason: string, okMessage: string]> = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  ['NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  ['NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
];

/** How long to wait before looking again while content remains (upstream: an estimate, at least this). */
const recheckMs = 1000;

export interface NamespaceControllerOptions {
  /** The namespaced kinds to empty; defaults to every namespaced kind the API server serves. */
  resources?: () => readonly ResourceType[];
}

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  readonly watches: readonly ControllerWatch[];
  private readonly resources: () => readonly ResourceType[];
  private readonly terminating = new Set<string>();

  constructor(options: NamespaceControllerOptions = {}) {
    this.resources = options.resources ?? (() => resourceTypes);
    this.watches = [
      { resource: NAMESPACES, keysFor: (e) => this.namespaceChanged(e) },
      // A pod finishing its graceful shutdown may be the last thing holding a namespace.
      { resource: PODS, keysFor: (e) => this.podChanged(e) },
    ];
  }

  reconcile(name: string, ctx: ControllerContext): void {
    const ns = getIfExists<Namespace>(ctx.client, NAMESPACES, undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) {
      this.terminating.delete(name);
      return;
    }
    this.terminating.add(name);
    const now = ctx.clock.now();

    // 1. Delete every namespaced object, then count what is still there.
    const remaining = new Map<string, number>(); // "pods." → count
    const finalizers = new Map<string, number>();
    const failures: string[] = [];
    let estimateMs = 0;
    for (const rt of this.resources()) {
      if (!rt.namespaced || !rt.verbs.includes('delete') || !rt.verbs.includes('list')) continue;
      const ref: ResourceRef = { group: rt.group, resource: rt.plural };
      let items = ctx.client.list(ref, { namespace: name }).items;
      if (!items.length) continue;
      for (const obj of items) {
        if (obj.metadata.deletionTimestamp) continue;
        try {
          ctx.client.delete(ref, name, obj.metadata.name ?? '', { propagationPolicy: 'Background' });
        } catch (err) {
          if (!hasReason(err, 'NotFound')) failures.push(errorText(err));
        }
      }
      items = ctx.client.list(ref, { namespace: name }).items;
      if (!items.length) continue;
      remaining.set(`${rt.plural}.${rt.group}`, items.length);
      for (const obj of items) {
        for (const f of obj.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
        estimateMs = Math.max(estimateMs, gracefulRemainingMs(obj, now));
      }
    }

    // 2. Say so on the namespace.
    const problems: Condition[] = [];
    if (failures.length) {
      failures.sort();
      problems.push(problem('NamespaceDeletionContentFailure', 'ContentDeletionFailed', `Failed to delete all resource types, ${failures.length} remaining: ${failures.join(', ')}`, now));
    }
    if (remaining.size) {
      const parts = [...remaining].map(([gr, n]) => `${gr} has ${n} resource instances`).sort();
      problems.push(problem('NamespaceContentRemaining', 'SomeResourcesRemain', `Some resources are remaining: ${parts.join(', ')}`, now));
    }
    if (finalizers.size) {
      const parts = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort();
      problems.push(problem('NamespaceFinalizersRemaining', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`, now));
    }
    const status = { ...(ns.status ?? {}), phase: 'Terminating', conditions: updateConditions(ns.status?.conditions ?? [], problems, now) };
    const updated = updateStatusIfChanged(ctx.client, NAMESPACES, ns, status);

    if (remaining.size || failures.length) {
      ctx.requeueAfter(name, Math.max(recheckMs, estimateMs));
      return;
    }

    // 3. Empty: remove our finalizer (upstream's PUT .../finalize); the API server then deletes it.
    const specFinalizers = updated.spec?.finalizers ?? [];
    if (specFinalizers.includes(namespaceFinalizer)) {
      const next = { ...updated, spec: { ...(updated.spec ?? {}), finalizers: specFinalizers.filter((f) => f !== namespaceFinalizer) } };
      try {
        ctx.client.update(NAMESPACES, next, { subresource: 'finalize' });
      } catch (err) {
        if (hasReason(err, 'Conflict')) ctx.requeueAfter(name, 0);
        else if (!hasReason(err, 'NotFound')) throw err;
      }
    }
  }

  private namespaceChanged(event: WatchEvent): string[] {
    const name = event.object.metadata.name ?? '';
    if (event.type === 'DELETED' || !event.object.metadata.deletionTimestamp) {
      this.terminating.delete(name);
      return event.type === 'DELETED' ? [] : [name];
    }
    this.terminating.add(name);
    return [name];
  }

  private podChanged(event: WatchEvent): string[] {
    const ns = event.object.metadata.namespace ?? '';
    return event.type === 'DELETED' && this.terminating.has(ns) ? [ns] : [];
  }
}

export function namespaceController(options: NamespaceControllerOptions = {}): Controller {
  return new NamespaceController(options);
}

function problem(type: string, reason: string, message: string, now: number): Condition {
  return { type, status: 'True', lastTransitionTime: timestamp(now), reason, message };
}

/** Every maintained condition present: the problem if there is one, else the "ok" variant (False).
 * lastTransitionTime moves only when status flips. */
export function updateConditions(old: Condition[], problems: Condition[], now: number): Condition[] {
  const out = old.map((c) => ({ ...c }));
  for (const [type, okReason, okMessage] of conditionTypes) {
    const next = problems.find((c) => c.type === type) ?? { type, status: 'False' as const, lastTransitionTime: timestamp(now), reason: okReason, message: okMessage };
    const current = out.find((c) => c.type === type);
    if (!current) out.push(next);
    else if (current.status !== next.status || current.reason !== next.reason || current.message !== next.message) {
      if (current.status !== next.status) current.lastTransitionTime = timestamp(now);
      current.status = next.status;
      current.reason = next.reason;
      current.message = next.message;
    }
  }
  return out;
}

/** Time left on a graceful deletion, so we look again when a pod should be gone. */
function gracefulRemainingMs(obj: KubeObject, now: number): number {
  const deletedAt = parseTime(obj.metadata.deletionTimestamp);
  if (deletedAt === undefined) return 0;
  // deletionTimestamp is already "now + grace period" when the API server sets it.
  return Math.max(0, deletedAt - now);
}
