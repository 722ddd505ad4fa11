import { describe, expect, it } from 'vitest';
import { containerFiles, hostsFile, resolvConf } from './container-files.ts';
import type { ContainerInput } from './container-model.ts';
import { scriptProcess } from './script-process.ts';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const busybox = { entrypoint: [], cmd: ['sh'] };

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'dapi-test-pod', namespace: 'default', uid: 'u1' },
  spec: {
    hostAliases: [
      { ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] },
      { ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] },
    ],
    containers: [{ name: 'c', volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config' }, { name: 'secret-volume', mountPath: '/etc/secret-volume' }] }],
    volumes: [
      { name: 'config-volume', configMap: { name: 'special-config' } },
      { name: 'secret-volume', secret: { secretName: 'dotfile-secret' } },
    ],
  },
};

const lookup = {
  configMap: (_ns: string, name: string) => (name === 'special-config' ? { data: { SPECIAL_LEVEL: 'very', SPECIAL_TYPE: 'charm' } } : undefined),
  secret: (_ns: string, name: string) => (name === 'dotfile-secret' ? { data: { '.secret-file': btoa('value-2\n') } } : undefined),
};

function run(command: string[], files = containerFiles(pod, 'c', '10.244.1.5', T0, lookup)) {
  const input: ContainerInput = { image: 'registry.k8s.io/busybox:latest', command, env: {}, ports: [], podName: 'dapi-test-pod', namespace: 'default', hostname: 'dapi-test-pod', podIP: '10.244.1.5', startedAt: T0, files };
  const p = scriptProcess(input, busybox);
  return { exit: p.exit, out: p.logs(-1, 1_000).map((l) => l.text) };
}

describe('kubelet-managed files', () => {
  it('/etc/hosts is the kubelet hosts file with the hostAliases entries', () => {
    expect(hostsFile(pod, '10.244.1.5')).toBe(
      [
        '# Kubernetes-managed hosts file.',
        '127.0.0.1\tlocalhost',
        '::1\tlocalhost ip6-localhost ip6-loopback',
        'fe00::0\tip6-localnet',
        'fe00::0\tip6-mcastprefix',
        'fe00::1\tip6-allnodes',
        'fe00::2\tip6-allrouters',
        '10.244.1.5\tdapi-test-pod',
        '',
        '# Entries added by HostAliases.',
        '127.0.0.1\tfoo.local\tbar.local',
        '10.1.2.3\tfoo.remote\tbar.remote',
        '',
      ].join('\n'),
    );
    const { exit, out } = run(['cat', '/etc/hosts']);
    expect(exit?.exitCode).toBe(0);
    expect(out).toContain('10.1.2.3\tfoo.remote\tbar.remote');
  });

  it('/etc/hosts names the pod by hostname.subdomain when it has one', () => {
    const withSub = { ...pod, spec: { hostname: 'web-0', subdomain: 'web', containers: [] } };
    expect(hostsFile(withSub, '10.244.2.7')).toContain('10.244.2.7\tweb-0.web.default.svc.cluster.local\tweb-0\n');
  });

  it('/etc/resolv.conf points at the cluster DNS with the namespace search path', () => {
    expect(resolvConf({ ...pod, metadata: { name: 'p', namespace: 'shop' } })).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(run(['cat', '/etc/hostname']).out).toEqual(['dapi-test-pod']);
  });

  it('a ConfigMap volume is laid out as the atomic writer does: keys link into ..data', () => {
    const files = containerFiles(pod, 'c', '10.244.1.5', T0, lookup);
    expect(files.find((f) => f.path === '/etc/config/SPECIAL_LEVEL')).toEqual({ path: '/etc/config/SPECIAL_LEVEL', link: '..data/SPECIAL_LEVEL' });
    expect(files.find((f) => f.path === '/etc/config/..data')?.link).toMatch(/^\.\.2025_01_01_00_00_00\.\d+$/);
    expect(run(['cat', '/etc/config/SPECIAL_TYPE']).out).toEqual(['charm']);
  });

  it('items pick keys and rename them; a missing source mounts nothing', () => {
    const p = { ...pod, spec: { ...pod.spec, volumes: [{ name: 'config-volume', configMap: { name: 'special-config', items: [{ key: 'SPECIAL_LEVEL', path: 'keys' }] } }] } };
    expect(run(['cat', '/etc/config/keys'], containerFiles(p, 'c', '', T0, lookup)).out).toEqual(['very']);
    const none = { ...pod, spec: { ...pod.spec, volumes: [{ name: 'config-volume', configMap: { name: 'absent' } }] } };
    expect(containerFiles(none, 'c', '', T0, lookup).some((f) => f.path.startsWith('/etc/config'))).toBe(false);
  });
});

describe('busybox ls', () => {
  it('lists the keys of a mounted ConfigMap, one a line', () => {
    const { exit, out } = run(['/bin/sh', '-c', 'ls /etc/config/']);
    expect(exit?.exitCode).toBe(0);
    expect(out).toEqual(['SPECIAL_LEVEL', 'SPECIAL_TYPE']);
  });

  it('-a shows the dotfiles and the atomic writer machinery, sorted as C strings', () => {
    const { out } = run(['ls', '-a', '/etc/secret-volume']);
    expect(out[0]).toBe('.');
    expect(out[1]).toBe('..');
    expect(out[2]).toMatch(/^\.\.2025_01_01_00_00_00\.\d+$/);
    expect(out.slice(3)).toEqual(['..data', '.secret-file']);
  });

  it('-l prints busybox long lines: keys are symlinks; a dotfile alone leaves only the total', () => {
    expect(run(['ls', '-l', '/etc/config']).out).toEqual([
      'total 0',
      'lrwxrwxrwx    1 root     root            20 Jan  1 00:00 SPECIAL_LEVEL -> ..data/SPECIAL_LEVEL',
      'lrwxrwxrwx    1 root     root            19 Jan  1 00:00 SPECIAL_TYPE -> ..data/SPECIAL_TYPE',
    ]);
    expect(run(['ls', '-l', '/etc/secret-volume']).out).toEqual(['total 0']);
    expect(run(['ls', '-l', '/etc/config/..data/']).out).toEqual([
      'total 8',
      '-rw-r--r--    1 root     root             4 Jan  1 00:00 SPECIAL_LEVEL',
      '-rw-r--r--    1 root     root             5 Jan  1 00:00 SPECIAL_TYPE',
    ]);
  });

  it('names a file as given, reports a missing path and exits 1', () => {
    expect(run(['ls', '/etc/hosts']).out).toEqual(['/etc/hosts']);
    const { exit, out } = run(['/bin/sh', '-c', 'ls /nope']);
    expect(out).toEqual(['ls: /nope: No such file or directory']);
    expect(exit?.exitCode).toBe(1);
  });

  it('sees files the script wrote, and several operands get headers', () => {
    const { out } = run(['/bin/sh', '-c', 'touch /tmp/healthy; ls -1 /tmp /etc/config']);
    expect(out).toEqual(['/tmp:', 'healthy', '', '/etc/config:', 'SPECIAL_LEVEL', 'SPECIAL_TYPE']);
  });

  it('test -d and -f know directories and files', () => {
    expect(run(['/bin/sh', '-c', '[ -d /etc/config ] && [ -f /etc/config/SPECIAL_LEVEL ] && [ ! -d /etc/hosts ]']).exit?.exitCode).toBe(0);
  });
});
