import { describe, expect, it } from 'vitest';
import { workloadBed } from './workload-test-kit.ts';

const web = (replicas: number, image = 'nginx:1.26', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}${extra}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports: [{containerPort: 80}]
`;

async function deployed(replicas = 3, extra = '') {
  const bed = workloadBed({ files: { 'web.yaml': web(replicas, 'nginx:1.26', extra) } });
  expect((await bed.run('kubectl apply -f web.yaml')).out).toBe('deployment.apps/web created\n');
  const status = await bed.run('kubectl rollout status deployment/web');
  expect(status.status).toBe(0);
  return { bed, status };
}

describe('kubectl rollout status', () => {
  it('follows a new Deployment on the virtual clock until it has rolled out', async () => {
    const { status } = await deployed(3);
    const lines = status.out.trim().split('\n');
    expect(lines[0]).toBe('Waiting for deployment spec update to be observed...');
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...');
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...');
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    expect(status.tookMs).toBeGreaterThan(1000);
  });

  it('prints one line and returns with --watch=false', async () => {
    const bed = workloadBed({ files: { 'web.yaml': web(2) } });
    await bed.run('kubectl apply -f web.yaml');
    const r = await bed.run('kubectl rollout status deploy web --watch=false');
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.status).toBe(0);
  });

  it('times out with --timeout and stops on its progress deadline with exit 1', async () => {
    const { bed } = await deployed(2, '\n  progressDeadlineSeconds: 30');
    await bed.run('sim image break nginx:1.99');
    await bed.run('kubectl set image deployment/web nginx=nginx:1.99');
    const short = await bed.run('kubectl rollout status deployment/web --timeout=5s');
    expect(short.err).toBe('error: timed out waiting for the condition\n');
    expect(short.status).toBe(1);
    const long = await bed.run('kubectl rollout status deployment/web', { maxMs: 120_000 });
    expect(long.err).toBe('error: deployment "web" exceeded its progress deadline\n');
    expect(long.status).toBe(1);
  });
});

describe('set image, history, undo', () => {
  it('rolls out a new image, lists the revisions and rolls back', async () => {
    const { bed } = await deployed(2);
    expect((await bed.run('kubectl set image deployment/web nginx=nginx:1.27')).out).toBe('deployment.apps/web image updated\n');
    expect((await bed.run('kubectl set image deployment/web nginx=nginx:1.27')).out).toBe('');
    expect((await bed.run('kubectl set image deployment/web nope=nginx:1.27')).err).toBe('error: unable to find container named "nope"\n');
    expect((await bed.run('kubectl rollout status deployment/web')).out).toContain('deployment "web" successfully rolled out\n');
    await bed.run('kubectl annotate deployment web kubernetes.io/change-cause="image 1.27"');
    await bed.advance(1000); // the controller copies the change-cause to the new ReplicaSet
    const history = await bed.run('kubectl rollout history deployment/web');
    expect(history.out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.27\n\n');
    const detail = await bed.run('kubectl rollout history deployment/web --revision=1');
    expect(detail.out).toContain('deployment.apps/web with revision #1\nPod Template:\n');
    expect(detail.out).toContain('nginx:1.26');
    expect((await bed.run('kubectl rollout undo deployment/web')).out).toBe('deployment.apps/web rolled back\n');
    await bed.run('kubectl rollout status deployment/web');
    const image = await bed.run("kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[0].image}'");
    expect(image.out).toBe('nginx:1.26');
    expect((await bed.run('kubectl rollout history deployment/web')).out).toContain('2         image 1.27\n3         <none>\n');
    expect((await bed.run('kubectl rollout undo deployment/web --to-revision=3')).out).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect((await bed.run('kubectl rollout undo deployment/web --to-revision=9')).err).toBe('error: unable to find specified revision 9 in history\n');
  });

  it('refuses to undo a paused Deployment, and pause/resume say what they did', async () => {
    const { bed } = await deployed(1);
    expect((await bed.run('kubectl rollout undo deployment/web')).err).toBe('error: no rollout history found for deployment "web"\n');
    expect((await bed.run('kubectl rollout pause deployment/web')).out).toBe('deployment.apps/web paused\n');
    expect((await bed.run('kubectl rollout pause deployment/web')).err).toBe('error: deployments.apps "web" is already paused\n');
    await bed.run('kubectl set image deployment/web nginx=nginx:1.27');
    expect((await bed.run('kubectl rollout undo deployment/web')).err).toContain('error: no rollout history found');
    expect((await bed.run('kubectl rollout resume deployment/web')).out).toBe('deployment.apps/web resumed\n');
    await bed.run('kubectl rollout status deployment/web');
    await bed.run('kubectl rollout pause deployment/web');
    expect((await bed.run('kubectl rollout undo deployment/web')).err).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
  });

  it('restart stamps the template and rolls out new pods', async () => {
    const { bed } = await deployed(2);
    expect((await bed.run('kubectl rollout restart deployment/web')).out).toBe('deployment.apps/web restarted\n');
    const yaml = await bed.run('kubectl get deploy web -o yaml');
    expect(yaml.out).toMatch(/kubectl\.kubernetes\.io\/restartedAt: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    expect((await bed.run('kubectl rollout status deployment/web')).out).toContain('successfully rolled out');
    expect((await bed.run('kubectl rollout history deployment/web')).out).toContain('2         <none>');
  });
});

describe('kubectl scale', () => {
  it('scales through the scale subresource and honours --current-replicas', async () => {
    const { bed } = await deployed(2);
    expect((await bed.run('kubectl scale deployment web --replicas=4')).out).toBe('deployment.apps/web scaled\n');
    expect((await bed.run('kubectl scale deployment/web --current-replicas=2 --replicas=1')).err).toBe('error: Expected replicas to be 2, was 4\n');
    expect((await bed.run('kubectl scale deployment web')).err).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    await bed.run('kubectl rollout status deployment/web');
    expect((await bed.run('kubectl get deploy web')).out).toMatch(/web\s+4\/4/);
  });
});
