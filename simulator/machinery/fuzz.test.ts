// Thousands of random and malformed inputs through create, update and every patch type: the API
// server must answer each with a result or an ApiError carrying a proper Status — never a TypeError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.ts';
import { resourceTypes, refFor } from './resources.ts';
import { CONFIGMAPS, DEPLOYMENTS, PODS, deployment, newServer, pod } from './test-kit.ts';
import type { PatchType } from './types.ts';

function onlyApiErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    expect(typeof e.status.code).toBe('number');
    expect(e.status.code).toBeGreaterThanOrEqual(400);
    expect(e.status.reason).toMatch(/^[A-Za-z]+$/);
    expect(e.status.kind).toBe('Status');
  }
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const weird = fc.oneof(jsonValue, fc.constant(undefined), fc.constant(Number.NaN), fc.constant(() => 1), fc.string(), fc.integer());
const metaish = fc.record(
  {
    name: fc.oneof(fc.constantFrom('a', 'web', 'Bad_Name', '', 'x/y', '..'), weird),
    namespace: fc.oneof(fc.constantFrom('default', 'nope', ''), weird),
    generateName: fc.oneof(fc.constantFrom('web-', ''), weird),
    labels: fc.oneof(fc.dictionary(fc.string(), fc.string()), weird),
    finalizers: fc.oneof(fc.array(fc.string()), weird),
    ownerReferences: fc.oneof(fc.array(fc.record({ uid: fc.string(), name: fc.string(), kind: fc.string(), apiVersion: fc.string() })), weird),
    resourceVersion: fc.oneof(fc.constantFrom('1', '999'), weird),
  },
  { requiredKeys: [] },
);
const objectish = fc.record(
  {
    apiVersion: fc.oneof(fc.constantFrom('v1', 'apps/v1', 'batch/v1', ''), weird),
    kind: fc.oneof(fc.constantFrom('Pod', 'ConfigMap', 'Deployment', 'Service'), weird),
    metadata: fc.oneof(metaish, weird),
    spec: weird,
    status: weird,
    data: weird,
  },
  { requiredKeys: [] },
);
const patchType = fc.constantFrom<PatchType>('json', 'merge', 'strategic', 'apply', 'frob' as PatchType);
const jsonPatchOp = fc.record({ op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'nope'), path: fc.oneof(fc.constantFrom('/spec/replicas', '/metadata/labels/a', '/spec/template/spec/containers/0', '/x/-', ''), fc.string()), from: fc.string(), value: jsonValue }, { requiredKeys: ['op'] });
const patchBody = fc.oneof(weird, fc.array(jsonPatchOp), objectish, fc.record({ spec: fc.record({ template: fc.record({ spec: fc.record({ containers: fc.array(fc.oneof(jsonValue, fc.record({ name: fc.string(), $patch: fc.string() }))) }) }) }) }));

describe('fuzz: nothing but ApiError ever escapes', () => {
  it('create with random bodies on every resource', () => {
    const api = newServer();
    const refs = resourceTypes.map(refFor);
    fc.assert(
      fc.property(fc.constantFrom(...refs), objectish, (ref, body) => {
        onlyApiErrors(() => api.create(ref, body as never));
        onlyApiErrors(() => api.update(ref, body as never));
        onlyApiErrors(() => api.updateStatus(ref, body as never));
      }),
      { numRuns: 2000 },
    );
  });

  it('patch of every type with random bodies', () => {
    const api = newServer();
    api.create(DEPLOYMENTS, deployment('web'));
    api.create(PODS, pod('p'));
    fc.assert(
      fc.property(fc.constantFrom(DEPLOYMENTS, PODS, CONFIGMAPS), fc.constantFrom('web', 'p', 'missing'), patchType, patchBody, fc.constantFrom(undefined, 'status', 'scale'), (ref, name, type, body, subresource) => {
        onlyApiErrors(() => api.patch(ref, 'default', name, type, body, { fieldManager: 'fuzz', subresource: subresource as never }));
      }),
      { numRuns: 3000 },
    );
  });

  it('delete, get, list and watch with odd arguments', () => {
    const api = newServer();
    fc.assert(
      fc.property(weird, weird, fc.string(), fc.string(), (ns, name, labelSelector, fieldSelector) => {
        onlyApiErrors(() => api.get(PODS, ns as never, name as never));
        onlyApiErrors(() => api.delete(PODS, ns as never, name as never, { propagationPolicy: name as never, gracePeriodSeconds: ns as never }));
        onlyApiErrors(() => api.list(PODS, { labelSelector, fieldSelector }));
        onlyApiErrors(() => api.watch(PODS, { labelSelector, fieldSelector, resourceVersion: labelSelector }, () => {})());
        onlyApiErrors(() => api.get(name as never, 'default', 'x'));
      }),
      { numRuns: 1500 },
    );
  });
});
