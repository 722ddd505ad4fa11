// kubectl exec against what the container itself is: its shell's own wording, the environment
// the kubelet gave it, and the files its own process wrote.
import { describe, expect, it } from 'vitest';
import { workloadBed } from './workload-test-kit.ts';

async function running(pods: string, names: string[]) {
  const bed = workloadBed({ files: { 'pods.yaml': pods } });
  expect((await bed.run('kubectl apply -f pods.yaml')).status).toBe(0);
  for (const name of names) expect((await bed.run(`kubectl wait --for=condition=Ready pod/${name} --timeout=60s`)).out).toContain('condition met');
  await bed.advance(1_000);
  return bed;
}

const busyboxAndNginx = `apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - {name: box, image: busybox, command: ['sleep', '3600']}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: web, image: nginx}
`;

describe('the container shell speaks its own dialect', () => {
  it('busybox says `sh: foo: not found`, without the lab terminal hints', async () => {
    const bed = await running(busyboxAndNginx, ['box', 'web']);
    const r = await bed.run("kubectl exec box -- sh -c 'frobnicate; docker ps'");
    expect(r.err).toBe('sh: frobnicate: not found\nsh: docker: not found\ncommand terminated with exit code 127\n');
    expect(r.status).toBe(127);
  });

  it("Debian's sh is dash: `sh: 1: foo: not found`", async () => {
    const bed = await running(busyboxAndNginx, ['box', 'web']);
    expect((await bed.run("kubectl exec web -- sh -c 'kubectl get pods'")).err).toBe('sh: 1: kubectl: not found\ncommand terminated with exit code 127\n');
  });

  it('the lab shell keeps bash wording and its hints', async () => {
    const bed = workloadBed();
    expect((await bed.run('frobnicate')).err).toBe('bash: frobnicate: command not found\n');
    expect((await bed.run('docker ps')).err).toContain('docker: not available in the in-browser terminal');
  });
});

const livenessExec = `apiVersion: v1
kind: Pod
metadata:
  labels: {test: liveness}
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
`;

describe('files the container process wrote', () => {
  it("exec sees the docs' liveness example create and remove /tmp/healthy", async () => {
    const bed = await running(livenessExec, ['liveness-exec']);
    expect(await bed.run('kubectl exec liveness-exec -- cat /tmp/healthy')).toMatchObject({ status: 0, out: '', err: '' });
    expect((await bed.run('kubectl exec liveness-exec -- ls /tmp')).out).toBe('healthy\n');
    await bed.advance(32_000);
    const gone = await bed.run('kubectl exec liveness-exec -- cat /tmp/healthy');
    expect(gone.status).toBe(1);
    expect(gone.err).toContain('No such file or directory');
    expect(gone.err).toContain('command terminated with exit code 1\n');
  });
});
