import { describe, expect, it } from 'vitest';
import { setupKubectl } from './test-kit.ts';

describe('kubectl version, cluster-info, api-resources', () => {
  it('version', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl version')).out).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    expect((await k.run('kubectl version --client')).out).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\n');
    expect(JSON.parse((await k.run('kubectl version -o json')).out).serverVersion.minor).toBe('32');
  });

  it('cluster-info names the control plane and CoreDNS', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl cluster-info')).out).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:6443\nCoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use \'kubectl cluster-info dump\'.\n',
    );
  });

  it('api-resources: columns, sorting and filters', async () => {
    const k = setupKubectl();
    const lines = (await k.run('kubectl api-resources')).out.split('\n');
    expect(lines[0]).toBe('NAME                       SHORTNAMES   APIVERSION                     NAMESPACED   KIND');
    expect(lines[1]).toBe('configmaps                 cm           v1                             true         ConfigMap');
    expect(lines.find((l) => l.startsWith('deployments'))).toBe('deployments                deploy       apps/v1                        true         Deployment');
    expect((await k.run('kubectl api-resources --api-group=apps --namespaced=true -o name')).out).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    );
    expect((await k.run('kubectl api-resources --namespaced=false --no-headers')).out.split('\n')[0]).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/);
    const wide = (await k.run('kubectl api-resources -o wide --api-group=apps')).out.split('\n');
    expect(wide[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\s+VERBS\s+CATEGORIES$/);
    expect(wide.find((l) => l.startsWith('deployments'))).toMatch(/create,delete,deletecollection,get,list,patch,update,watch\s+all$/);
    expect((await k.run('kubectl api-resources --sort-by=age')).err).toBe('error: --sort-by accepts only name or kind\n');
  });
});

describe('kubectl config', () => {
  it('changes the namespace of the current context and get uses it', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl config current-context')).out).toBe('kind-wheelhouse\n');
    expect((await k.run('kubectl config set-context --current --namespace=kube-system')).out).toBe('Context "kind-wheelhouse" modified.\n');
    expect((await k.run('kubectl config get-contexts')).out).toBe(
      'CURRENT   NAME              CLUSTER           AUTHINFO          NAMESPACE\n*         kind-wheelhouse   kind-wheelhouse   kind-wheelhouse   kube-system\n',
    );
    expect((await k.run('kubectl get deploy -o name')).out).toBe('deployment.apps/coredns\n');
    expect(k.kubeconfig.toJSON().contexts[0]!.namespace).toBe('kube-system');
    expect((await k.run("kubectl config view -o jsonpath='{.contexts[0].context.namespace}'")).out).toBe('kube-system');
  });

  it('creates and switches contexts; unknown names fail like kubectl', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl config set-context dev --cluster=kind-wheelhouse --user=kind-wheelhouse --namespace=dev')).out).toBe('Context "dev" created.\n');
    expect((await k.run('kubectl config use-context dev')).out).toBe('Switched to context "dev".\n');
    expect((await k.run('kubectl config use-context nope')).err).toBe('error: no context exists with the name: "nope"\n');
    expect((await k.run('kubectl get pods --context=nope')).err).toBe('Error in configuration: context was not found for specified context: nope\n');
    expect((await k.run('kubectl config set-context')).err).toBe('error: you must specify a non-empty context name or --current\n');
    expect((await k.run('kubectl config frobnicate')).err).toBe('error: unknown command "frobnicate" for "kubectl config"\n');
  });

  it('view prints the kubeconfig without credentials', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl config view')).out).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kind-wheelhouse
contexts:
- context:
    cluster: kind-wheelhouse
    user: kind-wheelhouse
  name: kind-wheelhouse
current-context: kind-wheelhouse
kind: Config
preferences: {}
users:
- name: kind-wheelhouse
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
  });
});

describe('help, unknown commands, explain', () => {
  it('kubectl with no arguments and --help list the command groups', async () => {
    const k = setupKubectl();
    const help = (await k.run('kubectl')).out;
    expect(help).toBe((await k.run('kubectl --help')).out);
    expect(help.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n')).toBe(true);
    expect(help.endsWith('Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
  });

  it('<command> --help has the upstream sections', async () => {
    const k = setupKubectl();
    const help = (await k.run('kubectl label -h')).out;
    const sections = help.split('\n').filter((l) => /^[A-Z][a-z]+( [A-Z][a-z]+)?:$/.test(l));
    expect(sections).toEqual(['Examples:', 'Options:', 'Usage:']);
    expect(help).toContain('\n    --overwrite=false:\n\tIf true, allow labels to be overwritten');
    expect(help).toContain("\n    -l, --selector='':\n\t");
    expect(help).toContain('Usage:\n  kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [flags] [options]\n\nUse "kubectl options"');
    const config = (await k.run('kubectl config --help')).out;
    expect(config).toContain('Available Commands:\n  current-context   Show the current context\n');
    expect(config).toContain('Use "kubectl config <command> --help" for more information about a given command.\n');
  });

  it('unknown commands suggest close names', async () => {
    const k = setupKubectl();
    expect(await k.run('kubectl gte pods')).toEqual({ status: 1, out: '', err: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n' });
    expect((await k.run('kubectl frobnicate')).err).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  it('explain documents kinds and fields (see explain.test.ts)', async () => {
    const k = setupKubectl();
    expect(await k.run('kubectl explain pods')).toMatchObject({ status: 0, err: '' });
  });

  it('--kubeconfig is accepted and says what it means here', async () => {
    const k = setupKubectl();
    const r = await k.run('kubectl get ns default -o name --kubeconfig=/tmp/other');
    expect(r.out).toBe('namespace/default\n');
    expect(r.err).toBe('Warning: --kubeconfig is ignored in the in-browser terminal: it has one built-in kubeconfig (see "kubectl config view")\n');
  });
});
