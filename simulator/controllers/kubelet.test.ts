import { describe, expect, it } from 'vitest';
import { lifecycleCluster, podManifest } from './pod-lifecycle-test-kit.ts';

const pods = { resource: 'pods' };

function waitingReason(p: ReturnType<ReturnType<typeof lifecycleCluster>['pod']>) {
  const s = p.status?.containerStatuses?.[0];
  return s?.state.waiting?.reason ?? (s?.state.running ? 'Running' : s?.state.terminated?.reason);
}

describe('kubelet on a kind-like cluster', () => {
  it('brings the seeded system pods along without restarting them', () => {
    const c = lifecycleCluster();
    c.advance(30_000);
    const system = c.client.list<import('./pod-types.ts').Pod>(pods, { namespace: 'kube-system' }).items;
    expect(system.length).toBeGreaterThan(5);
    for (const p of system) {
      expect(p.status?.phase, p.metadata.name).toBe('Running');
      expect(p.status?.containerStatuses?.[0]?.restartCount, p.metadata.name).toBe(0);
    }
    expect(c.runtime.failures).toEqual([]);
  });

  it('schedules, pulls and starts nginx with upstream events and timings', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('nginx', { containers: [{ name: 'nginx', image: 'nginx' }] }));
    c.runUntilIdle();
    let p = c.pod('nginx');
    expect(p.spec.nodeName).toMatch(/^wheelhouse-worker2?$/);
    expect(p.status?.phase).toBe('Pending');
    expect(waitingReason(p)).toBe('ContainerCreating');
    expect(p.status?.conditions?.map((x) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    c.advance(600); // sandbox ready: IP, pull starts
    p = c.pod('nginx');
    expect(p.status?.podIP).toMatch(/^10\.244\.[12]\.\d+$/);
    c.advance(3_400); // pull of nginx:latest takes 3.4 s
    p = c.pod('nginx');
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.containerStatuses?.[0]?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(p.status?.containerStatuses?.[0]?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(p.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    expect(c.events('nginx').map((e) => `${e.reason}: ${e.message}`)).toEqual([
      `Scheduled: Successfully assigned default/nginx to ${p.spec.nodeName}`,
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 3.4s (3.4s including waiting). Image size: 72099501 bytes.',
      'Created: Created container: nginx',
      'Started: Started container nginx',
    ]);
    c.advance(1_000);
    const logs = c.life.logs.read(c.pod('nginx'), {}, c.clock.now());
    expect(logs.ok && logs.text).toContain('Configuration complete; ready for start up');
  });

  it('pulls one image at a time per node: the second pod waits, then finds the layers there', () => {
    const c = lifecycleCluster();
    const onWorker = (name: string, policy?: string) =>
      podManifest(name, { nodeName: 'wheelhouse-worker', containers: [{ name: 'web', image: 'nginx:1.27', ...(policy ? { imagePullPolicy: policy } : {}) }] });
    c.client.create(pods, onWorker('first'));
    c.client.create(pods, onWorker('second'));
    c.advance(600 + 3_400);
    expect(waitingReason(c.pod('first'))).toBe('Running');
    expect(waitingReason(c.pod('second'))).toBe('ContainerCreating');
    c.advance(400);
    expect(waitingReason(c.pod('second'))).toBe('Running');
    const pulled = (name: string) => c.events(name).find((e) => e.reason === 'Pulled')?.message;
    expect(pulled('first')).toBe('Successfully pulled image "nginx:1.27" in 3.4s (3.4s including waiting). Image size: 72099501 bytes.');
    expect(pulled('second')).toBe('Successfully pulled image "nginx:1.27" in 400ms (3.8s including waiting). Image size: 72099501 bytes.');
    // Once the image is there, IfNotPresent does not pull; Always asks the registry again (round trips only).
    c.client.create(pods, onWorker('third'));
    c.client.create(pods, onWorker('fourth', 'Always'));
    c.advance(2_000);
    expect(pulled('third')).toBe('Container image "nginx:1.27" already present on machine');
    expect(pulled('fourth')).toBe('Successfully pulled image "nginx:1.27" in 400ms (400ms including waiting). Image size: 72099501 bytes.');
  });

  it('an unknown tag: ErrImagePull, then ImagePullBackOff with 10s doubling back-off', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('bad', { containers: [{ name: 'bad', image: 'nginx:nope' }] }));
    c.runUntilIdle();
    c.advance(600 + 700);
    let p = c.pod('bad');
    expect(waitingReason(p)).toBe('ErrImagePull');
    expect(p.status?.containerStatuses?.[0]?.state.waiting?.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
    );
    c.advance(1_000);
    p = c.pod('bad');
    expect(waitingReason(p)).toBe('ImagePullBackOff');
    expect(p.status?.containerStatuses?.[0]?.state.waiting?.message).toBe('Back-off pulling image "nginx:nope"');
    expect(p.status?.phase).toBe('Pending');
    // Pull attempts: t0, +10s, +20s, +40s after each failure.
    const pulls = () => c.events('bad').find((e) => e.reason === 'Pulling')?.count ?? 0;
    expect(pulls()).toBe(1);
    c.advance(9_000);
    expect(pulls()).toBe(2);
    c.advance(20_700);
    expect(pulls()).toBe(3);
    c.advance(30_000);
    expect(pulls()).toBe(3);
    c.advance(11_000);
    expect(pulls()).toBe(4);
    const reasons = c.events('bad').map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(reasons).toContain('Warning Failed: Error: ErrImagePull');
    expect(reasons).toContain('Normal BackOff: Back-off pulling image "nginx:nope"');
    expect(reasons).toContain('Warning Failed: Error: ImagePullBackOff');
  });

  it('crash loop: restarts at 0, 10, 20, 40, 80, 160, 300 s with the CrashLoopBackOff message', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 1'] }] }));
    c.runUntilIdle();
    c.advance(600 + 1_266); // sandbox + busybox pull
    // containerID → startedAt (s) of every instance seen.
    const started = new Map<string, number>();
    for (let i = 0; i < 1_000 && started.size < 7; i++) {
      c.advance(1_000);
      const st = c.pod('crash').status?.containerStatuses?.[0];
      const term = st?.state.terminated ?? st?.lastState.terminated;
      if (term?.containerID && term.startedAt) started.set(term.containerID, Date.parse(term.startedAt) / 1000);
    }
    const times = [...started.values()];
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // The first restart is immediate (its instance is never sampled: see the next test, restartCount 1
    // half a second in); after that 10 s doubling to the 300 s cap.
    expect(gaps).toEqual([10, 20, 40, 80, 160, 300]);
    c.advance(400_000);
    const rc = c.pod('crash').status!.containerStatuses![0]!;
    expect(rc.state.waiting?.message).toContain('back-off 5m0s restarting failed container=app');
    const p = c.pod('crash');
    const s = p.status!.containerStatuses![0]!;
    expect(p.status?.phase).toBe('Running');
    expect(s.lastState.terminated?.exitCode).toBe(1);
    expect(s.lastState.terminated?.reason).toBe('Error');
    const w = c.pod('crash');
    void w;
    const prev = c.life.logs.read(p, { previous: true }, c.clock.now());
    expect(prev).toEqual({ ok: true, text: 'boom\n' });
    expect(c.events('crash').find((e) => e.reason === 'BackOff')?.message).toBe(`Back-off restarting failed container app in pod crash_default(${p.metadata.uid})`);
  });

  it('shows CrashLoopBackOff with the back-off in the waiting message', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['false'] }] }));
    c.runUntilIdle();
    c.advance(600 + 1_266 + 500);
    const p = c.pod('crash');
    const s = p.status!.containerStatuses![0]!;
    expect(s.restartCount).toBe(1);
    expect(s.state.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=app pod=crash_default(${p.metadata.uid})` });
  });

  it('restartPolicy Never: a completed pod is Succeeded, a failed one Failed', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('ok', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo hi; sleep 5'] }] }));
    c.client.create(pods, podManifest('ko', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }] }));
    c.runUntilIdle();
    c.advance(20_000);
    expect(c.pod('ok').status?.phase).toBe('Succeeded');
    expect(c.pod('ok').status?.containerStatuses?.[0]?.state.terminated?.reason).toBe('Completed');
    expect(c.pod('ko').status?.phase).toBe('Failed');
    expect(c.pod('ko').status?.containerStatuses?.[0]?.state.terminated?.exitCode).toBe(3);
    expect(c.pod('ok').status?.conditions?.find((x) => x.type === 'Ready')?.reason).toBe('PodCompleted');
  });

  it('CreateContainerConfigError for a missing ConfigMap, then starts once it exists', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('cfg', { containers: [{ name: 'c', image: 'nginx:1.27', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'x' } } }] }] }));
    c.runUntilIdle();
    c.advance(5_000);
    const s = c.pod('cfg').status!.containerStatuses![0]!;
    expect(s.state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "app-config" not found' });
    c.client.create({ resource: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data: { x: '1' } });
    c.advance(10_000);
    expect(waitingReason(c.pod('cfg'))).toBe('Running');
  });

  it('readiness and liveness probes from the docs liveness example', () => {
    const c = lifecycleCluster();
    c.client.create(
      pods,
      podManifest('liveness-exec', {
        containers: [
          {
            name: 'liveness',
            image: 'registry.k8s.io/busybox',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
          },
        ],
      }),
    );
    c.runUntilIdle();
    c.advance(30_000);
    expect(c.pod('liveness-exec').status?.containerStatuses?.[0]?.restartCount).toBe(0);
    c.advance(30_000);
    const events = c.events('liveness-exec').map((e) => `${e.reason}: ${e.message}`);
    expect(events).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events).toContain('Killing: Container liveness failed liveness probe, will be restarted');
    c.advance(60_000);
    expect(c.pod('liveness-exec').status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('graceful termination: nginx stops fast, sleep takes the whole grace period', () => {
    const c = lifecycleCluster();
    c.client.create(pods, podManifest('web', { containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    c.client.create(pods, podManifest('sleeper', { terminationGracePeriodSeconds: 30, containers: [{ name: 's', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    c.runUntilIdle();
    c.advance(10_000);
    c.client.delete(pods, 'default', 'web');
    c.client.delete(pods, 'default', 'sleeper');
    c.runUntilIdle();
    expect(c.events('web').map((e) => e.message)).toContain('Stopping container web');
    c.advance(1_000);
    expect(() => c.pod('web')).toThrow();
    expect(c.pod('sleeper').metadata.deletionTimestamp).toBeTruthy();
    c.advance(28_000);
    expect(c.pod('sleeper').metadata.deletionTimestamp).toBeTruthy();
    c.advance(1_500);
    expect(() => c.pod('sleeper')).toThrow();
  });
});
