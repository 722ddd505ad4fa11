import { beforeEach, describe, expect, it } from 'vitest';
import { runningPod } from './fixtures.ts';
import { setupKubectl } from './test-kit.ts';

let k: ReturnType<typeof setupKubectl>;
beforeEach(() => {
  k = setupKubectl();
  runningPod(k.cluster, 'nginx', { labels: { app: 'nginx', tier: 'web' }, ip: '10.244.1.5' });
  runningPod(k.cluster, 'busy', { image: 'nginx:1.27', ip: '10.244.2.7', node: 'wheelhouse-worker2' });
  k.cluster.advance(5_000);
});

describe('kubectl get tables', () => {
  it('lists pods in the current namespace', async () => {
    const r = await k.run('kubectl get pods');
    expect(r).toEqual({
      status: 0,
      err: '',
      out: 'NAME    READY   STATUS    RESTARTS   AGE\nbusy    1/1     Running   0          5s\nnginx   1/1     Running   0          5s\n',
    });
  });

  it('-o wide, --show-labels, -L and -l', async () => {
    expect((await k.run('kubectl get pods -o wide')).out).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE                 NOMINATED NODE   READINESS GATES\n' +
        'busy    1/1     Running   0          5s    10.244.2.7   wheelhouse-worker2   <none>           <none>\n' +
        'nginx   1/1     Running   0          5s    10.244.1.5   wheelhouse-worker    <none>           <none>\n',
    );
    expect((await k.run('kubectl get pods --show-labels')).out).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   LABELS\nbusy    1/1     Running   0          5s    run=busy\nnginx   1/1     Running   0          5s    app=nginx,tier=web\n',
    );
    expect((await k.run('kubectl get pods -L run')).out).toBe('NAME    READY   STATUS    RESTARTS   AGE   RUN\nbusy    1/1     Running   0          5s    busy\nnginx   1/1     Running   0          5s    \n');
    expect((await k.run('kubectl get pods -l app=nginx --no-headers')).out).toBe('nginx   1/1   Running   0     5s\n');
  });

  it('-A adds NAMESPACE; --field-selector filters on the server', async () => {
    const r = await k.run('kubectl get pods -A --field-selector=spec.nodeName=wheelhouse-worker2');
    expect(r.out).toBe(
      'NAMESPACE     NAME               READY   STATUS    RESTARTS   AGE\n' +
        'default       busy               1/1     Running   0          5s\n' +
        'kube-system   kindnet-wfk62      1/1     Running   0          5s\n' +
        'kube-system   kube-proxy-l4k69   1/1     Running   0          5s\n',
    );
  });

  it('several types get kind/ prefixes and a blank line between tables', async () => {
    const r = await k.run('kubectl get pods,services');
    expect(r.out).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\npod/busy    1/1     Running   0          5s\npod/nginx   1/1     Running   0          5s\n\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5s\n',
    );
  });

  it('reports a missing name after the objects that exist, with status 1', async () => {
    const r = await k.run('kubectl get pod nginx nope');
    expect(r).toEqual({ status: 1, out: 'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          5s\n', err: 'Error from server (NotFound): pods "nope" not found\n' });
    expect(await k.run('kubectl get pod nope --ignore-not-found')).toEqual({ status: 0, out: '', err: '' });
  });

  it('says when nothing was found, on stderr', async () => {
    expect(await k.run('kubectl get deployments')).toEqual({ status: 0, out: '', err: 'No resources found in default namespace.\n' });
    expect(await k.run('kubectl get cm -n nosuchns')).toEqual({ status: 0, out: '', err: 'No resources found in nosuchns namespace.\n' });
    expect(await k.run('kubectl get pvc -A')).toEqual({ status: 0, out: '', err: 'No resources found\n' });
  });

  it('sorts by a JSONPath field', async () => {
    expect((await k.run('kubectl get pods --sort-by=.status.podIP -o name')).out).toBe('pod/nginx\npod/busy\n');
    expect((await k.run('kubectl get pods --sort-by=.metadata.name -o name')).out).toBe('pod/busy\npod/nginx\n');
    expect((await k.run('kubectl get pods --sort-by=.nope')).err).toBe('error: couldn\'t find any field with path "{.nope}" in the list of objects\n');
  });

  it('gets cluster-scoped objects and TYPE/NAME forms', async () => {
    expect((await k.run('kubectl get no/wheelhouse-worker ns/default')).out).toBe(
      'NAME                     STATUS   ROLES    AGE   VERSION\nnode/wheelhouse-worker   Ready    <none>   5s    v1.32.2\n\nNAME                STATUS   AGE\nnamespace/default   Active   5s\n',
    );
  });

  it('get all lists the workload kinds by category', async () => {
    const r = await k.run('kubectl get all -n kube-system');
    expect(r.out.split('\n\n').map((block) => block.split('\n')[1]!.split(' ')[0])).toEqual([
      'pod/coredns-5db4bcc8c9-sglps',
      'service/kube-dns',
      'daemonset.apps/kindnet',
      'deployment.apps/coredns',
      'replicaset.apps/coredns-5db4bcc8c9',
    ]);
  });
});

describe('kubectl get -o', () => {
  it('name', async () => {
    expect((await k.run('kubectl get pods,svc -o name')).out).toBe('pod/busy\npod/nginx\nservice/kubernetes\n');
  });

  it('yaml of one named object, without managedFields', async () => {
    const r = await k.run('kubectl get ns default -o yaml');
    expect(r.out).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n  labels:\n    kubernetes.io/metadata.name: default\n  name: default\n' +
        `  resourceVersion: "1"\n  uid: ${k.cluster.client.get({ resource: 'namespaces' }, undefined, 'default').metadata.uid}\nspec:\n  finalizers:\n  - kubernetes\nstatus:\n  phase: Active\n`,
    );
  });

  it('a List around several objects', async () => {
    const r = await k.run('kubectl get pods -l app=nginx -o yaml');
    expect(r.out.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(r.out.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expect((await k.run('kubectl get deploy -o json')).out).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });

  it('jsonpath, with range and filters', async () => {
    expect((await k.run("kubectl get pods -o jsonpath='{.items[*].metadata.name}'")).out).toBe('busy nginx');
    expect((await k.run(`kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'`)).out).toBe(
      'busy\t10.244.2.7\nnginx\t10.244.1.5\n',
    );
    expect((await k.run(`kubectl get pod nginx -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'`)).out).toBe('True');
  });

  it('custom-columns', async () => {
    expect((await k.run('kubectl get pods -o custom-columns=NAME:.metadata.name,IMG:.spec.containers[0].image,X:.nope')).out).toBe(
      'NAME    IMG          X\nbusy    nginx:1.27   <none>\nnginx   nginx        <none>\n',
    );
  });

  it('custom-columns and jsonpath read annotation keys with escaped dots', async () => {
    expect((await k.run("kubectl annotate pod nginx kubectl.kubernetes.io/restartedAt=2025-01-01T00:00:00Z")).err).toBe("");
    expect((await k.run('kubectl get pods -o \'custom-columns=NAME:.metadata.name,RESTARTED:.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt\'')).out).toBe(
      'NAME    RESTARTED\nbusy    <none>\nnginx   2025-01-01T00:00:00Z\n',
    );
    expect((await k.run("kubectl get pod nginx -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}'")).out).toBe('2025-01-01T00:00:00Z');
  });

  it('rejects unknown and unavailable formats plainly', async () => {
    expect((await k.run('kubectl get pods -o foo')).err).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect((await k.run("kubectl get pods -o go-template='{{.}}'")).err).toBe(
      'error: go-template output is not available in the in-browser terminal; use -o jsonpath=… or -o custom-columns=… instead\n',
    );
  });
});

describe('kubectl get errors', () => {
  it('unknown types, missing type, bad TYPE/NAME forms', async () => {
    expect(await k.run('kubectl get foos')).toEqual({ status: 1, out: '', err: 'error: the server doesn\'t have a resource type "foos"\n' });
    expect((await k.run('kubectl get')).err).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
    expect((await k.run('kubectl get pods,svc web')).err).toBe('error: you must specify only one resource\n');
    expect((await k.run('kubectl get pods po/web')).err).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
    expect((await k.run('kubectl get pod web -l app=web')).err).toBe('error: name cannot be provided when a selector is specified\n');
  });

  it('flag errors point at the command help', async () => {
    expect(await k.run('kubectl get pods --foo')).toEqual({ status: 1, out: '', err: "error: unknown flag: --foo\nSee 'kubectl get -h' for help and examples\n" });
    expect((await k.run('kubectl -z get pods')).err).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get -h' for help and examples\n");
    expect((await k.run('kubectl get pods -n')).err).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get -h' for help and examples\n");
  });
});
