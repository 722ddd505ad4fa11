// One entry point for the patch types kube-apiserver accepts on PATCH.
import { badRequest, unsupportedMediaType } from '../errors.ts';
import type { PatchType, ResourceType } from '../types.ts';
import { applyJsonPatch } from './json-patch.ts';
import { applyMergePatch } from './merge-patch.ts';
import { schemaForKind } from './patch-schema.ts';
import { applyStrategicMerge } from './strategic-merge.ts';

export { applyJsonPatch } from './json-patch.ts';
export { applyMergePatch, mergePatchValue } from './merge-patch.ts';
export { applyStrategicMerge } from './strategic-merge.ts';
export { schemaForKind } from './patch-schema.ts';

/** Custom resources (here: the Gateway API kinds) have no Go structs, so no strategic merge. */
function isCustomResource(rt: ResourceType): boolean {
  return rt.group.endsWith('.x-k8s.io') || rt.group === 'gateway.networking.k8s.io';
}

/** A patch body may arrive as parsed JSON or as the raw text of the request. */
export function parsePatchBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Applies a json, merge or strategic patch to target (not changed) and returns the result. */
export function applyPatch(type: PatchType, target: unknown, body: unknown, rt: ResourceType): unknown {
  const patch = parsePatchBody(body);
  switch (type) {
    case 'json':
      return applyJsonPatch(target, patch);
    case 'merge':
      return applyMergePatch(target, patch);
    case 'strategic':
      if (isCustomResource(rt)) {
        throw unsupportedMediaType(['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml']);
      }
      return applyStrategicMerge(target, patch, schemaForKind(rt.kind));
    default:
      throw unsupportedMediaType();
  }
}
