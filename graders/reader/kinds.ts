// Kind names to API collections. The simulator's served kinds are upstream's built-in names, so the
// same static table maps a kind to its URL on a real cluster; no discovery request is needed.
import { resourceTypes } from '../../simulator/machinery/resources.ts';
import type { ResourceType } from '../../simulator/machinery/types.ts';
import { ReadError } from './read-errors.ts';

export type { ResourceType };

/** 'Deployment', 'deployments', 'Deployment.apps' or 'apps/v1 Deployment' → its resource type. */
export function kindInfo(kind: string): ResourceType {
  const [name, group] = kind.includes('.') ? [kind.slice(0, kind.indexOf('.')), kind.slice(kind.indexOf('.') + 1)] : [kind, undefined];
  const lower = name.toLowerCase();
  const found = resourceTypes.find(
    (t) => (group === undefined || t.group === group) && (t.kind.toLowerCase() === lower || t.plural === lower),
  );
  if (!found) throw new ReadError('unknown-kind', `graders know no kind called ${kind}`);
  return found;
}

/** The API path of a collection or of one object: /api/v1/namespaces/ns/pods/name. */
export function apiPath(type: ResourceType, namespace?: string, name?: string): string {
  const root = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${type.plural}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}

export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}
