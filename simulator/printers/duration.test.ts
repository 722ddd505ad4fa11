import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { age, humanDuration, shortHumanDuration } from './duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'], // -1.999s truncates to -1: still "now"
    [-500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [150 * s, '2m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 3 * m, '5h3m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [3 * d + 5 * h, '3d5h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [45 * d, '45d'],
    [729 * d, '729d'],
    [2 * y, '2y'],
    [2 * y + 50 * d, '2y50d'],
    [7 * y + 364 * d, '7y364d'],
    [8 * y, '8y'],
    [9 * y + 100 * d, '9y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m + 59 * s, '59m'],
    [h, '1h'],
    [23 * h, '23h'],
    [d, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
    [3 * y, '3y'],
  ])('%d ms → %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});

describe('age', () => {
  it('is <unknown> without a timestamp', () => {
    expect(age(undefined, 0)).toBe('<unknown>');
    expect(age('', 0)).toBe('<unknown>');
    expect(age('not a time', 0)).toBe('<unknown>');
  });
  it('counts from the RFC 3339 timestamp to now', () => {
    expect(age('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:02:30Z'))).toBe('2m30s');
  });
  it('never gets shorter as time passes (property)', () => {
    const rank = (t: string): number => {
      // Compare by the duration the text stands for, in seconds.
      const units: Record<string, number> = { y: 365 * 86400, d: 86400, h: 3600, m: 60, s: 1 };
      let total = 0;
      for (const [, n, u] of t.matchAll(/(\d+)([ydhms])/g)) total += Number(n) * units[u];
      return total;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * y }), fc.integer({ min: 0, max: 30 * d }), (a, delta) => {
        return rank(humanDuration(a)) <= rank(humanDuration(a + delta));
      }),
    );
  });
});
