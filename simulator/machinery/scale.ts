// The scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets, StatefulSets and
// ReplicationControllers: what `kubectl scale` and the HPA read and write.
import type { ApiServer } from './api-server.ts';
import { badRequest, conflict, invalid, resourceNotFound } from './errors.ts';
import { cloneJson, isPlainObject } from './json.ts';
import { formatLabelSelector, selectorFromSet, type LabelSelector } from './selectors.ts';
import type { KubeObject, ResourceType, WriteOptions } from './types.ts';

export interface Scale extends KubeObject {
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

export function getScale(rt: ResourceType, obj: KubeObject): Scale {
  if (!rt.subresources.includes('scale')) throw resourceNotFound();
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (obj.status ?? {}) as { replicas?: number };
  // ReplicationControllers have a map selector; the apps kinds a LabelSelector.
  const selector =
    rt.kind === 'ReplicationController'
      ? selectorFromSet(spec.selector as Record<string, string> | undefined).toString()
      : spec.selector
        ? formatLabelSelector(spec.selector as LabelSelector)
        : undefined;
  const scale: Scale = {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0 },
  };
  if (selector !== undefined && selector !== '<none>') scale.status.selector = selector;
  return scale;
}

/** PUT …/scale: sets spec.replicas through the ordinary update path (so generation moves). */
export function updateScale(server: ApiServer, rt: ResourceType, body: unknown, opts: WriteOptions): Scale {
  if (!rt.subresources.includes('scale')) throw resourceNotFound();
  if (!isPlainObject(body) || !isPlainObject(body.metadata)) throw badRequest('the body of the request was not a Scale object');
  const meta = body.metadata as { name?: unknown; namespace?: unknown };
  if (typeof meta.name !== 'string' || !meta.name) throw badRequest('name is required for an update');
  const old = server.mustGet(rt, typeof meta.namespace === 'string' ? meta.namespace : undefined, meta.name);
  return scaleFromPatch(server, rt, old, body, opts);
}

export function scaleFromPatch(server: ApiServer, rt: ResourceType, old: KubeObject, scale: unknown, opts: WriteOptions): Scale {
  if (!isPlainObject(scale)) throw badRequest('the body of the request was not a Scale object');
  if (scale.kind !== undefined && scale.kind !== 'Scale') throw badRequest(`the kind in the data (${String(scale.kind)}) does not match the expected kind (Scale)`);
  const meta = (isPlainObject(scale.metadata) ? scale.metadata : {}) as { resourceVersion?: unknown; name?: unknown };
  if (typeof meta.resourceVersion === 'string' && meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict({ group: rt.group, resource: rt.plural }, old.metadata.name!);
  }
  const spec = (isPlainObject(scale.spec) ? scale.spec : {}) as { replicas?: unknown };
  const replicas = spec.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  }
  if (replicas < 0) {
    // Upstream validates the Scale object itself: kind Scale, group autoscaling.
    throw invalidScale(old.metadata.name!, replicas);
  }
  const next = cloneJson(old);
  next.spec = { ...((next.spec as object) ?? {}), replicas };
  const written = server.writeUpdate(rt, old, next, opts, 'main');
  return getScale(rt, written);
}

function invalidScale(name: string, replicas: number) {
  return invalid('autoscaling', 'Scale', name, [
    { type: 'FieldValueInvalid', field: 'spec.replicas', badValue: replicas, detail: 'must be greater than or equal to 0' },
  ]);
}
