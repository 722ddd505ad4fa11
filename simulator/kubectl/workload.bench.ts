// What the workload commands cost through the shell: `kubectl rollout status` following a
// 100-replica Deployment to the end, and `kubectl logs` of a pod that has written thousands of
// lines. Wall time is measured around the whole run, including the controllers the virtual clock
// drives meanwhile; the numbers go to the console for the record.
import { describe, expect, test } from 'vitest';
import { workloadBed } from './workload-test-kit.ts';

function ms(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

describe('workload commands', () => {
  test('rollout status of a 100-replica Deployment', { timeout: 300_000 }, async () => {
    const bed = workloadBed();
    await bed.run('kubectl create deployment big --image=nginx:1.26 --replicas=100');
    let t0 = performance.now();
    const first = await bed.run('kubectl rollout status deployment/big', { step: 1_000 });
    const createWall = ms(t0);
    expect(first.out).toContain('deployment "big" successfully rolled out');
    await bed.run('kubectl set image deployment/big nginx=nginx:1.27');
    t0 = performance.now();
    const update = await bed.run('kubectl rollout status deployment/big', { step: 1_000 });
    const updateWall = ms(t0);
    expect(update.out).toContain('deployment "big" successfully rolled out');
    // The command alone, on a settled Deployment: one GET and one status line.
    t0 = performance.now();
    for (let i = 0; i < 20; i++) await bed.run('kubectl rollout status deployment/big');
    const settledWall = ms(t0) / 20;
    console.log(
      `rollout status, 100 replicas: first rollout ${createWall} ms wall for ${first.tookMs / 1000} s virtual, ${first.out.split('\n').length - 1} lines; ` +
        `image update ${updateWall} ms wall for ${update.tookMs / 1000} s virtual, ${update.out.split('\n').length - 1} lines; settled ${settledWall.toFixed(2)} ms per run`,
    );
  });

  test('logs of a chatty pod', { timeout: 300_000 }, async () => {
    const bed = workloadBed();
    await bed.run(`kubectl run chatty --image=busybox -- sh -c 'i=0; while true; do echo "line $i: the quick brown fox jumps over the lazy dog"; i=$((i+1)); sleep 0.1; done'`);
    // 30 minutes: 18,000 lines written; the container keeps its newest 10,000 (script-process.ts
    // keeps 20,000 events, a line and a loop tick each), as the kubelet's log rotation would.
    await bed.advance(30 * 60_000, 10_000);
    let t0 = performance.now();
    const all = await bed.run('kubectl logs chatty');
    const allWall = ms(t0);
    const lines = all.out.split('\n').length - 1;
    expect(lines).toBeGreaterThanOrEqual(9_000);
    t0 = performance.now();
    const counted = await bed.run('kubectl logs chatty | wc -l');
    const pipeWall = ms(t0);
    expect(Number(counted.out.trim())).toBe(lines);
    t0 = performance.now();
    for (let i = 0; i < 20; i++) await bed.run('kubectl logs chatty --tail=20');
    const tailWall = ms(t0) / 20;
    const follow = bed.start('kubectl logs -f chatty --tail=0');
    t0 = performance.now();
    await bed.advance(60_000, 250);
    const followWall = ms(t0);
    await follow.stop();
    const followed = follow.out().split('\n').length - 1;
    expect(followed).toBeGreaterThan(550);
    console.log(
      `logs, chatty pod: ${lines} lines in ${allWall} ms; through | wc -l ${pipeWall} ms; --tail=20 ${tailWall.toFixed(2)} ms per run; ` +
        `-f for 60 s virtual (${followed} lines, 240 polls) ${followWall} ms wall including the cluster`,
    );
  });
});
