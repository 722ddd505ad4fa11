import { describe, expect, it } from 'vitest';
import { workloadBed } from './workload-test-kit.ts';

const twoContainers = `apiVersion: v1
kind: Pod
metadata: {name: duo, labels: {app: duo}}
spec:
  containers:
  - name: a
    image: busybox
    command: ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done']
  - name: b
    image: nginx
`;

const configured = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {GREETING: hello, app.conf: "mode=fast\\n"}
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {password: s3cret}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: busybox
    command: ['sleep', '3600']
    env:
    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
    envFrom: [{configMapRef: {name: settings}}]
    volumeMounts:
    - {name: conf, mountPath: /etc/app}
    - {name: secret, mountPath: /etc/creds, readOnly: true}
  volumes:
  - {name: conf, configMap: {name: settings}}
  - {name: secret, secret: {secretName: creds}}
`;

async function ready(files: Record<string, string>, apply: string, wait: string) {
  const bed = workloadBed({ files });
  expect((await bed.run(`kubectl apply -f ${apply}`)).status).toBe(0);
  const r = await bed.run(`kubectl wait --for=condition=Ready ${wait} --timeout=60s`);
  expect(r.out).toContain('condition met');
  await bed.advance(1_000); // servers take a moment after start to listen and log
  return bed;
}

describe('kubectl logs', () => {
  it('defaults to the first container with upstream\'s note, and reads -c, --tail, --timestamps, --prefix', async () => {
    const bed = await ready({ 'duo.yaml': twoContainers }, 'duo.yaml', 'pod/duo');
    await bed.advance(5_000);
    const plain = await bed.run('kubectl logs duo --tail=2');
    expect(plain.err).toBe('Defaulted container "a" out of: a, b\n');
    expect(plain.out).toMatch(/^tick \d+\ntick \d+\n$/);
    const stamped = await bed.run('kubectl logs duo -c a --tail=1 --timestamps');
    expect(stamped.out).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z tick \d+\n$/);
    expect((await bed.run('kubectl logs duo -c b --tail=1 --prefix')).out).toMatch(/^\[pod\/duo\/b\] .*start worker process/);
    expect((await bed.run('kubectl logs duo -c nope')).err).toBe('error: container nope is not valid for pod duo\n');
    const all = await bed.run('kubectl logs duo --all-containers --tail=1');
    expect(all.out.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('follows new lines on the virtual clock until Ctrl-C', async () => {
    const bed = await ready({ 'duo.yaml': twoContainers }, 'duo.yaml', 'pod/duo');
    const follow = bed.start('kubectl logs -f duo -c a --tail=1');
    await bed.advance(3_000);
    const seen = follow.out().split('\n').filter(Boolean);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const numbers = seen.map((l) => Number(l.split(' ')[1]));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    expect(await follow.stop()).toBe(130);
  });

  it('keeps following a container whose oldest lines have rotated away', async () => {
    const bed = workloadBed();
    await bed.run(`kubectl run chatty --image=busybox -- sh -c 'i=0; while true; do echo "n $i"; i=$((i+1)); sleep 0.01; done'`);
    await bed.advance(150_000, 10_000); // past the 10,000 lines a container keeps
    const follow = bed.start('kubectl logs -f chatty --tail=1');
    await bed.advance(2_000, 250);
    await follow.stop();
    const numbers = follow.out().trim().split('\n').map((l) => Number(l.split(' ')[1]));
    expect(numbers.length).toBeGreaterThan(150);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  });

  it('says when there is no previous container, and picks a pod for deployment/NAME', async () => {
    const bed = await ready({ 'duo.yaml': twoContainers }, 'duo.yaml', 'pod/duo');
    expect((await bed.run('kubectl logs duo -c a --previous')).err).toBe('Error from server (BadRequest): previous terminated container "a" in pod "duo" not found\n');
    await bed.run('kubectl create deployment web --image=nginx --replicas=2');
    await bed.run('kubectl rollout status deployment/web');
    await bed.advance(1_000);
    const r = await bed.run('kubectl logs deployment/web --tail=1');
    expect(r.err).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(r.out).toContain('start worker process');
  });

  it('shows the previous instance after a container was killed', async () => {
    const bed = await ready({ 'duo.yaml': twoContainers }, 'duo.yaml', 'pod/duo');
    await bed.advance(3_000);
    expect((await bed.run('sim container kill duo -c a')).out).toBe('container a in pod default/duo killed (exit code 137)\n');
    await bed.advance(15_000);
    const previous = await bed.run('kubectl logs duo -c a --previous --tail=1');
    expect(previous.status).toBe(0);
    expect(previous.out).toMatch(/^tick \d+\n$/);
  });
});

describe('kubectl exec', () => {
  it('sees env from the spec, ConfigMap and Secret files, the token and resolv.conf', async () => {
    const bed = await ready({ 'app.yaml': configured }, 'app.yaml', 'pod/app');
    expect((await bed.run('kubectl exec app -- printenv GREETING PASSWORD')).out).toBe('hello\ns3cret\n');
    expect((await bed.run('kubectl exec app -- cat /etc/app/app.conf /etc/creds/password')).out).toBe('mode=fast\ns3cret');
    expect((await bed.run('kubectl exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount')).out).toBe('ca.crt\nnamespace\ntoken\n');
    expect((await bed.run('kubectl exec app -- cat /etc/resolv.conf')).out).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect((await bed.run("kubectl exec app -- sh -c 'echo $KUBERNETES_SERVICE_HOST; exit 3'")).err).toBe('command terminated with exit code 3\n');
  });

  it('has service links for Services that existed when the container started', async () => {
    const bed = workloadBed();
    await bed.run('kubectl create service clusterip catalog --tcp=80:8080');
    await bed.run('kubectl run client --image=busybox -- sleep 3600');
    await bed.run('kubectl wait --for=condition=Ready pod/client');
    const ip = (await bed.run("kubectl get svc catalog -o jsonpath='{.spec.clusterIP}'")).out;
    const env = await bed.run('kubectl exec client -- printenv CATALOG_SERVICE_HOST CATALOG_SERVICE_PORT CATALOG_PORT_80_TCP_ADDR');
    expect(env.out).toBe(`${ip}\n80\n${ip}\n`);
  });

  it('knows which programs each image has', async () => {
    const bed = await ready({ 'duo.yaml': twoContainers }, 'duo.yaml', 'pod/duo');
    const curl = await bed.run('kubectl exec duo -c a -- curl http://localhost');
    expect(curl.out).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n');
    expect(curl.err).toBe('command terminated with exit code 126\n');
    expect(curl.status).toBe(126);
    expect((await bed.run('kubectl exec duo -c b -- curl -s http://localhost')).out).toContain('<title>Welcome to nginx!</title>');
    expect((await bed.run('kubectl exec duo -c a -- wget -qO- http://localhost')).out).toContain('Welcome to nginx!');
    expect((await bed.run('kubectl exec duo -c b -- wget -qO- localhost')).status).toBe(126);
    const coredns = (await bed.run('kubectl get pods -n kube-system -l k8s-app=kube-dns -o name')).out.split('\n')[0]!;
    const distroless = await bed.run(`kubectl exec -n kube-system ${coredns} -- sh`);
    expect(distroless.out).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown\n');
    expect(distroless.err).toBe('command terminated with exit code 126\n');
  });

  it('reaches Services by name with wget, and reports the failures a learner meets', async () => {
    const bed = await ready({ 'duo.yaml': twoContainers }, 'duo.yaml', 'pod/duo');
    await bed.run('kubectl expose pod duo --name=front --port=80');
    await bed.run('kubectl create service clusterip empty --tcp=80:80');
    await bed.advance(1_000);
    expect((await bed.run('kubectl exec duo -c a -- wget -qO- front')).out).toContain('Welcome to nginx!');
    expect((await bed.run('kubectl exec duo -c a -- wget -qO- catlog')).err).toBe("wget: bad address 'catlog'\ncommand terminated with exit code 1\n");
    const ip = (await bed.run("kubectl get svc empty -o jsonpath='{.spec.clusterIP}'")).out;
    expect((await bed.run('kubectl exec duo -c a -- wget -qO- empty')).err).toBe(`wget: can't connect to remote host (${ip}): Connection refused\ncommand terminated with exit code 1\n`);
    expect((await bed.run('kubectl exec duo -c b -- curl -sS empty')).err).toBe("curl: (7) Failed to connect to empty port 80 after 1 ms: Couldn't connect to server\ncommand terminated with exit code 7\n");
    const ns = await bed.run('kubectl exec duo -c a -- nslookup front.default');
    expect(ns.out).toContain('Name:\tfront.default.svc.cluster.local\n');
    expect((await bed.run('kubectl exec duo -- ls')).err).toBe('Defaulted container "a" out of: a, b\n');
    expect((await bed.run('kubectl exec duo ls')).err).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    expect((await bed.run('kubectl exec duo')).err).toBe('error: you must specify at least one command for the container\n');
  });

  it('runs an interactive shell over piped stdin, and ends it at end of input', async () => {
    const bed = await ready({ 'app.yaml': configured }, 'app.yaml', 'pod/app');
    const piped = await bed.run('kubectl exec -i app -- sh', { stdin: 'cd /etc/app\npwd\nexit 4\necho never\n' });
    expect(piped.out).toBe('/etc/app\n');
    expect(piped.status).toBe(4);
    const ended = await bed.run('kubectl exec -it app -- sh');
    expect(ended).toMatchObject({ status: 0, err: '' });
  });
});

describe('kubectl run, expose, events, wait', () => {
  it('prints the Pod it would create, and creates it', async () => {
    const bed = workloadBed();
    const dry = await bed.run('kubectl run web --image=nginx --port=80 --labels=app=web --dry-run=client -o yaml');
    expect(dry.out).toContain('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\n');
    expect(dry.out).toContain('    ports:\n    - containerPort: 80\n');
    expect((await bed.run('kubectl run web --image=nginx')).out).toBe('pod/web created\n');
    expect((await bed.run('kubectl run x')).err).toBe("error: --image is required\nSee 'kubectl run -h' for help and examples\n");
    expect((await bed.run('kubectl run t --image=busybox --rm')).err).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    const once = await bed.run('kubectl run once --rm -i --restart=Never --image=busybox -- echo hi');
    expect(once.out).toBe('hi\npod "once" deleted\n');
  });

  it('exposes a Deployment with its selector and ports', async () => {
    const bed = workloadBed();
    await bed.run('kubectl create deployment web --image=nginx --port=80');
    expect((await bed.run('kubectl expose deployment web --port=8080 --target-port=80 --type=NodePort')).out).toBe('service/web exposed\n');
    const svc = await bed.run('kubectl get svc web -o yaml');
    expect(svc.out).toContain('  selector:\n    app: web\n');
    expect(svc.out).toContain('    port: 8080\n');
    expect(svc.out).toContain('  type: NodePort\n');
    expect((await bed.run('kubectl expose deployment nope --port=80')).err).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('streams new events with -w until Ctrl-C', async () => {
    const bed = workloadBed();
    const watch = bed.start('kubectl events -w');
    await bed.advance(500);
    await bed.run('kubectl run web --image=nginx');
    await bed.advance(5_000);
    expect(await watch.stop()).toBe(130);
    expect(watch.out()).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    expect(watch.out()).toMatch(/Normal\s+Started\s+Pod\/web\s+Started container web\n/);
  });

  it('lists events oldest first, filters them, and waits for conditions and deletion', async () => {
    const bed = workloadBed();
    await bed.run('kubectl run web --image=nginx');
    await bed.run('sim image break nginx:9.9');
    await bed.run('kubectl run broken --image=nginx:9.9');
    await bed.advance(10_000);
    const events = await bed.run('kubectl events');
    expect(events.out.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(events.out).toMatch(/Normal\s+Scheduled\s+Pod\/web\s+Successfully assigned default\/web to /);
    const warnings = await bed.run('kubectl events --types=Warning --for pod/broken');
    expect(warnings.out).toMatch(/Warning\s+Failed\s+Pod\/broken\s+/);
    expect(warnings.out).not.toContain('Pod/web');
    expect((await bed.run("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web")).out).toBe('pod/web condition met\n');
    const timeout = await bed.run('kubectl wait --for=condition=Ready pod/broken --timeout=3s');
    expect(timeout.err).toBe('error: timed out waiting for the condition on pods/broken\n');
    await bed.run('kubectl delete pod web --wait=false');
    expect((await bed.run('kubectl wait --for=delete pod/web --timeout=60s')).out).toBe('pod/web condition met\n');
  });
});
