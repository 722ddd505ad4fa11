import { describe, expect, it } from 'vitest';
import { deploymentYaml } from './fixtures.ts';
import { setupKubectl } from './test-kit.ts';

describe('kubectl create', () => {
  it('create -f reports each object and each AlreadyExists', async () => {
    const k = setupKubectl({ files: { 'multi.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n' } });
    expect((await k.run('kubectl create -f multi.yaml')).out).toBe('namespace/shop created\nconfigmap/cfg created\n');
    expect(await k.run('kubectl create -f multi.yaml')).toEqual({
      status: 1,
      out: '',
      err: 'Error from server (AlreadyExists): error when creating "multi.yaml": namespaces "shop" already exists\nError from server (AlreadyExists): error when creating "multi.yaml": configmaps "cfg" already exists\n',
    });
  });

  it('deployment --dry-run=client -o yaml prints what kubectl would send', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl create deployment d2 --image=nginx --dry-run=client -o yaml')).out).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: d2
  name: d2
spec:
  replicas: 1
  selector:
    matchLabels:
      app: d2
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: d2
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
    const json = (await k.run('kubectl create deploy api -n shop --image=registry.k8s.io/pause:3.10 --replicas=3 --port=8080 --dry-run=client -o json')).out;
    expect(json.split('\n').slice(0, 6).join('\n')).toBe('{\n    "kind": "Deployment",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "api",\n        "namespace": "shop",');
    expect(JSON.parse(json).spec.template.spec.containers).toEqual([{ name: 'pause', image: 'registry.k8s.io/pause:3.10', ports: [{ containerPort: 8080 }], resources: {} }]);
  });

  it('creates a deployment, and wraps the server error as upstream does', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl create deployment api --image=nginx --replicas=3')).out).toBe('deployment.apps/api created\n');
    expect((await k.run('kubectl create deployment api --image=nginx')).err).toBe('error: failed to create deployment: deployments.apps "api" already exists\n');
    expect((await k.run('kubectl create deployment x')).err).toBe("error: --image is required\nSee 'kubectl create deployment -h' for help and examples\n");
    expect((await k.run('kubectl create deployment --image=nginx')).err).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n");
  });

  it('service clusterip and nodeport', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl create service clusterip svc1 --tcp=80:8080 --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: svc1
  name: svc1
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: svc1
  type: ClusterIP
status:
  loadBalancer: {}
`);
    expect((await k.run('kubectl create service nodeport web --tcp=80:8080')).out).toBe('service/web created\n');
    expect((await k.run("kubectl get svc web -o jsonpath='{.spec.type} {.spec.ports[0].nodePort}'")).out).toMatch(/^NodePort 3\d{4}$/);
    expect((await k.run('kubectl create service clusterip x')).err).toBe('error: at least one tcp port specifier must be provided\n');
  });

  it('configmap from literals, files and env files', async () => {
    const k = setupKubectl({ files: { 'conf/app.properties': 'mode=dev\n', 'conf/log.level': 'debug', 'app.env': '# comment\nA=1\n\nB=two words\n' } });
    expect((await k.run('kubectl create configmap cfg --from-literal=a=b --from-literal=n=2 --from-file=conf -o yaml --dry-run=client')).out).toBe(`apiVersion: v1
data:
  a: b
  app.properties: |
    mode=dev
  log.level: debug
  "n": "2"
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: cfg
`);
    expect((await k.run("kubectl create cm env --from-env-file=app.env -o jsonpath='{.data}' --dry-run=client")).out).toBe('{"A":"1","B":"two words"}');
    expect((await k.run('kubectl create cm bad --from-literal=a=1 --from-literal=a=2')).err).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "bad"\n',
    );
    expect((await k.run("kubectl create cm bad --from-literal='a b=1'")).err).toBe(
      "error: \"a b\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n",
    );
    expect((await k.run('kubectl create cm cfg --from-literal=a=b')).out).toBe('configmap/cfg created\n');
  });

  it('secret generic encodes the bytes in base64', async () => {
    const k = setupKubectl({ files: { 'key.txt': 'päss\n' } });
    expect((await k.run('kubectl create secret generic s1 --from-literal=password=x --from-file=key.txt --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
data:
  key.txt: cMOkc3MK
  password: eA==
kind: Secret
metadata:
  creationTimestamp: null
  name: s1
`);
    expect((await k.run('kubectl create secret generic s1 --from-literal=password=x')).out).toBe('secret/s1 created\n');
    expect((await k.run('kubectl create secret generic s1 --from-literal=password=x')).err).toBe('error: failed to create secret secrets "s1" already exists\n');
  });

  it('job with a command after --, and namespace', async () => {
    const k = setupKubectl();
    expect((await k.run('kubectl create job j1 --image=busybox --dry-run=client -o yaml -- echo hi')).out).toBe(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: j1
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - echo
        - hi
        image: busybox
        name: j1
        resources: {}
      restartPolicy: Never
status: {}
`);
    expect((await k.run('kubectl create namespace team-a')).out).toBe('namespace/team-a created\n');
    expect((await k.run('kubectl create namespace team-a')).err).toBe('Error from server (AlreadyExists): namespaces "team-a" already exists\n');
  });

  it('--save-config lets apply take over without a warning', async () => {
    const k = setupKubectl({ files: { 'dep.yaml': deploymentYaml } });
    expect((await k.run('kubectl create -f dep.yaml --save-config')).out).toBe('deployment.apps/web created\n');
    expect(await k.run('kubectl apply -f dep.yaml')).toEqual({ status: 0, out: 'deployment.apps/web unchanged\n', err: '' });
  });
});
