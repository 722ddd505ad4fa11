// A small structural validator over the Kubernetes OpenAPI v3 documents: known kind, known
// fields (like `kubectl apply --validate=strict`), required fields, and value types. Enough to
// catch a misspelt field or `containerPort: "eighty"` without an API server.

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
};

export interface OpenApiDocument {
  components: { schemas: Record<string, Schema> };
}

export class SchemaValidator {
  private readonly schemas = new Map<string, Schema>();
  private readonly kinds = new Map<string, string>();

  constructor(documents: OpenApiDocument[]) {
    for (const doc of documents) {
      for (const [name, schema] of Object.entries(doc.components.schemas)) {
        this.schemas.set(name, schema);
        for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
          const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
          if (!name.includes('apimachinery')) this.kinds.set(`${apiVersion}/${gvk.kind}`, name);
        }
      }
    }
  }

  knows(apiVersion: string, kind: string): boolean {
    return this.kinds.has(`${apiVersion}/${kind}`);
  }

  /** Problems found in a whole object, as "path: message" strings; empty when valid. */
  validateObject(object: { apiVersion?: string; kind?: string }): string[] {
    const name = this.kinds.get(`${object.apiVersion}/${object.kind}`);
    if (!name) return [`no schema for ${object.apiVersion} ${object.kind}`];
    return this.validate(object, { $ref: `#/components/schemas/${name}` }, object.kind ?? '');
  }

  /** Validates a value against a named schema (e.g. a Job's pod template). */
  validateAs(value: unknown, schemaName: string, at: string): string[] {
    return this.validate(value, { $ref: `#/components/schemas/${schemaName}` }, at);
  }

  private resolve(schema: Schema): Schema {
    let current = schema;
    for (;;) {
      if (current.$ref) {
        const target = this.schemas.get(current.$ref.replace('#/components/schemas/', ''));
        if (!target) throw new Error(`unresolved ${current.$ref}`);
        current = target;
      } else if (current.allOf?.length === 1 && !current.type && !current.properties) {
        current = current.allOf[0]!;
      } else {
        return current;
      }
    }
  }

  private validate(value: unknown, raw: Schema, at: string): string[] {
    const schema = this.resolve(raw);
    if (value === null || value === undefined) return [];
    if (schema['x-kubernetes-preserve-unknown-fields']) return [];
    if (schema.format === 'int-or-string') return typeof value === 'number' || typeof value === 'string' ? [] : [`${at}: must be an integer or a string`];
    if (schema.oneOf) {
      return schema.oneOf.some((s) => this.validate(value, s, at).length === 0) ? [] : [`${at}: matches none of the allowed types`];
    }
    switch (schema.type) {
      case 'string':
        return typeof value === 'string' ? [] : [`${at}: must be a string, got ${JSON.stringify(value)}`];
      case 'integer':
        return Number.isInteger(value) ? [] : [`${at}: must be an integer, got ${JSON.stringify(value)}`];
      case 'number':
        return typeof value === 'number' ? [] : [`${at}: must be a number, got ${JSON.stringify(value)}`];
      case 'boolean':
        return typeof value === 'boolean' ? [] : [`${at}: must be true or false, got ${JSON.stringify(value)}`];
      case 'array':
        if (!Array.isArray(value)) return [`${at}: must be a list`];
        return value.flatMap((item, i) => (schema.items ? this.validate(item, schema.items, `${at}[${i}]`) : []));
      case 'object':
      case undefined: {
        if (!schema.properties && !schema.additionalProperties) return [];
        if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: must be an object`];
        const problems: string[] = [];
        for (const field of schema.required ?? []) if (!(field in value)) problems.push(`${at}: missing required field "${field}"`);
        for (const [key, child] of Object.entries(value)) {
          const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
          if (!childSchema) {
            if (schema.additionalProperties !== true) problems.push(`${at}: unknown field "${key}"`);
            continue;
          }
          problems.push(...this.validate(child, childSchema, `${at}.${key}`));
        }
        return problems;
      }
      default:
        return [];
    }
  }
}
