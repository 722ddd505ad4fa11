// What a learner types across chapters 02–06, end to end: the lab shell, kubectl (core and
// workload commands), curl and sim over one simulated cluster, with the virtual clock moving
// between commands the way a person's pauses would move it. Each step checks the lines a learner
// reads. The Bookstore's images have no behaviour models in the simulator yet, so catalog runs as
// nginx (1.26 → "1.0", 1.27 → "1.5") and the broken "1.6" is nginx:9.9 broken with `sim image break`.
import { describe, expect, it } from 'vitest';
import { workloadBed, type WorkloadBed } from './workload-test-kit.ts';

const catalogRs = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: catalog
  namespace: bookstore
  labels: {app: catalog}
spec:
  replicas: 3
  selector:
    matchLabels: {app: catalog}
  template:
    metadata:
      labels: {app: catalog, tier: backend}
    spec:
      tolerations:
      - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}
      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 30}
      containers:
      - name: catalog
        image: nginx:1.26
        ports: [{containerPort: 80}]
`;

/** The learner reads, then types: a few seconds pass between commands. */
async function type(bed: WorkloadBed, line: string, opts: { stdin?: string; maxMs?: number } = {}) {
  await bed.advance(2_000);
  return bed.run(line, opts);
}

describe('chapters 02–06 as a learner types them', () => {
  it('tours the cluster, heals a ReplicaSet, runs a first Pod and ships a Deployment', { timeout: 60_000 }, async () => {
    const bed = workloadBed();

    // --- 02 From containers to a cluster
    const nodes = await type(bed, 'kubectl get nodes -o wide');
    expect(nodes.out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME$/);
    expect(nodes.out).toMatch(/wheelhouse-control-plane\s+Ready\s+control-plane/);
    expect(nodes.out).toMatch(/wheelhouse-worker2\s+Ready\s+<none>/);
    const system = await type(bed, 'kubectl get pods -n kube-system');
    expect(system.out).toMatch(/coredns-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
    expect(system.out).toMatch(/kube-apiserver-wheelhouse-control-plane\s+1\/1\s+Running/);
    expect((await type(bed, 'kubectl api-resources')).out).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    expect((await type(bed, 'kubectl create namespace bookstore')).out).toBe('namespace/bookstore created\n');
    expect((await type(bed, 'kubectl label node wheelhouse-worker disk=ssd')).out).toBe('node/wheelhouse-worker labeled\n');
    expect((await type(bed, 'kubectl get nodes -l disk=ssd')).out).toMatch(/^NAME.*\nwheelhouse-worker\s+Ready/);

    // --- 03 Reconciliation / 05 ReplicaSets
    expect((await type(bed, 'kubectl apply -f -', { stdin: catalogRs })).out).toBe('replicaset.apps/catalog created\n');
    const rsReady = await type(bed, "kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n bookstore --timeout=120s");
    expect(rsReady.out).toBe('replicaset.apps/catalog condition met\n');
    const before = (await type(bed, 'kubectl get pods -n bookstore -o name')).out.trim().split('\n');
    expect(before).toHaveLength(3);
    const deleted = await type(bed, `kubectl delete pod ${before[0]!.slice('pod/'.length)} -n bookstore`);
    expect(deleted.out).toBe(`pod "${before[0]!.slice('pod/'.length)}" deleted\n`);
    // Watch the replacement appear, briefly, then Ctrl-C.
    const watch = bed.start('kubectl get pods -n bookstore -w');
    await bed.advance(5_000);
    expect(await watch.stop()).toBe(130);
    expect(watch.out().split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    await type(bed, "kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n bookstore --timeout=120s");
    const after = (await type(bed, 'kubectl get pods -n bookstore -o name')).out.trim().split('\n');
    expect(after).toHaveLength(3);
    expect(after).not.toContain(before[0]);
    const healEvents = await type(bed, 'kubectl events -n bookstore --for rs/catalog');
    expect(healEvents.out).toMatch(/Normal\s+SuccessfulCreate\s+ReplicaSet\/catalog\s+Created pod: catalog-/);

    // A node stops; its pods are replaced elsewhere once the 30s toleration runs out.
    expect((await type(bed, 'sim node stop wheelhouse-worker2')).out).toContain('node wheelhouse-worker2 stopped');
    const notReady = await type(bed, 'kubectl wait --for=condition=Ready=Unknown node/wheelhouse-worker2 --timeout=180s', { maxMs: 200_000 });
    expect(notReady.out).toBe('node/wheelhouse-worker2 condition met\n');
    await bed.advance(60_000);
    await type(bed, "kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n bookstore --timeout=180s", { maxMs: 200_000 });
    const spread = await type(bed, 'kubectl get pods -n bookstore -o wide');
    const running = spread.out.split('\n').filter((l) => /\s1\/1\s+Running\s/.test(l));
    expect(running).toHaveLength(3);
    for (const line of running) expect(line).not.toMatch(/wheelhouse-worker2\s/);
    await type(bed, 'sim node start wheelhouse-worker2');
    expect((await type(bed, 'kubectl wait --for=condition=Ready node/wheelhouse-worker2 --timeout=180s', { maxMs: 200_000 })).status).toBe(0);

    // --- 04 kubectl and your first Pod (from a heredoc, as the chapter shows)
    const heredoc = await type(bed, `cat > catalog-pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: catalog
  namespace: bookstore
  labels: {app: catalog-solo, tier: backend}
spec:
  containers:
  - name: catalog
    image: nginx:1.26
    ports: [{containerPort: 80}]
YAML
kubectl apply -f catalog-pod.yaml`);
    expect(heredoc.out).toBe('pod/catalog created\n');
    expect((await type(bed, 'kubectl wait --for=condition=Ready pod/catalog -n bookstore --timeout=120s')).out).toBe('pod/catalog condition met\n');
    const logs = await type(bed, 'kubectl logs catalog -n bookstore');
    expect(logs.out).toContain('Configuration complete; ready for start up');
    await type(bed, 'kubectl run client -n bookstore --image=busybox -- sleep 3600');
    await type(bed, 'kubectl wait --for=condition=Ready pod/client -n bookstore');
    const ip = (await type(bed, "kubectl get pod catalog -n bookstore -o jsonpath='{.status.podIP}'")).out;
    const wget = await type(bed, `kubectl exec client -n bookstore -- wget -qO- http://${ip}/`);
    expect(wget.out).toContain('<h1>Welcome to nginx!</h1>');
    expect((await type(bed, 'kubectl logs catalog -n bookstore --tail=1')).out).toMatch(/^10\.244\.\d+\.\d+ - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"\n$/);
    expect((await type(bed, 'kubectl exec catalog -n bookstore -- hostname')).out).toBe('catalog\n');
    expect((await type(bed, 'kubectl delete pod catalog -n bookstore')).out).toBe('pod "catalog" deleted\n');
    expect((await type(bed, 'kubectl get pod catalog -n bookstore')).err).toBe('Error from server (NotFound): pods "catalog" not found\n');

    // --- 06 Deployments: ship 1.5, ship a broken 1.6, roll back
    await type(bed, 'kubectl delete rs catalog -n bookstore');
    expect((await type(bed, 'kubectl create deployment catalog -n bookstore --image=nginx:1.26 --replicas=3 --port=80')).out).toBe('deployment.apps/catalog created\n');
    const first = await type(bed, 'kubectl rollout status deployment/catalog -n bookstore');
    expect(first.out.trim().split('\n').at(-1)).toBe('deployment "catalog" successfully rolled out');
    expect((await type(bed, 'kubectl expose deployment catalog -n bookstore --port=80')).out).toBe('service/catalog exposed\n');
    expect((await type(bed, 'kubectl exec client -n bookstore -- wget -qO- catalog')).out).toContain('Welcome to nginx!');
    expect((await type(bed, 'kubectl exec client -n bookstore -- wget -qO- catlog')).err).toBe("wget: bad address 'catlog'\ncommand terminated with exit code 1\n");

    expect((await type(bed, 'kubectl set image deployment/catalog nginx=nginx:1.27 -n bookstore')).out).toBe('deployment.apps/catalog image updated\n');
    await type(bed, 'kubectl annotate deployment/catalog -n bookstore kubernetes.io/change-cause="catalog 1.5"');
    const second = await type(bed, 'kubectl rollout status deployment/catalog -n bookstore');
    expect(second.out).toContain('Waiting for deployment "catalog" rollout to finish: ');
    expect(second.out).toContain('deployment "catalog" successfully rolled out\n');

    await type(bed, 'sim image break nginx:9.9');
    await type(bed, 'kubectl set image deployment/catalog nginx=nginx:9.9 -n bookstore');
    await type(bed, 'kubectl annotate deployment/catalog -n bookstore kubernetes.io/change-cause="catalog 1.6" --overwrite');
    const stuck = await type(bed, 'kubectl rollout status deployment/catalog -n bookstore --timeout=20s');
    expect(stuck.out).toContain('Waiting for deployment "catalog" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(stuck.err).toBe('error: timed out waiting for the condition\n');
    const pulling = await type(bed, 'kubectl get pods -n bookstore -l app=catalog');
    expect(pulling.out).toMatch(/catalog-[a-z0-9]+-[a-z0-9]{5}\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    const why = await type(bed, 'kubectl events -n bookstore --types=Warning');
    expect(why.out).toMatch(/Warning\s+Failed\s+Pod\/catalog-.*Failed to pull image "nginx:9\.9"/);

    const history = await type(bed, 'kubectl rollout history deployment/catalog -n bookstore');
    expect(history.out).toBe('deployment.apps/catalog \nREVISION  CHANGE-CAUSE\n1         <none>\n2         catalog 1.5\n3         catalog 1.6\n\n');
    expect((await type(bed, 'kubectl rollout undo deployment/catalog -n bookstore')).out).toBe('deployment.apps/catalog rolled back\n');
    expect((await type(bed, 'kubectl rollout status deployment/catalog -n bookstore')).out).toContain('deployment "catalog" successfully rolled out\n');
    const image = await type(bed, "kubectl get deployment catalog -n bookstore -o jsonpath='{.spec.template.spec.containers[0].image}'");
    expect(image.out).toBe('nginx:1.27');
    expect((await type(bed, 'kubectl rollout history deployment/catalog -n bookstore')).out).toContain('3         catalog 1.6\n4         catalog 1.5\n');

    expect((await type(bed, 'kubectl scale deployment catalog -n bookstore --replicas=5')).out).toBe('deployment.apps/catalog scaled\n');
    await type(bed, 'kubectl rollout status deployment/catalog -n bookstore');
    expect((await type(bed, 'kubectl get deployment catalog -n bookstore')).out).toMatch(/catalog\s+5\/5\s+5\s+5\s/);
    const describe = await type(bed, 'kubectl describe deployment catalog -n bookstore');
    expect(describe.out).toMatch(/Replicas:\s+5 desired \| 5 updated \| 5 total \| 5 available \| 0 unavailable/);
    expect(describe.out).toContain('Image:         nginx:1.27');
    const events = await type(bed, 'kubectl events -n bookstore --for deployment/catalog');
    expect(events.out).toMatch(/Normal\s+ScalingReplicaSet\s+Deployment\/catalog\s+Scaled up replica set catalog-[a-z0-9]+ (from \d+ )?to 5/);
  });
});
