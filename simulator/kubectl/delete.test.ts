import { describe, expect, it } from 'vitest';
import { runningPod } from './fixtures.ts';
import { flush, setupKubectl } from './test-kit.ts';

describe('kubectl delete', () => {
  it('prints each object as the API accepts it, and NotFound for the rest', async () => {
    const k = setupKubectl();
    await k.run('kubectl create cm a --from-literal=x=1');
    await k.run('kubectl create cm b --from-literal=x=1');
    expect(await k.run('kubectl delete cm a nope b')).toEqual({
      status: 1,
      out: 'configmap "a" deleted\nconfigmap "b" deleted\n',
      err: 'Error from server (NotFound): configmaps "nope" not found\n',
    });
    expect(await k.run('kubectl delete cm nope --ignore-not-found')).toEqual({ status: 0, out: '', err: '' });
  });

  it('waits on the virtual clock until a pod has finished terminating', async () => {
    const k = setupKubectl();
    runningPod(k.cluster, 'web', { labels: { app: 'web' } });
    const run = k.start('kubectl delete pod web');
    await flush();
    expect(run.out()).toBe('pod "web" deleted\n');
    let finished = false;
    void run.done.then(() => (finished = true));
    await flush();
    const still = k.cluster.client.list({ resource: 'pods' }, { namespace: 'default', fieldSelector: 'metadata.name=web' }).items;
    if (still.length) {
      expect(finished).toBe(false);
      expect(still[0]!.metadata.deletionTimestamp).toBeDefined();
      // The kubelet (or its stand-in here) ends the grace period.
      k.cluster.advance(31_000);
      if (k.cluster.client.list({ resource: 'pods' }, { namespace: 'default', fieldSelector: 'metadata.name=web' }).items.length) {
        k.cluster.client.delete({ resource: 'pods' }, 'default', 'web', { gracePeriodSeconds: 0 });
      }
    }
    expect(await run.done).toBe(0);
    expect(run.err()).toBe('');
  });

  it('--timeout gives up with upstream\'s message', async () => {
    const k = setupKubectl();
    await k.run("kubectl apply -f - ", 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers:\n  - example.com/hold\n');
    const run = k.start('kubectl delete cm held --timeout=5s');
    await flush();
    k.cluster.advance(6_000);
    expect(await run.done).toBe(1);
    expect(run.out()).toBe('configmap "held" deleted\n');
    expect(run.err()).toBe('error: timed out waiting for the condition on configmaps/held\n');
  });

  it('--force --grace-period=0 warns and removes at once; -o name; -l; --all', async () => {
    const k = setupKubectl();
    runningPod(k.cluster, 'p1');
    runningPod(k.cluster, 'p2', { labels: { app: 'x' } });
    runningPod(k.cluster, 'p3', { labels: { app: 'x' } });
    expect(await k.run('kubectl delete pod p1 --grace-period=0 --force')).toEqual({
      status: 0,
      out: 'pod "p1" force deleted\n',
      err: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    });
    expect((await k.run('kubectl delete pods -l app=x --wait=false -o name')).out).toBe('pod/p2\npod/p3\n');
    expect((await k.run('kubectl delete deploy -l app=none')).out).toBe('No resources found\n');
    expect((await k.run('kubectl delete pods')).err).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await k.run('kubectl delete pod x --cascade=sideways')).err).toBe('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n');
    expect((await k.run('kubectl delete pod x --now --grace-period=3')).err).toBe('error: --now and --grace-period cannot be specified together\n');
  });

  it('-f deletes what the files name', async () => {
    const k = setupKubectl({ files: { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n' } });
    await k.run('kubectl create cm cfg');
    expect(await k.run('kubectl delete -f cm.yaml')).toEqual({
      status: 1,
      out: 'configmap "cfg" deleted\n',
      err: 'Error from server (NotFound): error when deleting "cm.yaml": configmaps "gone" not found\n',
    });
  });
});
