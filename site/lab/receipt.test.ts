import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { passingReport } from '../../graders/testing/passing-report.ts';
import { buildReceipt, canonicalJson } from '../../graders/receipt.ts';
import { writeReceipt } from '../../graders/cli/workspace.ts';
import tour from '../../labs/tour/lab.ts';
import { readReceiptFile } from './receipt.ts';
import { emptyProgress, mergeProgress } from './progress.ts';

const report = passingReport(tour);
const cluster = { backend: 'kubernetes' as const, distribution: 'kind' as const, version: 'v1.32.2', context: 'kind-wheelhouse' };

/** The receipt file exactly as `wheelhouse grade` writes it. */
async function receiptFileText(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wheelhouse-receipt-'));
  try {
    return readFileSync(writeReceipt(dir, await buildReceipt(tour, report, cluster)), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('receipts on the progress page', () => {
  test('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}');
  });

  test('a receipt the CLI wrote verifies with the page code', async () => {
    const result = await readReceiptFile(await receiptFileText(), ['tour']);
    expect(result).toMatchObject({ ok: true, receipt: { lab: 'tour', passedAt: '2025-01-01T00:10:00.000Z', cluster: { context: 'kind-wheelhouse' } } });
  });

  test('an edited CLI receipt fails', async () => {
    const written = JSON.parse(await receiptFileText()) as Record<string, unknown>;
    for (const edited of [{ ...written, passedAt: '2024-01-01T00:00:00.000Z' }, { ...written, lab: 'first-pod' }, { ...written, checks: [] }]) {
      expect(await readReceiptFile(JSON.stringify(edited), ['tour', 'first-pod'])).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    }
  });

  test('an unknown lab and junk are refused', async () => {
    expect(await readReceiptFile(await receiptFileText(), ['first-pod'])).toMatchObject({ ok: false, reason: expect.stringContaining('does not have') });
    expect(await readReceiptFile('{', ['tour'])).toEqual({ ok: false, reason: 'The file is not JSON.' });
    expect(await readReceiptFile('{"format":"wheelhouse-receipt/v0"}', ['tour'])).toMatchObject({ ok: false, reason: expect.stringContaining('not a wheelhouse-receipt/v1 receipt') });
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
