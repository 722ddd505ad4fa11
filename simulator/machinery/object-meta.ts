// Metadata rules the API server applies to every kind, whatever its strategy: which kinds carry a
// generation, what counts as a spec change, and the floor of ObjectMeta validation for kinds that
// have no strategy yet (the per-kind rules live in simulator/kinds/).
import { validateObjectMeta as kindsValidateObjectMeta, validateObjectMetaUpdate as kindsValidateObjectMetaUpdate } from '../kinds/object-meta.ts';
import { nameIsDNSSubdomain, nameIsPathSegment } from '../kinds/names.ts';
import type { FieldError } from '../kinds/strategy.ts';
import { deepEqual } from './json.ts';
import type { KubeObject, ResourceType } from './types.ts';

/** Kinds whose registry strategy sets metadata.generation (workloads, CRDs, policies). */
const generationKinds = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
  'Ingress',
  'NetworkPolicy',
  'EndpointSlice',
  'GatewayClass',
  'Gateway',
  'HTTPRoute',
]);

export function tracksGeneration(rt: ResourceType): boolean {
  return generationKinds.has(rt.kind);
}

/** Everything but metadata and status: a change here is a spec change and bumps generation. */
export function specChanged(a: KubeObject, b: KubeObject): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind') continue;
    if (!deepEqual(a[k], b[k])) return true;
  }
  return false;
}

/** ObjectMeta validation on create for a kind with no strategy of its own (the strategy's includes it). */
export function defaultMetaValidation(obj: KubeObject, rt: ResourceType): FieldError[] {
  // Events and Leases accept any path-segment name upstream; everything else we serve is a subdomain.
  const check = rt.kind === 'Event' ? nameIsPathSegment : nameIsDNSSubdomain;
  return kindsValidateObjectMeta(obj, check);
}

export function defaultMetaUpdateValidation(obj: KubeObject, old: KubeObject): FieldError[] {
  return kindsValidateObjectMetaUpdate(obj, old);
}

/** What the store itself needs, whatever the strategy says: a usable name. */
export function storeNameErrors(obj: KubeObject): FieldError[] {
  const name = obj.metadata.name;
  if (typeof name !== 'string' || name === '') return [{ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' }];
  return nameIsPathSegment(name, false).map((detail) => ({ type: 'FieldValueInvalid' as const, field: 'metadata.name', badValue: name, detail }));
}
