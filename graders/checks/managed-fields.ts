// Who last set a field, from metadata.managedFields: the evidence that a change came from a file
// (kubectl-client-side-apply, or an Apply) rather than from kubectl scale, edit or patch.
import type { KubeObject } from '../reader/cluster-reader.ts';
import { timeOf } from './objects.ts';

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update';
  time?: string;
  subresource?: string;
  fieldsV1?: Record<string, unknown>;
}

export function managedFields(object: KubeObject): ManagedFieldsEntry[] {
  return Array.isArray(object.metadata.managedFields) ? (object.metadata.managedFields as ManagedFieldsEntry[]) : [];
}

function ownsPath(entry: ManagedFieldsEntry, path: string[]): boolean {
  let node: unknown = entry.fieldsV1;
  for (const part of path) {
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[`f:${part}`];
  }
  return node !== undefined;
}

/** The manager that owns `spec.replicas` (path ['spec', 'replicas']). A real API server records the
 * field set of every entry; where entries carry none (the simulator keeps sets for Apply only), the
 * latest writer of the main resource (not status) stands in for it. */
export function fieldManager(object: KubeObject, path: string[]): ManagedFieldsEntry | undefined {
  const entries = managedFields(object);
  const owners = entries.filter((e) => ownsPath(e, path));
  if (owners.length > 0) return latest(owners);
  const recorded = entries.some((e) => e.fieldsV1 && Object.keys(e.fieldsV1).length > 0 && e.operation === 'Update');
  if (recorded) return undefined;
  return latest(entries.filter((e) => e.subresource !== 'status'));
}

function latest(entries: ManagedFieldsEntry[]): ManagedFieldsEntry | undefined {
  let best: ManagedFieldsEntry | undefined;
  for (const e of entries) if (!best || (timeOf(e.time) ?? 0) >= (timeOf(best.time) ?? 0)) best = e;
  return best;
}

/** The entry that created the object: the oldest Update (kubectl-create, kubectl-run, …) or Apply. */
export function creator(object: KubeObject): ManagedFieldsEntry | undefined {
  let first: ManagedFieldsEntry | undefined;
  for (const e of managedFields(object).filter((e) => e.subresource !== 'status')) {
    if (!first || (timeOf(e.time) ?? 0) < (timeOf(first.time) ?? 0)) first = e;
  }
  return first;
}

/** kubectl apply's record of the file, parsed; undefined when absent or not JSON. */
export function lastApplied(object: KubeObject): Record<string, unknown> | undefined {
  const text = object.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
