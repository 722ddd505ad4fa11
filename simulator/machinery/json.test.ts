import { describe, expect, test } from 'vitest';
import { ApiError } from './errors.ts';
import { toJson } from './json.ts';

function refusal(value: unknown): string {
  try {
    toJson(value, 'Pod object');
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return (e as ApiError).status.message ?? '';
  }
  throw new Error('toJson accepted it');
}

describe('toJson', () => {
  test('copies clean JSON, dropping undefined fields and turning undefined items into null', () => {
    const body = { a: 1, b: undefined, c: [1, undefined, { d: 'x' }], e: { f: null, g: true } };
    const copy = toJson(body);
    expect(copy).toEqual({ a: 1, c: [1, null, { d: 'x' }], e: { f: null, g: true } });
    expect(copy).not.toBe(body);
    expect((copy as { e: unknown }).e).not.toBe(body.e);
  });

  test('names the path of what is not JSON', () => {
    expect(refusal({ spec: { containers: [{ ports: [{ containerPort: Number.NaN }] }] } })).toBe(
      'Pod object has an invalid number at spec.containers[0].ports[0].containerPort: NaN',
    );
    expect(refusal({ metadata: { labels: { a: () => 1 } } })).toBe('Pod object is not valid JSON: unexpected function at metadata.labels.a');
    expect(refusal(Number.POSITIVE_INFINITY)).toBe('Pod object has an invalid number at <root>: Infinity');
  });

  test('finds a cycle, and tells it from a tree that is merely deep', () => {
    const cyclic: Record<string, unknown> = { spec: { template: {} } };
    (cyclic.spec as { template: Record<string, unknown> }).template.loop = cyclic.spec;
    expect(refusal(cyclic)).toBe('Pod object is not valid JSON: a cycle at spec.template.loop');

    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 1_000; i++) deep = { next: deep };
    let copy = toJson(deep) as Record<string, unknown>;
    for (let i = 0; i < 1_000; i++) copy = copy.next as Record<string, unknown>;
    expect(copy).toEqual({ leaf: 1 });
  });

  test('a shared (not cyclic) subtree is fine', () => {
    const labels = { app: 'web' };
    expect(toJson({ a: labels, b: labels })).toEqual({ a: { app: 'web' }, b: { app: 'web' } });
  });
});
