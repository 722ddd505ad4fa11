import { describe, expect, it } from 'vitest';
import { workloadBed } from './workload-test-kit.ts';

describe('cordon, drain and sim', () => {
  it('cordons and uncordons with upstream\'s words', async () => {
    const bed = workloadBed();
    expect((await bed.run('kubectl cordon wheelhouse-worker')).out).toBe('node/wheelhouse-worker cordoned\n');
    expect((await bed.run('kubectl cordon wheelhouse-worker')).out).toBe('node/wheelhouse-worker already cordoned\n');
    expect((await bed.run('kubectl uncordon wheelhouse-worker')).out).toBe('node/wheelhouse-worker uncordoned\n');
    expect((await bed.run('kubectl cordon nope')).err).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });

  it('drain refuses DaemonSet pods without --ignore-daemonsets, then moves a Deployment\'s pods away', async () => {
    const bed = workloadBed();
    await bed.run('kubectl create deployment web --image=nginx --replicas=4');
    await bed.run('kubectl rollout status deployment/web');
    const refused = await bed.run('kubectl drain wheelhouse-worker');
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/^error: unable to drain node "wheelhouse-worker" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kindnet-/);
    const drained = await bed.run('kubectl drain wheelhouse-worker --ignore-daemonsets');
    expect(drained.out).toMatch(/^node\/wheelhouse-worker already cordoned\n(evicting pod default\/web-.*\n)+(pod\/web-.* evicted\n)+node\/wheelhouse-worker drained\n$/);
    await bed.run('kubectl rollout status deployment/web');
    const wide = await bed.run('kubectl get pods -l app=web -o wide');
    expect(wide.out).not.toMatch(/wheelhouse-worker\s/);
  });

  it('sim stops a node, kills containers, breaks images, and explains itself', async () => {
    const bed = workloadBed();
    expect((await bed.run('sim help')).out).toContain('docker stop NODE');
    expect((await bed.run('sim node stop wheelhouse-worker2')).status).toBe(0);
    await bed.advance(60_000);
    expect((await bed.run('kubectl get node wheelhouse-worker2')).out).toMatch(/wheelhouse-worker2\s+NotReady/);
    expect((await bed.run('sim node stop nope')).err).toContain('no node named "nope"');
    expect((await bed.run('sim status')).out).toBe('stopped nodes: wheelhouse-worker2\nbroken images: (none)\n');
    await bed.run('sim node start wheelhouse-worker2');
    await bed.advance(30_000);
    expect((await bed.run('kubectl get node wheelhouse-worker2')).out).toMatch(/wheelhouse-worker2\s+Ready/);
    expect((await bed.run('sim container kill nope')).status).toBe(2);
    expect((await bed.run('sim frobnicate')).err).toBe('sim: unknown command "frobnicate"\nRun \'sim help\' for usage.\n');
  });

  it('top says the Metrics API is missing; port-forward says it is not modelled', async () => {
    const bed = workloadBed();
    const top = await bed.run('kubectl top pods');
    expect([top.err, top.status]).toEqual(['error: Metrics API not available\n', 1]);
    expect((await bed.run('kubectl port-forward svc/web 8080:80')).err).toContain('kubectl port-forward is not modelled in the in-browser terminal.');
  });
});

describe('curl from the learner\'s machine', () => {
  it('reaches a NodePort through localhost:8080 and fails on cluster names with a hint', async () => {
    const bed = workloadBed();
    await bed.run('kubectl create deployment front --image=nginx');
    await bed.run('kubectl rollout status deployment/front');
    await bed.run('kubectl create service nodeport front --tcp=80:80 --node-port=30080');
    await bed.advance(1_000);
    expect((await bed.run('curl -s localhost:8080')).out).toContain('<title>Welcome to nginx!</title>');
    expect((await bed.run('curl -s -o /dev/null -w "%{http_code}" http://172.18.0.3:30080/nope')).out).toBe('404');
    const name = await bed.run('curl catalog.default.svc.cluster.local');
    expect(name.err).toBe('curl: (6) Could not resolve host: catalog.default.svc.cluster.local\nhint: cluster names and IPs are only reachable from inside the cluster: try `kubectl exec POD -- wget -qO- http://SERVICE` (or `kubectl port-forward` on a real cluster)\n');
    expect(name.status).toBe(6);
    const ip = await bed.run('curl --connect-timeout 2 http://10.96.0.1:443/', { maxMs: 10_000 });
    expect(ip.err).toContain('curl: (28) Failed to connect to 10.96.0.1 port 443 after 2000 ms: Timeout was reached');
    expect((await bed.run('curl --bogus x')).err).toBe("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });
});
