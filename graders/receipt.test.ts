// Receipts: a passing grade gives one the site can verify; any edit breaks its digest.
import { describe, expect, test } from 'vitest';
import tour from '../labs/tour/lab.ts';
import { buildReceipt, canonicalJson, receiptDigest, verifyReceipt } from './receipt.ts';
import { passingReport } from './testing/passing-report.ts';

const report = passingReport(tour);
const cluster = { backend: 'simulator' as const, distribution: 'simulator' as const, version: 'v1.32.2' };

describe('receipts', () => {
  test('a passing grade gives a receipt that verifies', async () => {
    const receipt = await buildReceipt(tour, report, cluster);
    expect(receipt).toMatchObject({ format: 'wheelhouse-receipt/v1', lab: 'tour', passedAt: '2025-01-01T00:10:00.000Z' });
    expect(receipt.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await verifyReceipt(JSON.parse(JSON.stringify(receipt)), { lab: tour })).toMatchObject({ ok: true, problems: [] });
  });

  test('an edited receipt fails verification', async () => {
    const receipt = await buildReceipt(tour, report, cluster);
    const edited = { ...receipt, passedAt: '2024-01-01T00:00:00.000Z' };
    expect((await verifyReceipt(edited, { lab: tour })).problems).toContain('the digest does not match the content (edited or damaged)');
  });

  test('a receipt missing a check of the lab is refused', async () => {
    const partial = await buildReceipt(tour, { ...report, checks: report.checks.slice(0, 1) }, cluster);
    expect((await verifyReceipt(partial, { lab: tour })).problems).toEqual(['missing checks: node-labelled']);
  });

  test('no receipt for a failing grade', async () => {
    await expect(buildReceipt(tour, { ...report, status: 'fail' }, cluster)).rejects.toThrow(/did not pass/);
  });

  test('a receipt for a lab the course does not have, or with a failed check, is refused', async () => {
    const receipt = await buildReceipt(tour, report, cluster);
    expect((await verifyReceipt(receipt, { knownLabs: ['first-pod'] })).problems).toEqual(['for lab tour, which this course does not have']);
    const { digest: _digest, ...body } = receipt;
    const failed = { ...body, checks: [{ id: 'namespace-exists', step: '04-namespace', status: 'fail' }] };
    expect((await verifyReceipt({ ...failed, digest: await receiptDigest(failed) })).problems).toEqual(['not every check passed']);
  });

  test('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, { e: 0, f: 1 }] }, b: 1 }));
  });
});
