// The real kubectl (v1.32, through the dispatcher on PATH) against the simulator's API server: a
// scripted session of what the labs of chapters 02–06 do, each command's output checked. Then the
// differential check: the in-page kubectl, over the same cluster, prints what real kubectl prints.
// Skipped, with a message, where kubectl is not installed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabShell } from '../lab-shell.ts';
import { collectOutput } from '../shell/streams.ts';
import { KubectlSession, kubectlAvailable, type KubectlResult } from './kubectl-kit.ts';
import { startSimServer, type SimServer } from './sim-server.ts';

const hasKubectl = kubectlAvailable();
if (!hasKubectl) console.warn('kubectl-session.test.ts: skipped, `kubectl` is not on PATH (install kubectl 1.32 to run it)');

const catalog = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
  namespace: shop
  labels: {app: catalog}
spec:
  replicas: 2
  selector: {matchLabels: {app: catalog}}
  template:
    metadata: {labels: {app: catalog, tier: backend}}
    spec:
      containers:
      - name: catalog
        image: ${image}
        ports: [{containerPort: 80}]
        env: [{name: MODE, valueFrom: {configMapKeyRef: {name: app-config, key: MODE}}}]
---
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: shop}
spec:
  selector: {app: catalog}
  ports: [{port: 80, targetPort: 80}]
`;

const badManifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: bad, namespace: shop}
spec:
  replicaz: 2
  selector: {matchLabels: {app: bad}}
  template:
    metadata: {labels: {app: bad}}
    spec: {containers: [{name: c, image: nginx}]}
`;

describe.skipIf(!hasKubectl)('real kubectl against the simulator', { timeout: 90_000 }, () => {
  let sim: SimServer;
  let dir: string;
  let k: KubectlSession;
  const timings: Array<[string, number]> = [];
  let sessionStart = 0;

  async function kubectl(line: string | string[], options: { killAfterMs?: number } = {}): Promise<KubectlResult> {
    const args = typeof line === 'string' ? line.split(' ') : line;
    const r = await k.run(args, options);
    timings.push([args.join(' '), r.ms]);
    return r;
  }
  async function ok(line: string | string[], options: { killAfterMs?: number } = {}): Promise<string> {
    const r = await kubectl(line, options);
    if (r.code !== 0 && !options.killAfterMs) throw new Error(`kubectl ${String(line)} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }
  const podsOf = async (selector: string) => (await ok(['get', 'pods', '-n', 'shop', '-l', selector, '-o', 'jsonpath={.items[*].metadata.name}'])).split(' ').filter(Boolean);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wheelhouse-session-'));
    sim = await startSimServer({ port: 0, kubeconfigPath: join(dir, 'kubeconfig') });
    k = new KubectlSession(join(dir, 'kubeconfig'), dir);
    writeFileSync(join(dir, 'catalog.yaml'), catalog('nginx:1.26'));
    writeFileSync(join(dir, 'bad.yaml'), badManifest);
    sessionStart = performance.now();
  });

  afterAll(async () => {
    const total = performance.now() - sessionStart;
    console.info(`kubectl session: ${timings.length} commands in ${(total / 1000).toFixed(1)} s; slowest: ${[...timings].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c, ms]) => `${c} (${Math.round(ms)} ms)`).join(', ')}`);
    await sim?.close();
    k?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('a session from chapters 02–06', () => {
    it('version: the server is v1.32, so the dispatcher runs kubectl 1.32', async () => {
      expect(await ok('version')).toMatch(/Client Version: v1\.32\.\d+[\s\S]*Server Version: v1\.32\.2/);
    });

    it('get nodes -o wide', async () => {
      const out = await ok('get nodes -o wide');
      expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE/);
      expect(out).toMatch(/wheelhouse-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.2\s+172\.18\.0\.2/);
      expect(out.trim().split('\n')).toHaveLength(4);
    });

    it('get pods -A', async () => {
      expect(await ok('get pods -A')).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n(.|\n)*kube-system\s+coredns-\S+\s+1\/1\s+Running/);
    });

    it('api-resources', async () => {
      const out = await ok('api-resources');
      expect(out).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
      expect(out).toMatch(/namespaces\s+ns\s+v1\s+false\s+Namespace/);
    });

    it('auth can-i (a protobuf SelfSubjectAccessReview): the learner may do everything', async () => {
      expect(await ok('auth can-i create pods')).toBe('yes\n');
    });

    it('explain pod.spec.containers: our own schema text', async () => {
      const out = await ok('explain pod.spec.containers');
      expect(out).toContain('FIELD: containers <[]Container>');
      expect(out).toMatch(/image\s+<string>\n\s+The container image to run/);
      expect(out).toMatch(/name\s+<string> -required-/);
    });

    it('create namespace (protobuf body)', async () => {
      expect(await ok('create namespace shop')).toBe('namespace/shop created\n');
    });

    it('label node, then select nodes by it', async () => {
      expect(await ok('label node wheelhouse-worker disk=ssd')).toBe('node/wheelhouse-worker labeled\n');
      expect(await ok('get nodes -l disk=ssd -o name')).toBe('node/wheelhouse-worker\n');
    });

    it('create deployment --image --replicas (protobuf body)', async () => {
      expect(await ok('create deployment web --image=nginx:1.27 --replicas=2 -n shop')).toBe('deployment.apps/web created\n');
      expect(await ok(['get', 'deploy', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}'])).toBe('2 nginx:1.27');
    });

    it('create configmap --from-literal and secret generic (protobuf bodies)', async () => {
      expect(await ok('create configmap app-config --from-literal=MODE=prod -n shop')).toBe('configmap/app-config created\n');
      expect(await ok('create secret generic db --from-literal=password=s3cret -n shop')).toBe('secret/db created\n');
      expect(await ok(['get', 'secret', 'db', '-n', 'shop', '-o', 'jsonpath={.data.password}'])).toBe(Buffer.from('s3cret').toString('base64'));
    });

    it('apply -f creates, re-applying is unchanged, a change is configured', async () => {
      expect(await ok('apply -f catalog.yaml')).toBe('deployment.apps/catalog created\nservice/catalog created\n');
      expect(await ok('apply -f catalog.yaml')).toBe('deployment.apps/catalog unchanged\nservice/catalog unchanged\n');
      writeFileSync(join(dir, 'catalog.yaml'), catalog('nginx:1.27'));
      expect(await ok('apply -f catalog.yaml')).toBe('deployment.apps/catalog configured\nservice/catalog unchanged\n');
      expect(await ok(['get', 'deploy', 'catalog', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.27');
    });

    it('apply refuses unknown fields (fieldValidation=Strict)', async () => {
      const r = await kubectl('apply -f bad.yaml');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('strict decoding error: unknown field "spec.replicaz"');
    });

    it('rollout status waits until the Deployment is available', async () => {
      expect(await ok('rollout status deployment/web -n shop --timeout=90s')).toContain('deployment "web" successfully rolled out');
      expect(await ok('rollout status deployment/catalog -n shop --timeout=90s')).toContain('deployment "catalog" successfully rolled out');
    });

    it('get deploy, -o yaml and -o json', async () => {
      expect(await ok('get deploy -n shop')).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\ncatalog\s+2\/2\s+2\s+2\s+\S+\nweb\s+2\/2\s+2\s+2\s+\S+\n$/);
      const yaml = await ok('get deploy catalog -n shop -o yaml');
      expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
      expect(yaml).toContain('kubectl.kubernetes.io/last-applied-configuration');
      const obj = JSON.parse(await ok('get deploy catalog -n shop -o json'));
      expect(obj.status.readyReplicas).toBe(2);
    });

    it('describe deployment', async () => {
      const out = await ok('describe deployment web -n shop');
      expect(out).toMatch(/^Name:\s+web\nNamespace:\s+shop\n/);
      expect(out).toMatch(/Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable/);
      expect(out).toContain('ScalingReplicaSet');
    });

    it('scale', async () => {
      expect(await ok('scale deployment web --replicas=3 -n shop')).toBe('deployment.apps/web scaled\n');
      expect(await ok('rollout status deployment/web -n shop --timeout=90s')).toContain('successfully rolled out');
    });

    it('set image, annotate the change cause, rollout history', async () => {
      expect(await ok('set image deployment/web nginx=nginx:1.26 -n shop')).toBe('deployment.apps/web image updated\n');
      expect(await ok(['annotate', 'deployment/web', 'kubernetes.io/change-cause=downgrade to 1.26', '--overwrite', '-n', 'shop'])).toBe('deployment.apps/web annotated\n');
      expect(await ok('rollout status deployment/web -n shop --timeout=90s')).toContain('successfully rolled out');
      expect(await ok('rollout history deployment/web -n shop')).toMatch(/^deployment\.apps\/web \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+downgrade to 1\.26\n\n$/);
    });

    it('rollout undo', async () => {
      expect(await ok('rollout undo deployment/web -n shop')).toBe('deployment.apps/web rolled back\n');
      expect(await ok('rollout status deployment/web -n shop --timeout=90s')).toContain('successfully rolled out');
      expect(await ok(['get', 'deploy', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.27');
    });

    it('wait --for=condition=Ready on a pod', async () => {
      const [pod] = await podsOf('app=web');
      expect(await ok(`wait --for=condition=Ready pod/${pod} -n shop --timeout=60s`)).toBe(`pod/${pod} condition met\n`);
    });

    it('get pods with labels, wide and by selector', async () => {
      const out = await ok('get pods -n shop -l app=catalog -o wide --show-labels');
      expect(out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\s+LABELS\n/);
      expect(out).toMatch(/catalog-\S+\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+wheelhouse-worker2?\s+<none>\s+<none>\s+app=catalog,pod-template-hash=\w+,tier=backend/);
    });

    it('logs, logs of a deployment, and logs -f (stopped after two seconds)', async () => {
      const [pod] = await podsOf('app=web');
      expect(await ok(`logs ${pod} -n shop`)).toContain('Configuration complete; ready for start up');
      expect((await ok('logs deployment/web -n shop --tail=1')).trim().split('\n')).toHaveLength(1);
      const followed = await kubectl(`logs -f ${pod} -n shop`, { killAfterMs: 2000 });
      expect(followed.stdout).toContain('ready for start up');
      expect(followed.code).not.toBe(0); // still following when stopped
    });

    it('exec -- env, and an exit code through the status channel', async () => {
      const [pod] = await podsOf('app=catalog');
      const env = await ok(`exec ${pod} -n shop -- env`);
      expect(env).toContain(`HOSTNAME=${pod}`);
      expect(env).toContain('MODE=prod');
      expect(await ok('run box --image=busybox -n shop -- sleep 3600')).toBe('pod/box created\n');
      expect(await ok('wait --for=condition=Ready pod/box -n shop --timeout=60s')).toBe('pod/box condition met\n');
      const failed = await kubectl(['exec', 'box', '-n', 'shop', '--', 'sh', '-c', 'echo out; exit 3']);
      expect(failed.stdout).toBe('out\n');
      expect(failed.stderr).toContain('command terminated with exit code 3');
      expect(failed.code).toBe(3);
    });

    it('get -w shows changes as they happen (bounded by --request-timeout)', async () => {
      const watching = kubectl('get pods -n shop -l app=web -w --request-timeout=4s');
      await new Promise((r) => setTimeout(r, 1500));
      await ok('scale deployment web --replicas=4 -n shop');
      const out = (await watching).stdout;
      const lines = out.trim().split('\n');
      expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      expect(lines.length).toBeGreaterThan(4); // three pods, then the fourth as it starts
      expect(out).toMatch(/Pending|ContainerCreating/);
    });

    it('expose, get svc, get endpoints', async () => {
      expect(await ok('expose deployment web --port=80 -n shop')).toBe('service/web exposed\n');
      expect(await ok('get svc web -n shop')).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nweb\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+\n$/);
      await expect.poll(async () => ok('get endpoints catalog -n shop'), { timeout: 10_000 }).toMatch(/catalog\s+10\.244\.\d+\.\d+:80,10\.244/);
    });

    it('get events and get all', async () => {
      expect(await ok('get events -n shop')).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n(.|\n)*Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\w+ to 2\n/);
      const all = await ok('get all -n shop');
      for (const section of [/^NAME\s+READY\s+STATUS/m, /^NAME\s+TYPE\s+CLUSTER-IP/m, /^NAME\s+READY\s+UP-TO-DATE/m, /^NAME\s+DESIRED\s+CURRENT\s+READY/m]) expect(all).toMatch(section);
      expect(all).toMatch(/deployment\.apps\/web\s+4\/4|deployment\.apps\/web\s+\d\/4/);
    });

    it('port-forward is refused with an explanation', async () => {
      const r = await kubectl('port-forward pod/box 18099:80 -n shop');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('port-forward is not supported by the Wheelhouse simulator');
    });

    it('delete waits for the pod to go; deleting what is gone is NotFound', async () => {
      // busybox's sleep ignores SIGTERM, so the pod takes its whole grace period to go, as on a real node.
      const r = await kubectl('delete pod box -n shop --grace-period=2');
      expect(r.stdout).toBe('pod "box" deleted\n');
      expect(r.code).toBe(0);
      const again = await kubectl('delete pod box -n shop');
      expect(again.stderr).toBe('Error from server (NotFound): pods "box" not found\n');
      expect(again.code).toBe(1);
    });

    it('delete -f, delete deployment, then the namespace (waits until it is gone)', async () => {
      expect(await ok('delete -f catalog.yaml')).toBe('deployment.apps "catalog" deleted\nservice "catalog" deleted\n');
      expect(await ok('delete deployment web -n shop')).toBe('deployment.apps "web" deleted\n');
      expect(await ok('delete namespace shop --timeout=60s')).toBe('namespace "shop" deleted\n');
      const gone = await kubectl('get namespace shop');
      expect(gone.stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
    });

    it('ran at least 40 kubectl commands', () => {
      expect(timings.length).toBeGreaterThanOrEqual(40);
    });
  });
});

/** Ages move between two runs a moment apart: blank them out, and the padding they cause. */
function normaliseAges(text: string): string {
  return text
    .replace(/\b(?:\d+y)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?\b(?<=\d[ydhms])/g, '<age>')
    .replace(/[ \t]+/g, ' ')
    .replace(/ +\n/g, '\n');
}

describe.skipIf(!hasKubectl)('the in-page kubectl prints what real kubectl prints', { timeout: 90_000 }, () => {
  let sim: SimServer;
  let dir: string;
  let k: KubectlSession;
  let inPage: (line: string) => Promise<{ out: string; err: string; status: number }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wheelhouse-diff-'));
    sim = await startSimServer({ port: 0, kubeconfigPath: join(dir, 'kubeconfig') });
    k = new KubectlSession(join(dir, 'kubeconfig'), dir);
    const { shell } = createLabShell({ cluster: sim.sim.cluster });
    inPage = async (line) => {
      const out = collectOutput();
      const err = collectOutput();
      const status = await shell.run(line, { stdout: out, stderr: err });
      return { out: out.text(), err: err.text(), status };
    };
    writeFileSync(join(dir, 'app.yaml'), catalog('nginx:1.27').replaceAll('namespace: shop', 'namespace: diff').replaceAll('catalog', 'web'));
    for (const line of ['create namespace diff', 'create configmap app-config --from-literal=MODE=prod -n diff', 'create secret generic db --from-literal=p=x -n diff', 'apply -f app.yaml']) {
      const r = await k.run(line.split(' '));
      if (r.code !== 0) throw new Error(`${line}: ${r.stderr}`);
    }
    await k.run('rollout status deployment/web -n diff --timeout=60s'.split(' '));
  });

  afterAll(async () => {
    await sim?.close();
    k?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const commands = [
    'get nodes',
    'get nodes -o wide',
    'get pods -A',
    'get ns',
    'get deploy -n diff',
    'get deploy -n diff -o wide',
    'get rs -n diff',
    'get pods -n diff -o wide',
    'get pods -n diff --show-labels',
    'get svc -n diff',
    'get endpoints -n diff',
    'get cm -n diff',
    'get secret -n diff',
    'get all -n diff',
    'get deploy web -n diff -o yaml',
    'get deploy web -n diff -o json',
    'get pods -n diff -o name',
    'get deploy -n diff -o jsonpath={.items[*].spec.template.spec.containers[*].image}',
    'get pods -n diff -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image',
    'describe deploy web -n diff',
    'describe svc web -n diff',
    'rollout history deploy/web -n diff',
    'api-resources',
    'explain pod.spec.containers',
    'get pod nope -n diff',
  ];

  for (const line of commands) it(`kubectl ${line}`, () => compare(line));

  async function compare(line: string) {
    const real = await k.run(line.split(' '));
    const page = await inPage(`kubectl ${line}`);
    expect({ status: page.status, out: normaliseAges(page.out), err: normaliseAges(page.err) }).toEqual({
      status: real.code,
      out: normaliseAges(real.stdout),
      err: normaliseAges(real.stderr),
    });
  }
});
