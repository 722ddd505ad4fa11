import { describe, expect, it } from 'vitest';
import { deploymentYaml } from './fixtures.ts';
import { setupKubectl } from './test-kit.ts';
import { threeWayStrategicPatch } from './three-way-patch.ts';
import { schemaForKind } from '../machinery/patch/patch-schema.ts';

const v2 = deploymentYaml.replace('nginx:1.26', 'nginx:1.27');

describe('kubectl apply', () => {
  it('creates with the last-applied annotation, then configures, then leaves alone', async () => {
    const k = setupKubectl({ files: { 'dep.yaml': deploymentYaml, 'v2.yaml': v2 } });
    expect(await k.run('kubectl apply -f dep.yaml')).toEqual({ status: 0, out: 'deployment.apps/web created\n', err: '' });
    const live = k.cluster.client.get({ group: 'apps', resource: 'deployments' }, 'default', 'web');
    expect(live.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n',
    });
    expect((await k.run('kubectl apply -f dep.yaml')).out).toBe('deployment.apps/web unchanged\n');
    expect((await k.run('kubectl apply -f v2.yaml')).out).toBe('deployment.apps/web configured\n');
    expect((await k.run("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'")).out).toBe('nginx:1.27');
  });

  it('removes what the manifest dropped (three-way), keeps what others added', async () => {
    const withTier = deploymentYaml.replace('  labels:\n    app: web\nspec', '  labels:\n    app: web\n    tier: a\nspec');
    const k = setupKubectl({ files: { 'dep.yaml': withTier, 'less.yaml': deploymentYaml.replace('  replicas: 2\n', '') } });
    await k.run('kubectl apply -f dep.yaml');
    await k.run('kubectl label deploy web team=blue');
    await k.run("kubectl patch deploy web -p '{\"spec\":{\"replicas\":5}}'");
    expect((await k.run('kubectl apply -f less.yaml')).out).toBe('deployment.apps/web configured\n');
    const live = k.cluster.client.get<{ apiVersion: string; kind: string; metadata: { labels?: Record<string, string> }; spec: { replicas: number } }>(
      { group: 'apps', resource: 'deployments' },
      'default',
      'web',
    );
    expect(live.metadata.labels).toEqual({ app: 'web', team: 'blue' });
    expect(live.spec.replicas).toBe(1); // "replicas": null resets it to the default, as upstream
  });

  it('computes the patch upstream sends when list items are removed', () => {
    const original = {
      metadata: { labels: { app: 'x', tier: 'a' } },
      spec: {
        replicas: 2,
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'nginx:1.25', args: ['x', 'y'], env: [{ name: 'FOO', value: '1' }, { name: 'BAR', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
              { name: 'b', image: 'busybox' },
            ],
            volumes: [{ name: 'v1', emptyDir: {} }],
          },
        },
      },
    };
    const modified = {
      metadata: { labels: { app: 'x' } },
      spec: { template: { spec: { containers: [{ name: 'a', image: 'nginx:1.26', args: ['y'], env: [{ name: 'BAR', value: '3' }], ports: [{ containerPort: 80 }] }] } } },
    };
    const patch = threeWayStrategicPatch(original, modified, original, schemaForKind('Deployment'));
    expect(patch).toEqual({
      metadata: { labels: { tier: null } },
      spec: {
        replicas: null,
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'a' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'BAR' }],
                '$setElementOrder/ports': [{ containerPort: 80 }],
                args: ['y'],
                env: [{ name: 'BAR', value: '3' }, { $patch: 'delete', name: 'FOO' }],
                image: 'nginx:1.26',
                name: 'a',
                ports: [{ $patch: 'delete', containerPort: 443 }],
              },
              { $patch: 'delete', name: 'b' },
            ],
            volumes: null,
          },
        },
      },
    });
  });

  it('applies several documents, folders and stdin, reporting each object', async () => {
    const k = setupKubectl({
      files: {
        'app/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\ndata:\n  a: "1"\n',
        'app/nested/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
        'app/readme.txt': 'not a manifest',
      },
    });
    expect((await k.run('kubectl apply -f app')).out).toBe('namespace/shop created\nconfigmap/cfg created\n');
    expect((await k.run('kubectl apply -R -f app')).out).toBe('service/web created\nnamespace/shop unchanged\nconfigmap/cfg unchanged\n');
    expect((await k.run('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-stdin\n')).out).toBe('configmap/from-stdin created\n');
  });

  it('dry runs and server-side apply', async () => {
    const k = setupKubectl({ files: { 'dep.yaml': deploymentYaml } });
    expect((await k.run('kubectl apply -f dep.yaml --dry-run=client')).out).toBe('deployment.apps/web created (dry run)\n');
    expect((await k.run('kubectl apply -f dep.yaml --dry-run=server')).out).toBe('deployment.apps/web created (server dry run)\n');
    expect((await k.run('kubectl get deploy')).err).toBe('No resources found in default namespace.\n');
    expect((await k.run('kubectl apply -f dep.yaml --server-side')).out).toBe('deployment.apps/web serverside-applied\n');
    expect((await k.run('kubectl apply -f dep.yaml --dry-run')).err).toBe('error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".\n');
  });

  it('warns when the live object was not created by apply', async () => {
    const k = setupKubectl({ files: { 'dep.yaml': deploymentYaml } });
    await k.run('kubectl create -f dep.yaml');
    const r = await k.run('kubectl apply -f dep.yaml');
    expect(r.err).toBe(
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.out).toBe('deployment.apps/web configured\n');
  });

  it('reports file problems like kubectl', async () => {
    const k = setupKubectl({
      files: {
        'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nc: d: e\n',
        'tabs.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
        'nokind.yaml': 'metadata:\n  name: x\n',
        'foo.yaml': 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n',
        'ns.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: a\n',
      },
    });
    expect(await k.run('kubectl apply -f bad.yaml')).toEqual({ status: 1, out: '', err: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n' });
    expect((await k.run('kubectl apply -f tabs.yaml')).err).toBe('error: error parsing tabs.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n');
    expect((await k.run('kubectl apply -f nokind.yaml')).err).toBe(
      'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    expect((await k.run('kubectl apply -f foo.yaml')).err).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n',
    );
    expect((await k.run('kubectl apply -f ns.yaml -n b')).err).toBe(
      'error: the namespace from the provided object "a" does not match the namespace "b". You must pass \'--namespace=a\' to perform this operation.\n',
    );
    expect((await k.run('kubectl apply -f missing.yaml')).err).toBe('error: the path "missing.yaml" does not exist\n');
    expect((await k.run('kubectl apply')).err).toBe('error: must specify one of -f and -k\n');
  });

  it('prints server validation errors from their causes', async () => {
    const invalid = deploymentYaml.replace('      labels:\n        app: web\n    spec', '      labels:\n        app: other\n    spec');
    const twoErrors = invalid.replace('        image: nginx:1.26\n', '');
    const k = setupKubectl({ files: { 'one.yaml': invalid, 'two.yaml': twoErrors } });
    expect((await k.run('kubectl apply -f one.yaml')).err).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n',
    );
    expect((await k.run('kubectl create -f two.yaml')).err).toBe(
      'The Deployment "web" is invalid: \n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n* spec.template.spec.containers[0].image: Required value\n',
    );
  });
});
