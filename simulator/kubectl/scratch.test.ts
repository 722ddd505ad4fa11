import { test } from 'vitest';
import { setupKubectl } from './test-kit.ts';
test('scratch', async () => {
  const k = setupKubectl();
  k.cluster.advance(65_000);
  for (const line of ['kubectl get pods -A', 'kubectl get nodes -o wide', 'kubectl get svc,deploy -A', 'kubectl -n kube-system get po/etcd-wheelhouse-control-plane pod/nope', 'kubectl get all -n kube-system', 'kubectl get foos', 'kubectl get pods', 'kubectl get ns default -o yaml', 'kubectl get pods -n kube-system -o jsonpath={.items[*].metadata.name}', 'kubectl get pods -n kube-system -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.spec.nodeName', 'kubectl version', 'kubectl cluster-info', 'kubectl api-resources', 'kubectl get pods --foo', 'kubectl get pods -z', 'kubectl get pods -n', 'kubectl gte pods', 'kubectl config get-contexts', 'kubectl config set-context --current --namespace=kube-system', 'kubectl get deploy', 'kubectl config view']) {
    const r = await k.run(line);
    console.log(`$ ${line}  [${r.status}]\n${r.out}${r.err ? '--stderr--\n' + r.err : ''}`);
  }
});
