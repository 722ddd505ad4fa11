// CLI receipts on the progress page: `wheelhouse grade <lab>` writes ./workspace/receipts/<lab>.json
// after a passing grade, and the page marks the lab done from one only if it verifies. The format
// and the digest (canonical JSON + SHA-256 through Web Crypto) are graders/receipt.ts's, the same
// code the CLI writes receipts with; this file only reads the file's text and words the answer.
import { verifyReceipt, type Receipt } from '../../graders/receipt.ts';

export type ReceiptImport = { ok: true; receipt: Receipt } | { ok: false; reason: string };

/** A receipt file's text, checked against the labs this course has. */
export async function readReceiptFile(text: string, knownLabs: readonly string[]): Promise<ReceiptImport> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  const result = await verifyReceipt(value, { knownLabs });
  if (!result.ok || !result.receipt) return { ok: false, reason: `The receipt was refused: ${result.problems.join('; ')}.` };
  return { ok: true, receipt: result.receipt };
}
