import { describe, expect, it } from 'vitest';
import { goDuration, inBackoffSince, nextBackoff, type BackoffEntry } from './kubelet-backoff.ts';

describe('kubelet back-off', () => {
  it('doubles 10s → 300s and caps', () => {
    let e: BackoffEntry | undefined;
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      e = nextBackoff(e, t, t);
      seen.push(e.durationMs / 1000);
      t += e.durationMs + 1000;
    }
    expect(seen).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('resets when the container ran for more than 10 minutes', () => {
    const e = nextBackoff(nextBackoff(undefined, 0, 0), 0, 0);
    expect(e.durationMs).toBe(20_000);
    expect(nextBackoff(e, 600_001, 600_001).durationMs).toBe(10_000);
    expect(inBackoffSince(e, 600_001, 600_002)).toBe(false);
    expect(inBackoffSince(e, 5_000, 6_000)).toBe(true);
  });

  it('prints durations like Go', () => {
    expect(['10s', '40s', '1m20s', '2m40s', '5m0s'].map((s) => s)).toEqual([10_000, 40_000, 80_000, 160_000, 300_000].map(goDuration));
    expect(goDuration(1234)).toBe('1.234s');
  });
});
