import { describe, expect, it } from 'vitest';
import type { ContainerInput, ContainerProcess } from '../container-model.ts';
import { createImageRegistry } from './index.ts';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const registry = createImageRegistry();

function start(image: string, over: Partial<ContainerInput> = {}): ContainerProcess {
  const found = registry.lookup(image);
  if (!found) throw new Error(`${image} is not in the registry`);
  return found.model.behaviour.start({ image: found.ref.normalized, imageTag: found.ref.tag, env: {}, ports: [], podName: 'p', namespace: 'default', hostname: 'p', podIP: '10.244.1.9', startedAt: T0, ...over });
}

const get = (p: ContainerProcess, port: number, path: string, at = 1_000) => p.http?.({ method: 'GET', path, port, headers: {} }, at);
const logs = (p: ContainerProcess, to = 60_000) => p.logs(-1, to).map((l) => l.text);

describe('the docs examples images', () => {
  it('pulls every image the docs manifests name, and refuses tags that do not exist', () => {
    for (const image of [
      'vish/stress', 'polinux/stress', 'registry.k8s.io/serve_hostname', 'gcr.io/google-samples/gb-frontend:v4', 'paulczar/gb-frontend:v5',
      'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5', 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2',
      'registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee', 'mysql:5.6', 'registry.k8s.io/hpa-example',
      'gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:2.0', 'k8s.gcr.io/busybox', 'redis:5', 'k8s.gcr.io/liveness',
      'registry.k8s.io/goproxy:0.1', 'gcr.io/google-samples/hello-go-gke:1.0', 'gcr.io/google-samples/hello-frontend:1.0', 'k8s.gcr.io/pause:3.1',
    ]) expect(registry.pull(image).ok, image).toBe(true);
    for (const image of ['mysql:5.5', 'gcr.io/google-samples/hello-app:3.0', 'k8s.gcr.io/pause:3.10', 'registry.k8s.io/goproxy:0.2']) expect(registry.pull(image).ok, image).toBe(false);
  });

  it('k8s.gcr.io/liveness: /healthz is 200 for 10 s, then 500', () => {
    const p = start('k8s.gcr.io/liveness', { args: ['/server'] });
    expect(get(p, 8080, '/healthz', 9_000)).toMatchObject({ status: 200, body: 'ok' });
    expect(get(p, 8080, '/healthz', 12_000)).toMatchObject({ status: 500, body: 'error: 12' });
    expect(p.exit).toBeUndefined();
  });

  it('goproxy listens on 8080 and turns away non-proxy requests', () => {
    const p = start('registry.k8s.io/goproxy:0.1');
    expect(p.listens(8080, 100)).toBe(true);
    expect(get(p, 8080, '/')?.status).toBe(500);
  });

  it('vish/stress spawns its CPU threads and keeps running', () => {
    const p = start('vish/stress', { args: ['-cpus', '2'] });
    expect(p.exit).toBeUndefined();
    expect(logs(p).filter((l) => l.endsWith('Spawning a thread to consume CPU'))).toHaveLength(2);
  });

  it('polinux/stress holds memory under its limit and is OOMKilled over it', () => {
    const args = (bytes: string) => ['--vm', '1', '--vm-bytes', bytes, '--vm-hang', '1'];
    const ok = start('polinux/stress', { command: ['stress'], args: args('150M'), memoryLimitBytes: 200 * 2 ** 20 });
    expect(ok.exit).toBeUndefined();
    expect(logs(ok)).toEqual(['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']);
    const over = start('polinux/stress', { command: ['stress'], args: args('250M'), memoryLimitBytes: 100 * 2 ** 20 });
    expect(over.exit).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('mysql:5.6 refuses to initialise without a root password option', () => {
    const p = start('mysql:5.6');
    expect(p.exit).toEqual({ afterMs: 120, exitCode: 1 });
    expect(logs(p)).toContain('    - MYSQL_ROOT_PASSWORD');
  });

  it('mysql:5.6 with MYSQL_ROOT_PASSWORD initialises, then listens on 3306', () => {
    const p = start('mysql:5.6', { env: { MYSQL_ROOT_PASSWORD: 'password' } });
    expect(p.exit).toBeUndefined();
    expect(p.listens(3306, 5_000)).toBe(false);
    expect(p.listens(3306, 20_000)).toBe(true);
    expect(logs(p)).toContain("Version: '5.6.51'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)");
    expect(p.exec(['mysqladmin', 'ping'], 20_000)).toEqual({ exitCode: 0, output: 'mysqld is alive\n' });
  });

  it('hello-app answers with its version and the pod hostname on 8080', () => {
    const p = start('gcr.io/google-samples/hello-app:2.0', { hostname: 'hello-world-7d9f' });
    expect(get(p, 8080, '/')).toMatchObject({ status: 200, body: 'Hello, world!\nVersion: 2.0.0\nHostname: hello-world-7d9f\n', log: ['2025/01/01 00:00:01 Serving request: /'] });
    expect(logs(p)).toEqual(['2025/01/01 00:00:00 Server listening on port 8080']);
  });

  it('the guestbook frontend is PHP on Apache port 80', () => {
    const p = start('us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5');
    expect(get(p, 80, '/')?.body).toContain('<title>Guestbook</title>');
    expect(get(p, 80, '/guestbook.php?cmd=get&key=messages')?.body).toBe('{"data": ""}');
    expect(logs(p).some((l) => l.includes('AH00094: Command line: \'apache2 -D FOREGROUND\''))).toBe(true);
  });

  it('php-apache (hpa-example) answers OK!', () => {
    expect(get(start('registry.k8s.io/hpa-example'), 80, '/')).toMatchObject({ status: 200, body: 'OK!' });
  });

  it('the redis follower connects to redis-leader; redis:5 loads its config file', () => {
    const follower = start('us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2', { env: { REDIS_LEADER_SERVICE_HOST: '10.96.4.4' } });
    expect(follower.listens(6379, 100)).toBe(true);
    expect(logs(follower).some((l) => l.endsWith('* Connecting to MASTER redis-leader:6379'))).toBe(true);
    expect(logs(follower).some((l) => l.endsWith('MASTER <-> REPLICA sync started'))).toBe(true);
    const five = start('redis:5', { args: ['/usr/local/etc/redis/redis.conf'] });
    expect(logs(five).some((l) => l.endsWith('# Redis version=5.0.14, bits=64, commit=00000000, modified=0, pid=1, just started'))).toBe(true);
    expect(logs(five).some((l) => l.endsWith('# Configuration loaded'))).toBe(true);
  });

  it('serve_hostname answers its hostname on 9376', () => {
    expect(get(start('registry.k8s.io/serve_hostname', { hostname: 'snowflake-x' }), 9376, '/')?.body).toBe('snowflake-x');
  });

  it('hello-frontend proxies to the hello Service, and cannot start without it', () => {
    const lonely = start('gcr.io/google-samples/hello-frontend:1.0');
    expect(lonely.exit).toEqual({ afterMs: 30, exitCode: 1 });
    expect(logs(lonely)).toContain('nginx: [emerg] host not found in upstream "hello" in /etc/nginx/conf.d/frontend.conf:4');
    const p = start('gcr.io/google-samples/hello-frontend:1.0', { env: { HELLO_SERVICE_HOST: '10.96.7.7' } });
    expect(get(p, 80, '/')?.body).toBe('{"message":"Hello"}');
    expect(p.exec(['/usr/sbin/nginx', '-s', 'quit'], 1_000).exitCode).toBe(0);
    expect(get(start('gcr.io/google-samples/hello-go-gke:1.0'), 80, '/')?.body).toBe('{"message":"Hello"}');
  });

  it('pause sleeps until told to stop; k8s.gcr.io/busybox runs its command', () => {
    const pause = start('k8s.gcr.io/pause:3.1');
    expect(pause.exit).toBeUndefined();
    expect(pause.onSigterm).toEqual({ afterMs: 0, exitCode: 0 });
    expect(start('k8s.gcr.io/busybox', { command: ['sh', '-c', 'echo hi; exit 3'] }).exit).toEqual({ afterMs: 0, exitCode: 3 });
  });
});
