// Our schemas against the upstream OpenAPI v3 documents (../shared/reference/openapi-v3, read by
// the test only): every field we define that upstream has must have the same shape (type, list or
// map, int-or-string) and the same strategic-merge keys; fields upstream has that we lack, and
// ours that the (older) reference lacks, must be the known, listed ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceTypes } from '../machinery/resources.ts';
import { explainField, explainRecursive, typeName } from './explain.ts';
import { publishDocuments } from './documents.ts';
import { definitions, kindSchema, resolve } from './registry.ts';
import { sharedReference } from '../../tests/shared-reference.ts';
import type { Schema } from './schema.ts';
import { dropUnknownFields, unknownFields } from './unknown-fields.ts';

const reference = sharedReference('openapi-v3');
const REFERENCE = reference.path;
const referenceDocs: Array<[string, string, string]> = [
  ['', 'v1', 'api/v1.json'],
  ['apps', 'v1', 'apis/apps/v1.json'],
  ['autoscaling', 'v2', 'apis/autoscaling/v2.json'],
];

type Upstream = Record<string, any>;

function upstreamResolve(s: any, schemas: Upstream): any {
  let cur = s;
  for (let i = 0; cur && i < 5; i++) {
    const ref = cur.$ref ?? cur.allOf?.[0]?.$ref;
    if (!ref) break;
    cur = schemas[ref.replace('#/components/schemas/', '')];
  }
  return cur;
}

/** A field's shape, comparable across the two: scalar type, []shape, map[shape], object, int-or-string. */
function shape(s: any, resolveFn: (s: any) => any, depth = 0): string {
  const r = resolveFn(s);
  if (!r || depth > 3) return '?';
  if (r.format === 'int-or-string') return 'int-or-string';
  if (r.oneOf) return `oneOf(${r.oneOf.map((o: any) => o.type).sort().join(',')})`;
  if (r.type === 'array') return `[]${shape(r.items, resolveFn, depth + 1)}`;
  if (r.type === 'object' && r.additionalProperties && typeof r.additionalProperties === 'object') return `map[${shape(r.additionalProperties, resolveFn, depth + 1)}]`;
  if (r.type === 'object' || r.properties) return 'object';
  return r.type ?? 'any';
}

const mergeInfo = (s: any) => [s['x-kubernetes-patch-merge-key'] ?? '', s['x-kubernetes-patch-strategy'] ?? ''].join('/');

interface Comparison {
  mismatches: string[];
  ourExtras: string[];
  upstreamOnly: string[];
  compared: number;
}

function compareKind(group: string, version: string, kind: string, schemas: Upstream, out: Comparison): void {
  const ours = kindSchema(group, version, kind)!;
  const name = ours.name;
  const up = schemas[name];
  if (!up) return;
  const seen = new Set<string>();
  const walk = (mine: Schema | undefined, theirs: any, path: string, depth: number) => {
    const m = resolve(mine);
    const t = upstreamResolve(theirs, schemas);
    if (!m || !t || depth > 9) return;
    const mItems = m.type === 'array' ? resolve(m.items) : m;
    const tItems = t.type === 'array' ? upstreamResolve(t.items, schemas) : t;
    if (!mItems?.properties || !tItems?.properties || mItems['x-kubernetes-preserve-unknown-fields']) return;
    const key = `${path}:${Object.keys(mItems.properties).join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const [field, mp] of Object.entries(mItems.properties)) {
      const tp = tItems.properties[field];
      const p = `${path}.${field}`;
      if (!tp) {
        out.ourExtras.push(`${kind}${p}`);
        continue;
      }
      out.compared++;
      const ms = shape(mp, resolve);
      const ts = shape(tp, (s) => upstreamResolve(s, schemas));
      const opaque = resolve(mp)?.['x-kubernetes-preserve-unknown-fields'];
      if (!opaque && ms !== ts) out.mismatches.push(`${kind}${p}: ours ${ms}, upstream ${ts}`);
      if (mergeInfo(tp) !== '/' && mergeInfo(mp) !== mergeInfo(tp)) out.mismatches.push(`${kind}${p}: merge ${mergeInfo(mp)} vs upstream ${mergeInfo(tp)}`);
      const tKeys = tp['x-kubernetes-list-map-keys'];
      if (tKeys && JSON.stringify(mp['x-kubernetes-list-map-keys']) !== JSON.stringify(tKeys)) out.mismatches.push(`${kind}${p}: list-map-keys ${mp['x-kubernetes-list-map-keys']} vs ${tKeys}`);
      if (!opaque) walk(mp, tp, p, depth + 1);
    }
    for (const field of Object.keys(tItems.properties)) if (!mItems.properties[field]) out.upstreamOnly.push(`${kind}${path}.${field}`);
  };
  walk({ $ref: name }, up, '', 0);
}

describe.skipIf(!reference.present)('our schemas against the upstream documents', () => {
  const results = new Map<string, Comparison>();
  // A skipped describe still runs its body while collecting tests: read only what is there.
  for (const [group, version, file] of reference.present ? referenceDocs : []) {
    const schemas = JSON.parse(readFileSync(join(REFERENCE, file), 'utf8')).components.schemas as Upstream;
    const out: Comparison = { mismatches: [], ourExtras: [], upstreamOnly: [], compared: 0 };
    for (const rt of resourceTypes.filter((r) => r.group === group && r.version === version)) compareKind(group, version, rt.kind, schemas, out);
    results.set(`${group}/${version}`, out);
  }

  it('compares thousands of field paths', () => {
    const total = [...results.values()].reduce((n, r) => n + r.compared, 0);
    expect(total).toBeGreaterThan(1500);
  });

  it('every shared field has the same shape and the same strategic-merge keys', () => {
    expect([...results.values()].flatMap((r) => r.mismatches)).toEqual([]);
  });

  it('what upstream has and we leave out is only the legacy plugins and rarely used status details', () => {
    const missing = new Set([...results.values()].flatMap((r) => r.upstreamOnly).map((p) => p.replace(/^[A-Za-z]+/, '')));
    // None of the fields the course's manifests and kubectl's patches use may be missing.
    for (const needed of ['.spec.containers', '.spec.template.spec.containers', '.spec.ports', '.spec.selector', '.spec.strategy', '.data', '.spec.volumes']) {
      expect(missing.has(needed)).toBe(false);
    }
    expect([...missing].filter((p) => /containers\.[a-zA-Z]+$/.test(p) && !p.includes('Statuses'))).toEqual([]);
  });
});

describe('explainField', () => {
  it('walks a kind down a path, naming types the way kubectl explain does', () => {
    const e = explainField('pod', 'spec.containers');
    expect(e.gvk).toEqual({ group: '', version: 'v1', kind: 'Pod' });
    expect(e.field).toMatchObject({ name: 'containers', type: '[]Container', required: true });
    const names = e.fields.map((f) => f.name);
    expect(names).toContain('image');
    expect(names).toEqual([...names].sort());
    expect(e.fields.find((f) => f.name === 'name')?.required).toBe(true);
    expect(e.fields.find((f) => f.name === 'imagePullPolicy')?.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(explainField('deployment', 'spec.replicas').field?.type).toBe('integer');
    expect(explainField('deployment', 'spec.strategy.rollingUpdate.maxSurge').field?.type).toBe('IntOrString');
    expect(explainField('pod', 'metadata.labels').field?.type).toBe('map[string]string');
    expect(explainField('pod', 'spec.containers.resources.limits').field?.type).toBe('map[string]Quantity');
    expect(explainField('Service').description).toMatch(/stable virtual IP/);
    expect(explainField('httproute', 'spec.rules', { apiVersion: 'gateway.networking.k8s.io/v1' }).field?.type).toBe('[]Object');
  });

  it('says which field does not exist', () => {
    expect(() => explainField('pod', 'spec.nope')).toThrow('field "nope" does not exist');
    expect(() => explainField('nosuchkind')).toThrow(/couldn't find resource/);
  });

  it('lists fields recursively', () => {
    const all = explainRecursive('configmap');
    expect(all.map((f) => f.field.name)).toEqual(expect.arrayContaining(['data', 'binaryData', 'metadata', 'labels']));
  });

  it('every served kind has a schema with descriptions on all its top-level fields', () => {
    for (const rt of resourceTypes) {
      const k = kindSchema(rt.group, rt.version, rt.kind);
      expect(k, `${rt.group}/${rt.kind}`).toBeDefined();
      for (const [name, s] of Object.entries(k!.schema.properties ?? {})) expect(s.description, `${rt.kind}.${name}`).toBeTruthy();
    }
    expect(typeName({ $ref: 'io.k8s.api.core.v1.PodSpec' })).toBe('PodSpec');
  });
});

describe('unknownFields', () => {
  it('names unknown fields with the decoder\'s paths and leaves known ones, maps and opaque parts alone', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x', labels: { anything: 'goes' } },
      spec: { replicaz: 1, template: { spec: { containers: [{ name: 'a', image: 'b' }, { name: 'c', imagex: 'd' }] } } },
    };
    expect(unknownFields('apps', 'v1', 'Deployment', d)).toEqual(['spec.replicaz', 'spec.template.spec.containers[1].imagex']);
    expect(unknownFields('', 'v1', 'Pod', { spec: { volumes: [{ name: 'v', awsElasticBlockStore: { volumeID: 'x', anything: 1 } }] } })).toEqual([]);
  });

  it('skips strategic merge directives in patches, and can drop what it finds', () => {
    const patch = { spec: { template: { spec: { $setElementOrder: 1, containers: [{ $patch: 'delete', name: 'x' }] } } }, bogus: true };
    expect(unknownFields('apps', 'v1', 'Deployment', patch, { patch: true })).toEqual(['bogus']);
    const body: Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap', data: {}, extra: 1 };
    expect(dropUnknownFields('', 'v1', 'ConfigMap', body)).toEqual(['extra']);
    expect(body).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', data: {} });
  });
});

describe('published documents', () => {
  const docs = publishDocuments(resourceTypes);

  it('has one document per served group-version, every reference resolvable', () => {
    expect(Object.keys(docs.index.paths).sort()).toEqual(
      [...new Set(resourceTypes.map((r) => (r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`)))].sort(),
    );
    for (const { json } of docs.documents.values()) {
      const doc = JSON.parse(json);
      for (const m of json.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas[m[1]!], m[1]).toBeDefined();
    }
  });

  it('offers strategic merge patch for built-in kinds and not for the Gateway API CRDs', () => {
    const apps = JSON.parse(docs.documents.get('apis/apps/v1')!.json);
    expect(apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch.requestBody.content).toHaveProperty(['application/strategic-merge-patch+json']);
    const gw = JSON.parse(docs.documents.get('apis/gateway.networking.k8s.io/v1')!.json);
    expect(gw.paths['/apis/gateway.networking.k8s.io/v1/namespaces/{namespace}/httproutes/{name}'].patch.requestBody.content).not.toHaveProperty([
      'application/strategic-merge-patch+json',
    ]);
  });

  it('every definition we write is reachable from some kind', () => {
    const used = new Set<string>();
    for (const { json } of docs.documents.values()) for (const name of Object.keys(JSON.parse(json).components.schemas)) used.add(name);
    expect(Object.keys(definitions).filter((d) => !used.has(d))).toEqual([]);
  });
});
