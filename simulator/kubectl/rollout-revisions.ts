// A Deployment's history as kubectl reads it client-side (upstream pkg/util/deployment): the
// ReplicaSets the Deployment controls, each carrying its revision number and change-cause in
// annotations. rollout history, undo and status all start here.
import { deepEqual } from '../machinery/json.ts';
import { formatLabelSelector, type LabelSelector } from '../machinery/selectors.ts';
import type { ApiClient, KubeObject } from '../machinery/types.ts';

export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const changeCauseAnnotation = 'kubernetes.io/change-cause';
export const templateHashLabel = 'pod-template-hash';

export interface PodTemplateLike {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: Record<string, unknown>;
}

export interface DeploymentLike extends KubeObject {
  spec: { replicas?: number; paused?: boolean; selector: LabelSelector; template: PodTemplateLike; [k: string]: unknown };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number; conditions?: Array<{ type: string; status: string; reason?: string; message?: string }> };
}

export interface ReplicaSetLike extends KubeObject {
  spec: { replicas?: number; template: PodTemplateLike };
  status?: { replicas?: number };
}

export const DEPLOYMENTS = { group: 'apps', resource: 'deployments' };
export const REPLICASETS = { group: 'apps', resource: 'replicasets' };

export function revisionOf(obj: KubeObject): number {
  const n = Number(obj.metadata.annotations?.[revisionAnnotation] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** ReplicaSets selected by the Deployment's selector and controlled by it, oldest revision first. */
export function ownedReplicaSets(client: ApiClient, deployment: DeploymentLike): ReplicaSetLike[] {
  const list = client.list<ReplicaSetLike>(REPLICASETS, { namespace: deployment.metadata.namespace, labelSelector: formatLabelSelector(deployment.spec.selector) });
  return list.items
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === deployment.metadata.uid))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

/** Templates compared as upstream's EqualIgnoreHash: the pod-template-hash label does not count. */
export function templatesEqualIgnoringHash(a: PodTemplateLike, b: PodTemplateLike): boolean {
  const strip = (t: PodTemplateLike): PodTemplateLike => {
    const copy = structuredClone(t);
    if (copy.metadata?.labels) {
      delete copy.metadata.labels[templateHashLabel];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return copy;
  };
  return deepEqual(strip(a), strip(b));
}

export function getDeployment(client: ApiClient, namespace: string, name: string): DeploymentLike {
  return client.get<DeploymentLike>(DEPLOYMENTS, namespace, name);
}
