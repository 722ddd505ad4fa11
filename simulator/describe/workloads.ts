// `kubectl describe deployment` and `kubectl describe replicaset`: replica counts, strategy,
// the pod template, conditions, which ReplicaSets belong to the Deployment, and events.
import type { KubeObject } from '../machinery/types.ts';
import type { EventLike } from '../printers/events.ts';
import { selectorString, type LabelSelector } from '../printers/labels.ts';
import { writePodTemplate, type PodSpecLike } from './containers.ts';
import { controlledBy, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './format.ts';
import { eventsFor, safeList, type DescribeContext } from './reader.ts';
import { tabbed } from './writer.ts';

interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: PodSpecLike;
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

export interface DeploymentLike extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplate;
    minReadySeconds?: number;
    strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  };
  status?: {
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: Condition[];
  };
}

export interface ReplicaSetLike extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate };
  status?: { replicas?: number; conditions?: Condition[] };
}

/** JSON equality that ignores key order. */
function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJSON((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function withoutHash(template: PodTemplate | undefined): PodTemplate {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return { ...template, metadata: { ...template?.metadata, labels } };
}

function byAge(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The Deployment's ReplicaSets split into the new one (same template, ignoring the hash label) and the old ones. */
export function splitReplicaSets(d: DeploymentLike, all: ReplicaSetLike[]): { newRS?: ReplicaSetLike; oldRSs: ReplicaSetLike[] } {
  const owned = all.filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.controller === true && o.uid === d.metadata.uid));
  const sorted = [...owned].sort(byAge);
  const target = withoutHash(d.spec?.template);
  const newRS = sorted.find((rs) => sameJSON(withoutHash(rs.spec?.template), target));
  return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) };
}

function replicaSetList(list: ReplicaSetLike[]): string {
  if (list.length === 0) return '<none>';
  return list.map((rs) => `${rs.metadata.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

function writeConditions(w: import('./writer.ts').DescribeWriter, conditions: Condition[] | undefined): void {
  if ((conditions ?? []).length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions ?? []) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

const intOrString = (v: number | string | undefined): string => (v === undefined ? '' : String(v));

/** The text of `kubectl describe deployment`. */
export function describeDeployment(obj: KubeObject, ctx: DescribeContext): string {
  const d = obj as DeploymentLike;
  const selector = selectorString(d.spec?.selector);
  const rsList = safeList<ReplicaSetLike>(ctx, 'apps', 'replicasets', { namespace: d.metadata.namespace, labelSelector: selector });
  const split = rsList ? splitReplicaSets(d, rsList) : undefined;
  const events = eventsFor(ctx, { name: d.metadata.name ?? '', namespace: d.metadata.namespace, kind: 'Deployment', uid: d.metadata.uid });
  return renderDeployment(d, split, events, ctx.now);
}

export function renderDeployment(
  d: DeploymentLike,
  replicaSets: { newRS?: ReplicaSetLike; oldRSs: ReplicaSetLike[] } | undefined,
  events: EventLike[] | undefined,
  now: number,
): string {
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  return tabbed((w) => {
    w.write(0, `Name:\t${d.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    writeLabels(w, 'Labels', d.metadata.labels);
    writeAnnotations(w, 'Annotations', d.metadata.annotations);
    w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) {
      w.write(0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    }
    writePodTemplate(w, spec.template);
    writeConditions(w, status.conditions);
    if (replicaSets && (replicaSets.oldRSs.length > 0 || replicaSets.newRS)) {
      w.write(0, `OldReplicaSets:\t${replicaSetList(replicaSets.oldRSs)}\n`);
      w.write(0, `NewReplicaSet:\t${replicaSetList(replicaSets.newRS ? [replicaSets.newRS] : [])}\n`);
    }
    writeEvents(w, events, now);
  });
}

interface PodPhaseOnly extends KubeObject {
  status?: { phase?: string };
}

/** Running / Waiting / Succeeded / Failed counts of the pods a controller owns. */
export function podPhaseCounts(pods: PodPhaseOnly[], ownerUid: string | undefined): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods) {
    const owner = (p.metadata.ownerReferences ?? []).find((o) => o.controller === true);
    if (!owner || owner.uid !== ownerUid) continue;
    const phase = p.status?.phase as keyof typeof counts | undefined;
    if (phase && phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** The text of `kubectl describe replicaset`. */
export function describeReplicaSet(obj: KubeObject, ctx: DescribeContext): string {
  const rs = obj as ReplicaSetLike;
  const pods = safeList<PodPhaseOnly>(ctx, '', 'pods', {
    namespace: rs.metadata.namespace,
    labelSelector: selectorString(rs.spec?.selector),
  });
  const podStatus = pods ? podPhaseCounts(pods, rs.metadata.uid) : undefined;
  const events = eventsFor(ctx, { name: rs.metadata.name ?? '', namespace: rs.metadata.namespace, kind: 'ReplicaSet', uid: rs.metadata.uid });
  return renderReplicaSet(rs, podStatus, events, ctx.now);
}

export function renderReplicaSet(rs: ReplicaSetLike, podStatus: string | undefined, events: EventLike[] | undefined, now: number): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${rs.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    const selector = selectorString(rs.spec?.selector);
    w.write(0, `Selector:\t${selector === '' ? '<none>' : selector}\n`);
    writeLabels(w, 'Labels', rs.metadata.labels);
    writeAnnotations(w, 'Annotations', rs.metadata.annotations);
    const owner = controlledBy(rs);
    if (owner) w.write(0, `Controlled By:\t${owner}\n`);
    w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(0, 'Pods Status:\t');
    w.write(0, podStatus !== undefined ? `${podStatus}\n` : 'error in fetching pods\n');
    writePodTemplate(w, rs.spec?.template);
    writeConditions(w, rs.status?.conditions);
    writeEvents(w, events, now);
  });
}
