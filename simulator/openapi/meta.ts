// apimachinery's shared types: object and list metadata, label selectors, owner references,
// managed fields, conditions, times, quantities and int-or-string.
import { bool, defName, enumOf, int, keyedList, long, obj, ref, refs, str, stringMap, strings, time, type Definitions } from './schema.ts';

const m = (name: string) => defName(`meta.v1.${name}`);

export const metaDefinitions: Definitions = {
  [m('ObjectMeta')]: obj('Metadata every persisted object has: its name, where it lives, labels, annotations and what the system tracks about it.', {
    annotations: stringMap('Unstructured key/value data for tools and people. Not queryable, unlike labels.'),
    creationTimestamp: time('When the object was created, set by the server. Read-only.'),
    deletionGracePeriodSeconds: long('Seconds the object is given to terminate gracefully before it is removed. Read-only; set with deletionTimestamp.'),
    deletionTimestamp: time('When the object will be (or was asked to be) deleted, set by the server once deletion is requested. Read-only.'),
    finalizers: strings('Names of components that must clean up before the object is removed. Deletion waits until the list is empty.', {
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-type': 'set',
    }),
    generateName: str('A prefix the server uses to make a unique name when name is empty (five random characters are appended).'),
    generation: long('A number the server increments every time the desired state (spec) changes. Read-only.'),
    labels: stringMap('Key/value pairs used to organise and select objects, e.g. by Services, ReplicaSets and kubectl -l.'),
    managedFields: refs('meta.v1.ManagedFieldsEntry', 'Which field manager set which fields, used by server-side apply. Mostly internal; hidden by kubectl get by default.', {
      'x-kubernetes-list-type': 'atomic',
    }),
    name: str('The name, unique per kind within a namespace. Required when creating, unless generateName is used. Cannot be updated.'),
    namespace: str('The namespace the object lives in. Empty for cluster-scoped kinds; defaults to "default". Cannot be updated.'),
    ownerReferences: keyedList('meta.v1.OwnerReference', 'Objects this one depends on. When all owners are gone the garbage collector deletes this object.', 'uid', ['uid']),
    resourceVersion: str('An opaque version the server changes on every write. Used for optimistic concurrency and to resume watches. Read-only.'),
    selfLink: str('Deprecated and no longer set by the server.'),
    uid: str('A unique id the server gives the object for its whole lifetime. Read-only.'),
  }),
  [m('ListMeta')]: obj('Metadata of a list response.', {
    continue: str('Set when more items are available: pass it back as ?continue= to get the next page.'),
    remainingItemCount: long('How many items the list still has after this page, when the server knows.'),
    resourceVersion: str('The version of the store this list was read at; start a watch from it.'),
    selfLink: str('Deprecated and no longer set by the server.'),
  }),
  [m('LabelSelector')]: obj(
    'Selects objects by their labels. The requirements are ANDed; an empty selector matches everything, a null one nothing.',
    {
      matchExpressions: refs('meta.v1.LabelSelectorRequirement', 'Requirements on labels, all of which must hold.', { 'x-kubernetes-list-type': 'atomic' }),
      matchLabels: stringMap('Exact key=value labels an object must have.'),
    },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [m('LabelSelectorRequirement')]: obj(
    'One requirement on a label: a key, an operator and values.',
    {
      // Upstream's Go type carries merge tags on this field (harmless, but kubectl reads them).
      key: str('The label key the requirement applies to.', { 'x-kubernetes-patch-merge-key': 'key', 'x-kubernetes-patch-strategy': 'merge' }),
      operator: str('How the key relates to the values: In, NotIn, Exists or DoesNotExist.'),
      values: strings('The values for In and NotIn (must be non-empty); must be empty for Exists and DoesNotExist.', { 'x-kubernetes-list-type': 'atomic' }),
    },
    ['key', 'operator'],
  ),
  [m('OwnerReference')]: obj(
    'Points to the object that owns this one, so that the garbage collector can delete dependents.',
    {
      apiVersion: str('API version of the owner.'),
      blockOwnerDeletion: bool('With foreground deletion, the owner is not removed until this dependent is gone.'),
      controller: bool('True for the one owner that manages this object (e.g. the ReplicaSet of a Pod).'),
      kind: str('Kind of the owner.'),
      name: str('Name of the owner.'),
      uid: str('UID of the owner.'),
    },
    ['apiVersion', 'kind', 'name', 'uid'],
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [m('ManagedFieldsEntry')]: obj('Records the fields one field manager set, for server-side apply.', {
    apiVersion: str('The API version the fields are expressed in.'),
    fieldsType: str('The format of fieldsV1; always "FieldsV1".'),
    fieldsV1: ref('meta.v1.FieldsV1', 'The set of fields, as a tree of f:<name> and k:<key> entries.'),
    manager: str('The name of the manager (e.g. kubectl-client-side-apply).'),
    operation: str('Apply or Update: how the manager wrote the fields.'),
    subresource: str('The subresource written through (e.g. status), or empty for the main resource.'),
    time: time('When the manager last changed these fields.'),
  }),
  [m('FieldsV1')]: { type: 'object', description: 'A set of field paths in the trie format server-side apply uses.' },
  [m('Time')]: { type: 'string', format: 'date-time', description: 'A timestamp in RFC 3339 format, to the second.' },
  [m('MicroTime')]: { type: 'string', format: 'date-time', description: 'A timestamp in RFC 3339 format with microseconds.' },
  [m('Condition')]: obj(
    'The state of one aspect of an object, as used in status.conditions.',
    {
      lastTransitionTime: time('When the status last changed.'),
      message: str('A human-readable explanation of the condition.'),
      observedGeneration: long('The metadata.generation the condition was computed for.'),
      reason: str('A one-word CamelCase reason for the last transition.'),
      status: enumOf(['False', 'True', 'Unknown'], 'Whether the condition holds: True, False or Unknown.'),
      type: str('The condition type in CamelCase, e.g. Ready or Accepted.'),
    },
    ['type', 'status', 'lastTransitionTime', 'reason', 'message'],
  ),
  [m('Patch')]: { type: 'object', description: 'A patch body; its format is given by the request Content-Type.' },
  [m('Status')]: obj('The result of a request that did not return an object, e.g. an error.', {
    apiVersion: str('v1'),
    code: int('The HTTP status code.'),
    details: { type: 'object', description: 'Extra data about the cause (name, kind, field causes).', 'x-kubernetes-preserve-unknown-fields': true },
    kind: str('Status'),
    message: str('A human-readable description.'),
    metadata: ref('meta.v1.ListMeta', 'Standard list metadata.'),
    reason: str('A machine-readable reason, e.g. NotFound or AlreadyExists.'),
    status: str('Success or Failure.'),
  }),
  [defName('IntOrString')]: {
    description: 'A value that is either an integer or a string, e.g. a port number or a port name, 1 or "25%".',
    format: 'int-or-string',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  },
  [defName('Quantity')]: {
    oneOf: [{ type: 'string' }, { type: 'number' }],
    description:
      'An amount with an optional unit: a number with a suffix such as m (milli), k, M, G (powers of 1000) or Ki, Mi, Gi (powers of 1024), e.g. 250m CPU or 128Mi memory.',
  },
};
