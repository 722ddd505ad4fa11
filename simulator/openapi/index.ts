// The simulator's OpenAPI schemas: one definition per type of every served kind, written for this
// project (descriptions in our own words), with the x-kubernetes-* extensions kubectl relies on.
//   explainField('pod', 'spec.containers')       → type, description and sub-fields (kubectl explain)
//   unknownFields('apps', 'v1', 'Deployment', o)  → ['spec.foo'] (fieldValidation=Strict)
//   publishDocuments(resourceTypes)              → the /openapi/v3 index and per-group-version documents
export type { Schema, Definitions, GroupVersionKind } from './schema.ts';
export { definitions, kindSchema, kindSchemasNamed, resolve } from './registry.ts';
export { explainField, explainRecursive, typeName, ExplainError, type Explanation, type ExplainedField } from './explain.ts';
export { unknownFields, dropUnknownFields } from './unknown-fields.ts';
export { buildDocument, publishDocuments, groupVersionPath, type OpenApiDocument, type PublishedDocuments, type ServedResource } from './documents.ts';
export { contentHash } from './hash.ts';
