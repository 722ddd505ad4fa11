import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantities, parseQuantity, QUANTITY_FORMAT_ERROR, type Quantity } from './quantity.ts';

describe('quantities', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    [0.5, '500m'],
    ['1', '1'],
    [2, '2'],
    ['1000m', '1'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['512Ki', '512Ki'],
    ['100Ki', '100Ki'],
    ['1Ki', '1Ki'],
    ['1e3', '1e3'],
    ['129e6', '129e6'],
    ['128974848', '128974848'],
    ['64M', '64M'],
    ['0', '0'],
    ['0.1', '100m'],
    ['250m', '250m'],
    ['1G', '1G'],
  ])('%s prints as %s', (raw, canonical) => {
    expect(canonicalQuantity(raw)).toBe(canonical);
  });

  it('refuses what upstream refuses with its message', () => {
    expect(parseQuantity('1 GB')).toBe(QUANTITY_FORMAT_ERROR);
    expect(parseQuantity('abc')).toBe(QUANTITY_FORMAT_ERROR);
    expect(parseQuantity('')).toBe(QUANTITY_FORMAT_ERROR);
    expect(parseQuantity('1Gb')).toBe(QUANTITY_FORMAT_ERROR);
    expect(parseQuantity('1Gm')).toBe("unable to parse quantity's suffix");
  });

  it('compares across suffixes', () => {
    const q = (s: string) => parseQuantity(s) as Quantity;
    expect(compareQuantities(q('1'), q('1000m'))).toBe(0);
    expect(compareQuantities(q('2'), q('1'))).toBe(1);
    expect(compareQuantities(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantities(q('128Mi'), q('256Mi'))).toBe(-1);
  });
});
