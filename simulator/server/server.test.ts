// The HTTP API server, driven over HTTPS as clients drive it: raw requests for the protocol details
// (auth, discovery, errors, tables, field validation, watch) and @kubernetes/client-node for
// list, watch, and an informer that survives the server ending its watch.
import { AppsV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi, Watch, makeInformer, type V1Pod } from '@kubernetes/client-node';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './sim-server.ts';

let sim: SimServer;
let dir: string;
let kc: KubeConfig;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

function call(method: string, path: string, opts: { body?: string | Buffer; contentType?: string; accept?: string; token?: string | null } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? sim.token}`;
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
    if (opts.accept) headers.Accept = opts.accept;
    const req = request(`${sim.url}${path}`, { method, headers, ca: sim.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json' });
const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wheelhouse-sim-'));
  sim = await startSimServer({ port: 0, kubeconfigPath: join(dir, 'kubeconfig'), statePath: join(dir, 'state.json'), watchTimeoutSeconds: 1 });
  kc = new KubeConfig();
  kc.loadFromFile(join(dir, 'kubeconfig'));
});

afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the front door', () => {
  it('listens on 127.0.0.1 over HTTPS with a kubeconfig named wheelhouse-sim', () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(kc.getCurrentContext()).toBe('wheelhouse-sim');
    expect(kc.getCurrentCluster()?.server).toBe(sim.url);
    expect(readFileSync(join(dir, 'kubeconfig'), 'utf8')).toContain('certificate-authority-data');
  });

  it('refuses requests without the token with a 401 Status, but serves /version and health to anyone', async () => {
    const denied = await call('GET', '/api/v1/pods', { token: null });
    expect(denied.status).toBe(401);
    expect(denied.json).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    expect((await call('GET', '/api/v1/pods', { token: 'wrong' })).status).toBe(401);
    const version = await call('GET', '/version', { token: null });
    expect(version.json).toMatchObject({ major: '1', minor: '32' });
    expect(version.json.gitVersion).toMatch(/^v1\.32\./);
    for (const p of ['/healthz', '/livez', '/readyz']) expect((await call('GET', p, { token: null })).text).toBe('ok');
  });

  it('answers unknown paths like upstream: plain 404 outside the API, a NotFound Status inside it', async () => {
    const outside = await call('GET', '/nothing-here');
    expect(outside.status).toBe(404);
    expect(outside.text).toBe('404 page not found\n');
    const inside = await call('GET', '/api/v1/foos');
    expect(inside.status).toBe(404);
    expect(inside.json).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    const method = await call('POST', '/api/v1/namespaces/default/pods/x', json({}));
    expect(method.status).toBe(405);
    expect(method.json.reason).toBe('MethodNotAllowed');
    const media = await call('POST', '/api/v1/namespaces/default/configmaps', { body: 'x', contentType: 'text/plain' });
    expect(media.status).toBe(415);
    expect(media.json.message).toContain('the body of the request was in an unknown format');
  });
});

describe('discovery', () => {
  it('serves the aggregated documents with their media type, core first and groups by priority', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const core = await call('GET', '/api', { accept });
    expect(core.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const pods = core.json.items[0].versions[0].resources.find((r: any) => r.resource === 'pods');
    expect(pods).toMatchObject({ scope: 'Namespaced', shortNames: ['po'], categories: ['all'] });
    expect(pods.subresources.map((s: any) => s.subresource)).toEqual(expect.arrayContaining(['log', 'exec', 'status']));
    const groups = (await call('GET', '/apis', { accept })).json.items.map((i: any) => i.metadata.name);
    expect(groups.slice(0, 3)).toEqual(['apps', 'events.k8s.io', 'autoscaling']);
    expect(groups.at(-1)).toBe('gateway.networking.k8s.io');
  });

  it('serves the legacy documents client-node and kubectl auth can-i read', async () => {
    expect((await call('GET', '/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await call('GET', '/apis')).json;
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups.find((g: any) => g.name === 'apps').preferredVersion).toEqual({ groupVersion: 'apps/v1', version: 'v1' });
    const apps = (await call('GET', '/apis/apps/v1')).json;
    expect(apps.resources.find((r: any) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const resources = (await call('GET', '/api/v1')).json.resources.map((r: any) => r.name);
    expect(resources).toContain('namespaces/finalize');
  });

  it('publishes OpenAPI v3 with a hash per document and ETags', async () => {
    const index = (await call('GET', '/openapi/v3')).json;
    const url: string = index.paths['apis/apps/v1'].serverRelativeURL;
    expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]+$/);
    const doc = await call('GET', url);
    expect(doc.headers.etag).toBeTruthy();
    const patch = doc.json.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.parameters.map((p: any) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
    expect((await call('GET', `${url}`, { accept: 'application/json' })).status).toBe(200);
  });
});

describe('reading and writing objects', () => {
  it('answers kubectl get with a server-side Table, with full objects when includeObject=Object', async () => {
    const table = (await call('GET', '/api/v1/nodes?limit=500', { accept: tableAccept })).json;
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c: any) => c.name).slice(0, 5)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
    const full = (await call('GET', '/api/v1/nodes?includeObject=Object', { accept: tableAccept })).json;
    expect(full.rows[0].object.kind).toBe('Node');
  });

  it('pages lists with limit and continue', async () => {
    const first = (await call('GET', '/api/v1/pods?limit=3')).json;
    expect(first.items).toHaveLength(3);
    expect(first.metadata.continue).toBeTruthy();
    const second = (await call('GET', `/api/v1/pods?limit=3&continue=${encodeURIComponent(first.metadata.continue)}`)).json;
    expect(second.items[0].metadata.name).not.toBe(first.items[0].metadata.name);
  });

  it('validates fields as asked: Strict rejects, Warn warns and drops, Ignore drops', async () => {
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' }, dta: { c: 'd' } });
    const strict = await call('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', json(cm('strict')));
    expect(strict.status).toBe(400);
    expect(strict.json.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dta"');
    const warn = await call('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Warn', json(cm('warn')));
    expect(warn.status).toBe(201);
    expect(warn.headers.warning).toBe('299 - "unknown field \\"dta\\""');
    expect(warn.json.dta).toBeUndefined();
    const ignore = await call('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Ignore', json(cm('ignore')));
    expect(ignore.headers.warning).toBeUndefined();
    const patch = await call('PATCH', '/api/v1/namespaces/default/configmaps/warn?fieldValidation=Strict', {
      body: JSON.stringify({ data: { x: 'y' }, bogus: 1 }),
      contentType: 'application/merge-patch+json',
    });
    expect(patch.status).toBe(400);
    expect(patch.json.message).toContain('unknown field "bogus"');
  });

  it('honours dryRun=All without storing anything', async () => {
    const r = await call('POST', '/api/v1/namespaces/default/configmaps?dryRun=All', json({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry' } }));
    expect(r.status).toBe(201);
    expect((await call('GET', '/api/v1/namespaces/default/configmaps/dry')).status).toBe(404);
  });

  it('speaks every patch type kubectl sends, and server-side apply creates then conflicts', async () => {
    const base = '/api/v1/namespaces/default/configmaps';
    await call('POST', base, json({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p' }, data: { a: '1' } }));
    await call('PATCH', `${base}/p`, { body: '{"data":{"b":"2"}}', contentType: 'application/strategic-merge-patch+json' });
    await call('PATCH', `${base}/p`, { body: '{"data":{"a":null}}', contentType: 'application/merge-patch+json' });
    const jp = await call('PATCH', `${base}/p`, { body: '[{"op":"add","path":"/data/c","value":"3"}]', contentType: 'application/json-patch+json' });
    expect(jp.json.data).toEqual({ b: '2', c: '3' });
    const applied = await call('PATCH', `${base}/ssa?fieldManager=me&fieldValidation=Strict&force=false`, {
      body: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {k: v}\n',
      contentType: 'application/apply-patch+yaml',
    });
    expect(applied.status).toBe(201);
    const conflict = await call('PATCH', `${base}/ssa?fieldManager=other&force=false`, {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa' }, data: { k: 'w' } }),
      contentType: 'application/apply-patch+yaml',
    });
    expect(conflict.status).toBe(409);
  });

  it('serves the scale subresource as autoscaling/v1 Scale', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'scaled' },
        spec: { replicas: 1, selector: { matchLabels: { app: 's' } }, template: { metadata: { labels: { app: 's' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      },
    });
    const r = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/scaled/scale', { body: '{"spec":{"replicas":4}}', contentType: 'application/merge-patch+json' });
    expect(r.json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 4 } });
    expect((await call('GET', '/apis/apps/v1/namespaces/default/deployments/scaled/scale')).json.status.selector).toBe('app=s');
  });
});

describe('client-node', () => {
  it('lists, reads and creates through the typed and the generic APIs', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toContain('wheelhouse-control-plane');
    const objects = KubernetesObjectApi.makeApiClient(kc);
    await objects.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'generic', namespace: 'default' }, data: { x: 'y' } } as never);
    const read = await objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'generic', namespace: 'default' } });
    expect((read as { data?: Record<string, string> }).data).toEqual({ x: 'y' });
  });

  it('watches: events arrive as they happen, and a too-old resourceVersion gets 410 Expired', async () => {
    const seen: string[] = [];
    const watch = new Watch(kc);
    const core = kc.makeApiClient(CoreV1Api);
    const rv = (await core.listNamespacedConfigMap({ namespace: 'default' })).metadata!.resourceVersion!;
    const req = await watch.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: rv }, (type, obj) => seen.push(`${type} ${obj.metadata.name}`), () => {});
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' } } });
    await expect.poll(() => seen).toContain('ADDED watched');
    req.abort();
    // Restoring a snapshot expires every watch: the stream carries an ERROR 410 and ends.
    const pending = call('GET', '/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=30');
    await new Promise((r) => setTimeout(r, 300)); // the watch is open (the aborted one above is gone)
    sim.sim.cluster.api.watches.expireAll();
    const lines = (await pending).text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
  });

  it('an informer keeps its cache through watch restarts (the server ends watches after 1 s here)', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/default/pods', () => core.listNamespacedPod({ namespace: 'default' }));
    const added: string[] = [];
    informer.on('add', (p) => added.push(p.metadata!.name!));
    await informer.start();
    await new Promise((r) => setTimeout(r, 1500)); // at least one watch ended and was restarted
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'after-restart' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    await expect.poll(() => added, { timeout: 5000 }).toContain('after-restart');
    expect(informer.get('after-restart', 'default')?.metadata?.name).toBe('after-restart');
    await informer.stop();
  });
});

describe('state', () => {
  it('saves the cluster on close and loads it on start', async () => {
    const statePath = join(dir, 'roundtrip.json');
    const first = await startSimServer({ port: 0, statePath });
    const kc1 = new KubeConfig();
    kc1.loadFromString(JSON.stringify({
      clusters: [{ name: 'c', cluster: { server: first.url, 'certificate-authority-data': Buffer.from(first.caPem).toString('base64') } }],
      users: [{ name: 'u', user: { token: first.token } }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'x',
    }));
    await kc1.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: 'kept' } } });
    await first.close();
    const second = await startSimServer({ port: 0, statePath });
    try {
      expect(second.sim.cluster.client.get({ resource: 'namespaces' }, undefined, 'kept').metadata.name).toBe('kept');
    } finally {
      await second.close();
    }
  });
});
