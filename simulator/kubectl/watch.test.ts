import { describe, expect, it } from 'vitest';
import { runningPod } from './fixtures.ts';
import { flush, setupKubectl } from './test-kit.ts';

describe('kubectl get --watch', () => {
  it('prints the table, then a row per change until Ctrl-C', async () => {
    const k = setupKubectl();
    runningPod(k.cluster, 'web');
    k.cluster.advance(10_000);
    const watch = k.start('kubectl get pods -w');
    await flush();
    expect(watch.out()).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n');
    k.cluster.advance(2_000);
    k.cluster.client.create({ resource: 'pods' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await flush();
    expect(watch.out().split('\n')[2]).toMatch(/^api\s+0\/1\s+\S+\s+0\s+0s$/);
    expect(await watch.stop()).toBe(130);
  });

  it('--watch-only with --output-watch-events prints only changes, with EVENT', async () => {
    const k = setupKubectl();
    runningPod(k.cluster, 'web');
    const watch = k.start('kubectl get pods --watch-only --output-watch-events');
    await flush();
    expect(watch.out()).toBe('');
    k.cluster.client.delete({ resource: 'pods' }, 'default', 'web', { gracePeriodSeconds: 0 });
    await flush();
    const lines = watch.out().split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.slice(1).every((l) => /^(MODIFIED|DELETED)\s+web\s/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^DELETED /);
    await watch.stop();
  });

  it('-o name streams names; a missing object ends the watch at once', async () => {
    const k = setupKubectl();
    runningPod(k.cluster, 'web');
    const watch = k.start('kubectl get pod web -w -o name');
    await flush();
    k.cluster.client.patch({ resource: 'pods' }, 'default', 'web', 'merge', { metadata: { labels: { x: 'y' } } });
    await flush();
    expect(watch.out()).toBe('pod/web\npod/web\n');
    await watch.stop();
    expect(await k.run('kubectl get pod nope -w')).toEqual({ status: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' });
    expect((await k.run('kubectl get pods,svc -w')).err).toBe('error: watch is only supported on individual resources and resource collections, but 2 resources were found\n');
  });
});
