// metadata.managedFields: which manager last wrote which fields. We keep one entry per manager and
// operation (as upstream does) with its time and apiVersion. fieldsV1 is recorded for server-side
// apply only (it needs to know what each applier owns); Update entries carry an empty set.
import { rfc3339 } from './clock.ts';
import { apiVersionOf } from './resources.ts';
import type { KubeObject, ResourceType } from './types.ts';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

export function managedFieldsOf(obj: KubeObject): ManagedFieldsEntry[] {
  return Array.isArray(obj.metadata.managedFields) ? (obj.metadata.managedFields as ManagedFieldsEntry[]) : [];
}

export function recordManager(
  obj: KubeObject,
  manager: string,
  operation: 'Apply' | 'Update',
  rt: ResourceType,
  nowMs: number,
  subresource?: string,
  fieldsV1?: Record<string, unknown>,
): void {
  const entries = managedFieldsOf(obj).filter((e) => !(e.manager === manager && e.operation === operation && e.subresource === subresource));
  const entry: ManagedFieldsEntry = {
    manager,
    operation,
    apiVersion: apiVersionOf(rt),
    time: rfc3339(nowMs),
    fieldsType: 'FieldsV1',
    fieldsV1: fieldsV1 ?? {},
  };
  if (subresource) entry.subresource = subresource;
  entries.push(entry);
  obj.metadata.managedFields = entries;
}
