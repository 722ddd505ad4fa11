import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster.ts';
import { clusterWorkloadHost, workloadCommands } from './kubectl/index.ts';
import { Kubeconfig } from './kubectl/kubeconfig.ts';
import { createLabShell } from './lab-shell.ts';
import { collectOutput } from './shell/streams.ts';
import { WorkspaceFs } from './shell/workspace-fs.ts';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};

function lab(options: { fs?: WorkspaceFs; kubeconfig?: Kubeconfig } = {}) {
  const cluster = createCluster({ seed: 7 });
  const labShell = createLabShell({ cluster, ...options });
  async function run(line: string) {
    const out = collectOutput();
    const err = collectOutput();
    let done = false;
    const status = labShell.shell.run(line, { stdout: out, stderr: err }).finally(() => (done = true));
    await flush();
    for (let i = 0; i < 600 && !done; i++) {
      cluster.advance(100);
      await flush();
    }
    return { status: await status, out: out.text(), err: err.text() };
  }
  return { cluster, ...labShell, run };
}

describe('createLabShell: one wiring for the lab terminal', () => {
  it('has kubectl with the workload commands, curl, sim and the builtins', () => {
    const { shell } = lab();
    for (const name of ['kubectl', 'curl', 'sim', 'ls', 'grep', 'watch']) expect(shell.commands.has(name), name).toBe(true);
  });

  it('runs a pod, reads its logs and execs into it, on the cluster clock', async () => {
    const t = lab();
    expect((await t.run('kubectl run web --image=nginx:1.27')).out).toBe('pod/web created\n');
    expect((await t.run('kubectl wait --for=condition=Ready pod/web --timeout=60s')).out).toBe('pod/web condition met\n');
    t.cluster.advance(5_000);
    expect((await t.run('kubectl logs web')).out).toContain('start worker processes');
    expect(await t.run('kubectl exec web -- cat /etc/hostname')).toEqual({ status: 0, out: 'web\n', err: '' });
  });

  it('sleeps on cluster time: `sleep 5` ends when the cluster has moved five seconds', async () => {
    const t = lab();
    const before = t.cluster.clock.now();
    expect((await t.run('sleep 5')).status).toBe(0);
    expect(t.cluster.clock.now() - before).toBeGreaterThanOrEqual(5_000);
  });

  it('curl is the learner machine outside the cluster, sim switches the cluster', async () => {
    const t = lab();
    const curl = await t.run('curl -s http://web.default.svc.cluster.local');
    expect(curl.status).toBe(6);
    expect(curl.err).toContain('hint: cluster names and IPs are only reachable from inside the cluster');
    expect((await t.run('sim node stop wheelhouse-worker2')).status).toBe(0);
    expect((await t.run('sim status')).out).toContain('wheelhouse-worker2');
  });

  it('uses the files and kubeconfig it is given, and sim follows the context namespace', async () => {
    const cluster = createCluster({ seed: 7 });
    const fs = new WorkspaceFs({ now: () => cluster.clock.now() });
    fs.writeFile(`${fs.home}/pod.yaml`, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: shop\nspec:\n  containers:\n  - name: app\n    image: nginx\n');
    const kubeconfig = new Kubeconfig();
    const t = createLabShell({ cluster, fs, kubeconfig });
    expect(t.fs).toBe(fs);
    expect(t.kubeconfig).toBe(kubeconfig);
    const out = collectOutput();
    await t.shell.run('kubectl create namespace shop && kubectl config set-context --current --namespace=shop && kubectl apply -f pod.yaml', { stdout: out, stderr: out });
    expect(out.text()).toBe('namespace/shop created\nContext "kind-wheelhouse" modified.\npod/shop created\n');
    expect(cluster.client.get({ resource: 'pods' }, 'shop', 'shop').metadata.name).toBe('shop');
  });

  it('kubectl/index.ts exports the workload commands and the cluster host', () => {
    const cluster = createCluster({ seed: 7 });
    const host = clusterWorkloadHost(cluster, new Kubeconfig());
    expect(host.containers).toBe(cluster.podLifecycle.runtime);
    expect(host.network).toBeDefined();
    expect(workloadCommands.map((c) => c.name)).toContain('exec');
  });
});
