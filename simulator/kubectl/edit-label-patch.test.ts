import { describe, expect, it } from 'vitest';
import { deploymentYaml } from './fixtures.ts';
import { setupKubectl } from './test-kit.ts';
import type { EditorHost } from './command.ts';

async function withWeb(editor?: EditorHost) {
  const k = setupKubectl({ files: { 'dep.yaml': deploymentYaml }, editor });
  await k.run('kubectl apply -f dep.yaml');
  return k;
}

describe('kubectl label and annotate', () => {
  it('adds, refuses to overwrite, overwrites, removes', async () => {
    const k = await withWeb();
    expect((await k.run('kubectl label deployment web tier=frontend')).out).toBe('deployment.apps/web labeled\n');
    expect(await k.run('kubectl label deployment web tier=backend')).toEqual({ status: 1, out: '', err: "error: 'tier' already has a value (frontend), and --overwrite is false\n" });
    expect((await k.run('kubectl label deployment web tier=backend --overwrite')).out).toBe('deployment.apps/web labeled\n');
    expect((await k.run('kubectl label deployment web tier=backend')).out).toBe('deployment.apps/web not labeled\n');
    expect((await k.run('kubectl label deployment web tier-')).out).toBe('deployment.apps/web unlabeled\n');
    expect((await k.run('kubectl label deployment web')).err).toBe("error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n");
    expect((await k.run('kubectl annotate deploy/web note=hi')).out).toBe('deployment.apps/web annotated\n');
    expect((await k.run('kubectl annotate deploy/web note=bye')).err).toBe("error: 'note' already has a value (hi), and --overwrite is false\n");
    expect((await k.run("kubectl get deploy web -o jsonpath='{.metadata.labels} {.metadata.annotations.note}'")).out).toBe('{"app":"web"} hi');
  });

  it('labels everything a selector or --all picks', async () => {
    const k = setupKubectl();
    await k.run('kubectl create cm a');
    await k.run('kubectl create cm b');
    const out = (await k.run('kubectl label cm --all team=blue')).out;
    expect(out).toContain('configmap/a labeled\nconfigmap/b labeled\n');
    expect((await k.run('kubectl get cm -l team=blue -o name')).out).toContain('configmap/a\nconfigmap/b\n');
  });
});

describe('kubectl patch', () => {
  it('strategic, merge and json patches; "no change"', async () => {
    const k = await withWeb();
    expect((await k.run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`)).out).toBe('deployment.apps/web patched\n');
    expect((await k.run(`kubectl patch deployment web --type=merge -p '{"spec":{"replicas":4}}'`)).out).toBe('deployment.apps/web patched\n');
    expect((await k.run(`kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`)).out).toBe(
      'deployment.apps/web patched (no change)\n',
    );
    expect((await k.run(`kubectl patch deployment web -p 'spec: {replicas: 2}'`)).out).toBe('deployment.apps/web patched\n');
    expect((await k.run('kubectl patch deployment web --type=xml -p x')).err).toBe('error: --type must be one of [json merge strategic], not "xml"\n');
    expect((await k.run('kubectl patch deployment nope -p {}')).err).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe('kubectl replace', () => {
  it('puts the whole object, and reports a missing one with its file', async () => {
    const k = await withWeb();
    const replaced = deploymentYaml.replace('replicas: 2', 'replicas: 6');
    k.fs.writeFile(`${k.fs.home}/r.yaml`, replaced);
    expect((await k.run('kubectl replace -f r.yaml')).out).toBe('deployment.apps/web replaced\n');
    expect((await k.run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).out).toBe('6');
    k.fs.writeFile(`${k.fs.home}/other.yaml`, replaced.replace('name: web', 'name: other'));
    expect((await k.run('kubectl replace -f other.yaml')).err).toBe('Error from server (NotFound): error when replacing "other.yaml": deployments.apps "other" not found\n');
  });
});

describe('kubectl edit', () => {
  it('sends what the editor changed', async () => {
    const opened: string[] = [];
    const k = await withWeb({
      async edit(path) {
        opened.push(k.fs.readFile(path));
        k.fs.writeFile(path, k.fs.readFile(path).replace('replicas: 2', 'replicas: 5'));
        return true;
      },
    });
    expect(await k.run('kubectl edit deployment web')).toEqual({ status: 0, out: 'deployment.apps/web edited\n', err: '' });
    expect(opened[0]!.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n")).toBe(true);
    expect((await k.run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).out).toBe('5');
  });

  it('cancels when nothing changed or the editor was closed', async () => {
    const k = await withWeb({ edit: async () => true });
    expect(await k.run('kubectl edit deploy/web')).toEqual({ status: 0, out: 'Edit cancelled, no changes made.\n', err: '' });
  });

  it('reopens an invalid edit with the reasons on top, and gives up when saved unchanged', async () => {
    const seen: string[] = [];
    let k!: Awaited<ReturnType<typeof withWeb>>;
    k = await withWeb({
      async edit(path) {
        const text = k.fs.readFile(path);
        seen.push(text);
        if (seen.length === 1) k.fs.writeFile(path, text.replace('replicas: 2', 'replicas: -1'));
        return true;
      },
    });
    const r = await k.run('kubectl edit deployment web');
    expect(seen[1]!.split('\n').slice(4, 7)).toEqual(['# deployments.apps "web" was not valid:', '# * spec.replicas: Invalid value: -1: must be greater than or equal to 0', '#']);
    expect(r).toEqual({ status: 1, out: '', err: 'A copy of your changes has been stored to "/tmp/kubectl-edit-' + r.err.split('kubectl-edit-')[1]!.split('"')[0] + '"\nerror: Edit cancelled, no valid changes were saved.\n' });
  });
});
