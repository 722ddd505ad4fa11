// Every definition in one table, and the lookups the rest of the simulator needs: the schema of a
// kind (by group/version/kind or by kind name alone) and reference resolution.
import { appsDefinitions } from './apps.ts';
import { batchDefinitions } from './batch.ts';
import { clusterServiceDefinitions } from './cluster-services.ts';
import { coreDefinitions } from './core.ts';
import { podDefinitions } from './core-pod.ts';
import { volumeDefinitions } from './core-volumes.ts';
import { gatewayDefinitions } from './gateway.ts';
import { metaDefinitions } from './meta.ts';
import type { Definitions, GroupVersionKind, Schema } from './schema.ts';

export const definitions: Readonly<Definitions> = {
  ...metaDefinitions,
  ...podDefinitions,
  ...volumeDefinitions,
  ...coreDefinitions,
  ...appsDefinitions,
  ...batchDefinitions,
  ...clusterServiceDefinitions,
  ...gatewayDefinitions,
};

export interface KindSchema {
  gvk: GroupVersionKind;
  /** The full definition name, e.g. io.k8s.api.apps.v1.Deployment. */
  name: string;
  schema: Schema;
}

const byGvk = new Map<string, KindSchema>();
const byKind = new Map<string, KindSchema[]>();
for (const [name, schema] of Object.entries(definitions)) {
  for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
    const entry = { gvk, name, schema };
    byGvk.set(`${gvk.group}/${gvk.version}/${gvk.kind}`, entry);
    const key = gvk.kind.toLowerCase();
    byKind.set(key, [...(byKind.get(key) ?? []), entry]);
  }
}

/** The schema of a kind in one group-version, e.g. ('apps', 'v1', 'Deployment'). */
export function kindSchema(group: string, version: string, kindName: string): KindSchema | undefined {
  return byGvk.get(`${group}/${version}/${kindName}`);
}

/** Every group-version that serves a kind of this name (case-insensitive), core first. */
export function kindSchemasNamed(kindName: string): KindSchema[] {
  return byKind.get(kindName.toLowerCase()) ?? [];
}

/** Follows $ref until a schema with its own content; a property's description is kept from the referring schema. */
export function resolve(schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let hops = 0; s?.$ref && hops < 10; hops++) {
    const target: Schema | undefined = definitions[s.$ref];
    if (!target) return undefined;
    s = target;
  }
  return s;
}

/** The definition name a schema refers to, if it is a reference. */
export function refName(schema: Schema | undefined): string | undefined {
  return schema?.$ref;
}
