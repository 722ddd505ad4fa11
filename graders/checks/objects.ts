// Naming objects and reading their fields the way a learner sees them in kubectl.
import type { KubeObject } from '../reader/cluster-reader.ts';

/** `deployment/catalog in namespace rollout`, or `node/wheelhouse-worker` for cluster-scoped objects. */
export function objectName(kind: string, name: string, namespace?: string): string {
  const base = `${kind.toLowerCase()}/${name}`;
  return namespace ? `${base} in namespace ${namespace}` : base;
}

export function nameOf(object: KubeObject): string {
  return objectName(object.kind, object.metadata.name ?? '', object.metadata.namespace);
}

export function isTerminating(object: KubeObject): boolean {
  return Boolean(object.metadata.deletionTimestamp);
}

export function labelsOf(object: KubeObject | undefined): Record<string, string> {
  return object?.metadata.labels ?? {};
}

export function annotation(object: KubeObject | undefined, key: string): string | undefined {
  return object?.metadata.annotations?.[key];
}

/** A plain value at a dotted path (`status.readyReplicas`), undefined when any step is missing. */
export function valueAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function numberAt(object: unknown, path: string): number | undefined {
  const value = valueAt(object, path);
  return typeof value === 'number' ? value : undefined;
}

export function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export function conditionOf(object: KubeObject | undefined, type: string): Condition | undefined {
  const conditions = valueAt(object, 'status.conditions');
  return Array.isArray(conditions) ? (conditions as Condition[]).find((c) => c.type === type) : undefined;
}

export function isConditionTrue(object: KubeObject | undefined, type: string): boolean {
  return conditionOf(object, type)?.status === 'True';
}

export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
