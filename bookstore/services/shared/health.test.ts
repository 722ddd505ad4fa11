import { describe, expect, it } from 'vitest';
import { HealthState } from './health.ts';

const off = { failReadiness: false, neverReady: false, failLiveness: false };

describe('readiness', () => {
  it('only required dependencies decide it; optional ones are reported', async () => {
    const health = new HealthState(off, 100);
    health.markStarted();
    health.addDependency('postgres', async () => undefined, { required: true });
    health.addDependency('redis', async () => Promise.reject(new Error('connection refused')), { required: false });
    const report = await health.readiness();
    expect(report.ready).toBe(true);
    expect(report.checks.find((c) => c.name === 'redis')).toEqual({ name: 'redis', ok: false, required: false, detail: 'connection refused' });
  });

  it('a required dependency that does not answer in time fails it', async () => {
    const health = new HealthState(off, 50);
    health.markStarted();
    health.addDependency('postgres', () => new Promise(() => {}), { required: true });
    const report = await health.readiness();
    expect(report.ready).toBe(false);
    expect(report.checks.at(-1)?.detail).toMatch(/no answer within 50 ms/);
  });

  it('the switches fail readiness or liveness on their own', async () => {
    const never = new HealthState({ ...off, neverReady: true });
    never.markStarted();
    expect((await never.readiness()).ready).toBe(false);
    expect(never.liveness().alive).toBe(true);
    expect(new HealthState({ ...off, failLiveness: true }).liveness().alive).toBe(false);
  });
});
