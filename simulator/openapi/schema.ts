// The schema language of our OpenAPI definitions (a subset of OpenAPI v3 with Kubernetes'
// x-kubernetes-* extensions) and the small builders the definition files are written with.
// References hold the full upstream definition name (io.k8s.api.core.v1.PodSpec) because kubectl
// explain prints the last segment of it as the field's type (<[]Container>).

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: string[];
  /** Full definition name; written out as `allOf: [{$ref: '#/components/schemas/<name>'}]` like upstream. */
  $ref?: string;
  oneOf?: Schema[];
  default?: unknown;
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

export type Definitions = Record<string, Schema>;

/** 'core.v1.PodSpec' → 'io.k8s.api.core.v1.PodSpec'; 'meta.v1.Time' → apimachinery's name; Gateway API under io.k8s.networking. */
export function defName(short: string): string {
  if (short.startsWith('io.')) return short;
  if (short.startsWith('meta.')) return `io.k8s.apimachinery.pkg.apis.${short}`;
  if (short === 'IntOrString') return 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
  if (short === 'Quantity') return 'io.k8s.apimachinery.pkg.api.resource.Quantity';
  if (short.startsWith('gateway.')) return `io.k8s.networking.${short}`;
  return `io.k8s.api.${short}`;
}

type Extra = Partial<Schema>;

export const str = (description: string, extra: Extra = {}): Schema => ({ type: 'string', description, ...extra });
export const enumOf = (values: string[], description: string, extra: Extra = {}): Schema => ({ type: 'string', enum: values, description, ...extra });
export const int = (description: string, extra: Extra = {}): Schema => ({ type: 'integer', format: 'int32', description, ...extra });
export const long = (description: string, extra: Extra = {}): Schema => ({ type: 'integer', format: 'int64', description, ...extra });
export const num = (description: string): Schema => ({ type: 'number', format: 'double', description });
export const bool = (description: string, extra: Extra = {}): Schema => ({ type: 'boolean', description, ...extra });
export const time = (description: string): Schema => ({ $ref: defName('meta.v1.Time'), description });
export const strings = (description: string, extra: Extra = {}): Schema => ({ type: 'array', items: { type: 'string', default: '' }, description, ...extra });
export const stringSet = (description: string): Schema => strings(description, { 'x-kubernetes-list-type': 'set' });
export const stringMap = (description: string, extra: Extra = {}): Schema => ({
  type: 'object',
  additionalProperties: { type: 'string', default: '' },
  description,
  ...extra,
});
export const quantities = (description: string): Schema => ({ type: 'object', additionalProperties: { $ref: defName('Quantity') }, description });
export const intOrString = (description: string): Schema => ({ $ref: defName('IntOrString'), description });
export const ref = (short: string, description: string, extra: Extra = {}): Schema => ({ $ref: defName(short), description, ...extra });
export const refs = (short: string, description: string, extra: Extra = {}): Schema => ({ type: 'array', items: { $ref: defName(short) }, description, ...extra });
/** A list merged element by element on `key` by strategic merge patch (and a map-list for SSA). */
export const keyedList = (short: string, description: string, key: string, mapKeys: string[] | null = [key], extra: Extra = {}): Schema => ({
  ...refs(short, description),
  'x-kubernetes-patch-merge-key': key,
  'x-kubernetes-patch-strategy': 'merge',
  ...(mapKeys ? { 'x-kubernetes-list-type': 'map' as const, 'x-kubernetes-list-map-keys': mapKeys } : {}),
  ...extra,
});
export const atomic = (s: Schema): Schema => ({ ...s, 'x-kubernetes-list-type': 'atomic' });

/** A structure. Required fields are marked in `required`, which kubectl explain shows as -required-. */
export const obj = (description: string, properties: Record<string, Schema>, required?: string[], extra: Extra = {}): Schema => ({
  type: 'object',
  description,
  properties,
  ...(required && required.length ? { required } : {}),
  ...extra,
});

const typeMetaFields = (): Record<string, Schema> => ({
  apiVersion: str('The versioned schema of this object (group/version). The server uses it to decode the object.'),
  kind: str('The kind of object this is, in CamelCase, e.g. Pod. Cannot be updated.'),
});

/** A top-level kind: apiVersion, kind and metadata come first, then the kind's own fields. */
export function kind(gvk: GroupVersionKind, description: string, fields: Record<string, Schema>, required?: string[]): Schema {
  return obj(
    description,
    { ...typeMetaFields(), metadata: ref('meta.v1.ObjectMeta', "The object's metadata: name, namespace, labels, annotations and what the system records."), ...fields },
    required,
    { 'x-kubernetes-group-version-kind': [gvk] },
  );
}

/** The list kind of a kind (DeploymentList …), as upstream defines one for every served kind. */
export function listKind(gvk: GroupVersionKind, itemDef: string): Schema {
  return obj(
    `A list of ${gvk.kind} objects.`,
    {
      ...typeMetaFields(),
      items: refs(itemDef, `The ${gvk.kind} objects.`),
      metadata: ref('meta.v1.ListMeta', 'List metadata: the resourceVersion of the list and the continue token for paging.'),
    },
    ['items'],
    { 'x-kubernetes-group-version-kind': [{ ...gvk, kind: `${gvk.kind}List` }] },
  );
}

export const gvk = (group: string, version: string, kindName: string): GroupVersionKind => ({ group, version, kind: kindName });

/** A kind's definition with its List beside it, named `<prefix>.<Kind>` and `<prefix>.<Kind>List`. */
export function kindWithList(gvk: GroupVersionKind, prefix: string, def: Schema): Definitions {
  return {
    [defName(`${prefix}.${gvk.kind}`)]: def,
    [defName(`${prefix}.${gvk.kind}List`)]: listKind(gvk, `${prefix}.${gvk.kind}`),
  };
}

/** The shape every status condition shares (Deployment, Node, Namespace …), plus a kind's extras. */
export function condition(of: string, extra: Record<string, Schema> = {}): Schema {
  return obj(
    `One condition of a ${of}.`,
    {
      lastTransitionTime: time('When the status last changed.'),
      message: str('Details about the last transition.'),
      reason: str('A one-word CamelCase reason for the last transition.'),
      status: str('True, False or Unknown.'),
      type: str('The condition type.'),
      ...extra,
    },
    ['type', 'status'],
  );
}
