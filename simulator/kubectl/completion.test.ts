import { describe, expect, it } from 'vitest';
import { setupKubectl } from './test-kit.ts';

function complete(k: ReturnType<typeof setupKubectl>, line: string) {
  const words = line.split(' ');
  const current = words.pop()!;
  const result = k.kubectl.complete!({ words, current, cwd: '/home/learner', env: {} });
  return result?.map((c) => c.value);
}

describe('kubectl completion', () => {
  it('completes subcommands, nested subcommands and flags', () => {
    const k = setupKubectl();
    expect(complete(k, 'kubectl ge')).toEqual(['get']);
    expect(complete(k, 'kubectl create dep')).toEqual(['deployment']);
    expect(complete(k, 'kubectl config use')).toEqual(['use-context']);
    expect(complete(k, 'kubectl get --sh')).toEqual(['--show-kind', '--show-labels', '--show-managed-fields']);
    expect(complete(k, 'kubectl get --sel')).toEqual(['--selector=']);
  });

  it('completes resource types and object names from the cluster', () => {
    const k = setupKubectl();
    expect(complete(k, 'kubectl get dep')).toEqual(['deployments']);
    expect(complete(k, 'kubectl -n kube-system get deployments ')).toEqual(['coredns']);
    expect(complete(k, 'kubectl describe pods -n kube-system etcd')).toEqual(['etcd-wheelhouse-control-plane']);
    expect(complete(k, 'kubectl delete ns/kube-')).toEqual(['ns/kube-node-lease', 'ns/kube-public', 'ns/kube-system']);
  });

  it('completes -n, -o and context values; -f is left to file completion', () => {
    const k = setupKubectl();
    expect(complete(k, 'kubectl get pods -n kube-')).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect(complete(k, 'kubectl get pods -o ya')).toEqual(['yaml']);
    expect(complete(k, 'kubectl config use-context ')).toEqual(['kind-wheelhouse']);
    expect(complete(k, 'kubectl apply -f ')).toBeUndefined();
  });
});
