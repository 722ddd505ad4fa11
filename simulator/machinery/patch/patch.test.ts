import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { DEPLOYMENTS, apiError, deployment, newServer, pod, PODS } from '../test-kit.ts';
import type { KubeObject } from '../types.ts';
import { applyJsonPatch } from './json-patch.ts';
import { applyMergePatch } from './merge-patch.ts';
import { schemaForKind } from './patch-schema.ts';
import { applyStrategicMerge } from './strategic-merge.ts';

const twoContainers = {
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1.26', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'busybox' },
    ],
  },
};

describe('JSON patch (RFC 6902)', () => {
  const doc = { a: { b: [1, 2, 3] }, c: 'x' };
  it('applies every operation', () => {
    expect(
      applyJsonPatch(doc, [
        { op: 'add', path: '/a/b/1', value: 9 },
        { op: 'add', path: '/a/b/-', value: 4 },
        { op: 'remove', path: '/a/b/0' },
        { op: 'replace', path: '/c', value: 'y' },
        { op: 'copy', from: '/c', path: '/d' },
        { op: 'move', from: '/d', path: '/e~1f' },
        { op: 'test', path: '/e~1f', value: 'y' },
      ]),
    ).toEqual({ a: { b: [9, 2, 3, 4] }, c: 'y', 'e/f': 'y' });
    expect(doc).toEqual({ a: { b: [1, 2, 3] }, c: 'x' });
  });
  it('fails like kube-apiserver: 422 when it cannot apply, 400 when it is not a patch', () => {
    for (const bad of [[{ op: 'test', path: '/c', value: 'z' }], [{ op: 'remove', path: '/nope' }], [{ op: 'replace', path: '/a/x/y', value: 1 }], [{ op: 'frob', path: '/c' }]]) {
      const e = apiError(() => applyJsonPatch(doc, bad));
      expect(e.status).toMatchObject({ code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request' });
    }
    expect(apiError(() => applyJsonPatch(doc, { op: 'add' })).status.code).toBe(400);
  });
});

describe('merge patch (RFC 7386)', () => {
  it('merges maps, deletes with null, replaces lists', () => {
    expect(applyMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
    expect(apiError(() => applyMergePatch({}, [1])).status.code).toBe(400);
  });
});

describe('strategic merge patch', () => {
  const pods = schemaForKind('Pod');
  it('changes one container image and keeps the other containers (kubectl set image)', () => {
    const out = applyStrategicMerge(twoContainers, { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } }, pods) as typeof twoContainers;
    expect(out.spec.containers).toEqual([
      { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
  });
  it('merges nested keyed lists (env by name, ports by containerPort) and appends new elements', () => {
    const out = applyStrategicMerge(twoContainers, { spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }, { name: 'new', image: 'redis' }] } }, pods) as typeof twoContainers;
    expect(out.spec.containers[0]!.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(out.spec.containers[0]!.ports).toEqual([{ containerPort: 80, name: 'http' }]);
    expect(out.spec.containers.map((c) => c.name)).toEqual(['web', 'sidecar', 'new']);
  });
  it('$patch: delete removes a list element; $patch: replace replaces a list or a map', () => {
    const deleted = applyStrategicMerge(twoContainers, { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } }, pods) as typeof twoContainers;
    expect(deleted.spec.containers.map((c) => c.name)).toEqual(['web']);
    const replaced = applyStrategicMerge(twoContainers, { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } }, pods) as typeof twoContainers;
    expect(replaced.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
    const map = applyStrategicMerge({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { c: '3', $patch: 'replace' } } }, pods);
    expect(map).toEqual({ metadata: { labels: { c: '3' } } });
  });
  it('atomic lists (args, tolerations) are replaced whole', () => {
    const out = applyStrategicMerge({ spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } }, { spec: { tolerations: [{ key: 'c' }] } }, pods);
    expect(out).toEqual({ spec: { tolerations: [{ key: 'c' }] } });
  });
  it('$retainKeys drops the old strategy block when switching to Recreate', () => {
    const live = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } };
    const out = applyStrategicMerge(live, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, schemaForKind('Deployment'));
    expect(out).toEqual({ spec: { strategy: { type: 'Recreate' } } });
  });
  it('finalizers merge as a set; $deleteFromPrimitiveList removes values', () => {
    const out = applyStrategicMerge({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['b', 'c'], '$deleteFromPrimitiveList/finalizers': ['a'] } }, pods);
    expect(out).toEqual({ metadata: { finalizers: ['b', 'c'] } });
  });
  it('$setElementOrder orders merged elements', () => {
    const out = applyStrategicMerge(twoContainers, { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }] } }, pods) as typeof twoContainers;
    expect(out.spec.containers.map((c) => c.name)).toEqual(['sidecar', 'web']);
  });
  it('rejects unknown directives and elements missing the merge key', () => {
    expect(apiError(() => applyStrategicMerge(twoContainers, { spec: { $patch: 'frob' } }, pods)).message).toMatch(/^Unknown patch type: frob in map/);
    expect(apiError(() => applyStrategicMerge(twoContainers, { spec: { containers: [{ image: 'x' }] } }, pods)).message).toBe('map: map[image:x] does not contain declared merge key: name');
  });
  it('through the API: patching a Deployment template, and 415 for strategic patches on custom resources', () => {
    const api = newServer();
    api.create(DEPLOYMENTS, deployment('web'));
    const out = api.patch<KubeObject>(DEPLOYMENTS, 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
    expect(out.metadata.generation).toBe(2);
    expect(apiError(() => api.patch({ group: 'gateway.networking.k8s.io', resource: 'httproutes' }, 'default', 'r', 'strategic', {})).status.code).toBe(404);
    api.create({ group: 'gateway.networking.k8s.io', resource: 'httproutes' }, { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'default' }, spec: {} });
    expect(apiError(() => api.patch({ group: 'gateway.networking.k8s.io', resource: 'httproutes' }, 'default', 'r', 'strategic', {})).status.code).toBe(415);
    expect(apiError(() => api.patch(DEPLOYMENTS, 'default', 'web', 'merge', { metadata: { name: 'other' } })).message).toBe('the name of the object (other) does not match the name on the URL (web)');
    expect(apiError(() => api.patch(DEPLOYMENTS, 'default', 'web', 'merge', { metadata: { resourceVersion: '1' } })).status.reason).toBe('Conflict');
  });
});

describe('server-side apply (simplified)', () => {
  const applied = (replicas: number, image = 'nginx:1.27') => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } } },
  });
  it('creates, records the manager, removes fields it no longer applies, and conflicts with other appliers', () => {
    const api = newServer();
    const created = api.patch<KubeObject>(DEPLOYMENTS, 'default', 'web', 'apply', applied(2), { fieldManager: 'alice' });
    expect(created.metadata.managedFields).toMatchObject([{ manager: 'alice', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' }]);
    const fields = (created.metadata.managedFields as Array<{ fieldsV1: Record<string, unknown> }>)[0]!.fieldsV1;
    expect(fields).toHaveProperty(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"web"}', 'f:image']);
    const withoutLabels = applied(2);
    delete (withoutLabels.metadata as { labels?: unknown }).labels;
    const second = api.patch<KubeObject>(DEPLOYMENTS, 'default', 'web', 'apply', withoutLabels, { fieldManager: 'alice' });
    expect(second.metadata.labels).toBeUndefined();
    const e = apiError(() => api.patch(DEPLOYMENTS, 'default', 'web', 'apply', applied(5), { fieldManager: 'bob' }));
    expect(e.status).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(e.message).toBe('Apply failed with 1 conflict: conflict with "alice" using apps/v1: .spec.replicas');
    const forced = api.patch<KubeObject>(DEPLOYMENTS, 'default', 'web', 'apply', applied(5), { fieldManager: 'bob', force: true });
    expect((forced.spec as { replicas: number }).replicas).toBe(5);
    expect(apiError(() => api.patch(DEPLOYMENTS, 'default', 'web', 'apply', applied(1))).status.code).toBe(400);
  });
  it('accepts YAML text', () => {
    const api = newServer();
    const out = api.patch<KubeObject>(PODS, 'default', 'p', 'apply', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n', { fieldManager: 'kubectl' });
    expect(out.metadata.name).toBe('p');
    expect(pod('p').kind).toBe('Pod');
  });
  it('only ApiErrors escape', () => {
    const api = newServer();
    expect(() => api.patch(PODS, 'default', 'p', 'apply', ': : :\n  - [', { fieldManager: 'x' })).toThrow(ApiError);
  });
});
