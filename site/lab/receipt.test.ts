import { describe, expect, test } from 'vitest';
import { canonicalJson, receiptDigest, verifyReceipt } from './receipt.ts';
import { emptyProgress, mergeProgress } from './progress.ts';

async function receipt(fields: Record<string, unknown>) {
  const body = { format: 'wheelhouse-receipt/v1', lab: 'tour', status: 'pass', gradedAt: '2025-01-01T00:00:00Z', cluster: { backend: 'client-node', context: 'kind-wheelhouse' }, ...fields };
  return { ...body, digest: await receiptDigest(body) };
}

describe('receipts', () => {
  test('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}');
  });
  test('a passing receipt with a matching digest verifies', async () => {
    const result = await verifyReceipt(JSON.stringify(await receipt({})), ['tour']);
    expect(result.ok).toBe(true);
  });
  test('an edited receipt, a failed grade, an unknown lab and junk are refused', async () => {
    const edited = { ...(await receipt({ status: 'fail' })), status: 'pass' };
    expect(await verifyReceipt(JSON.stringify(edited), ['tour'])).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    expect(await verifyReceipt(JSON.stringify(await receipt({ status: 'fail' })), ['tour'])).toMatchObject({ ok: false, reason: expect.stringContaining('did not pass') });
    expect(await verifyReceipt(JSON.stringify(await receipt({ lab: 'nope' })), ['tour'])).toMatchObject({ ok: false });
    expect(await verifyReceipt('{', ['tour'])).toMatchObject({ ok: false });
  });
});

describe('progress files', () => {
  test('merging keeps done labs done and refuses other files', () => {
    const { merged, labs } = mergeProgress(emptyProgress(), { format: 'wheelhouse-progress/v1', labs: { tour: { done: true, doneAt: 'x', hintsShown: { a: 2 }, checks: {} } } });
    expect(labs).toEqual(['tour']);
    expect(merged.labs.tour).toMatchObject({ done: true, source: 'import', hintsShown: { a: 2 } });
    expect(() => mergeProgress(emptyProgress(), { hello: 1 })).toThrow(/not a Wheelhouse progress file/);
  });
});
