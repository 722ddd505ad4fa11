// Completion receipts, the one definition: `wheelhouse grade` writes one after a passing grade
// (./workspace/receipts/<lab>.json) and the site's progress page verifies it before marking the
// lab done. Both import this module, so they agree on the format and the digest by construction.
// It is pure (no Node built-ins, no DOM): the digest uses Web Crypto, `crypto.subtle`, which
// Node 22+ and browsers both have.
//
// Format (wheelhouse-receipt/v1):
//   { "format": "wheelhouse-receipt/v1", "lab": "first-pod", "chapter": 4, "title": "…",
//     "namespace": "first-pod", "passedAt": "<ISO time>", "cluster": { backend, distribution,
//     version, context? }, "checks": [{ "id", "step", "status": "pass" }…], "digest": "sha256:<64 hex>" }
// where digest is SHA-256 over the canonical JSON (object keys sorted at every level, no
// whitespace, undefined fields left out) of the receipt without its "digest" field. The digest
// shows integrity, not authorship: anyone can compute it, so the site treats a receipt as the
// learner's own record, which is all a self-study course needs.
import type { GradeReport } from './grade.ts';
import type { Lab } from './lab.ts';
import type { ClusterInfo } from './reader/cluster-reader.ts';

export const receiptFormat = 'wheelhouse-receipt/v1';

export interface Receipt {
  format: typeof receiptFormat;
  lab: string;
  chapter: number;
  title: string;
  namespace: string;
  /** ISO time of the passing grade (the cluster's clock). */
  passedAt: string;
  cluster: ClusterInfo;
  checks: Array<{ id: string; step: string; status: 'pass' }>;
  /** `sha256:` + hex over the canonical JSON of every other field. */
  digest: string;
}

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The digest a receipt should carry: over everything but its "digest" field. */
export async function receiptDigest(receipt: object): Promise<string> {
  const { digest: _digest, ...body } = receipt as Record<string, unknown>;
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(body)));
  return `sha256:${[...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function buildReceipt(lab: Lab, report: GradeReport, cluster: ClusterInfo): Promise<Receipt> {
  if (report.status !== 'pass' || report.lab !== lab.id) throw new Error(`no receipt: ${lab.id} did not pass`);
  const body: Omit<Receipt, 'digest'> = {
    format: receiptFormat,
    lab: lab.id,
    chapter: lab.chapter,
    title: lab.title,
    namespace: lab.namespace,
    passedAt: new Date(report.gradedAt).toISOString(),
    cluster,
    checks: report.checks.map((c) => ({ id: c.id, step: c.step, status: 'pass' as const })),
  };
  return { ...body, digest: await receiptDigest(body) };
}

export interface ReceiptCheck {
  ok: boolean;
  problems: string[];
  /** The receipt, when ok. */
  receipt?: Receipt;
}

/** What a receipt is checked against: the lab (every check it has today must be covered), or
 * just the ids of the labs the course has (the page, which does not load every lab's checks). */
export interface ReceiptExpectation {
  lab?: Pick<Lab, 'id' | 'steps'>;
  knownLabs?: readonly string[];
}

/** Checks a receipt: the format, the digest, that every check passed, and the expectation. */
export async function verifyReceipt(input: unknown, expected: ReceiptExpectation = {}): Promise<ReceiptCheck> {
  const r = input as Partial<Receipt> | null;
  if (!r || typeof r !== 'object' || Array.isArray(r) || r.format !== receiptFormat) return { ok: false, problems: [`not a ${receiptFormat} receipt`] };
  const problems: string[] = [];
  if (typeof r.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(r.digest)) problems.push('no SHA-256 digest ("digest": "sha256:…")');
  else if ((await receiptDigest(r)) !== r.digest) problems.push('the digest does not match the content (edited or damaged)');
  if (typeof r.lab !== 'string') problems.push('no lab');
  if (typeof r.passedAt !== 'string') problems.push('no passedAt time');
  if (!Array.isArray(r.checks) || r.checks.length === 0 || r.checks.some((c) => c?.status !== 'pass')) problems.push('not every check passed');
  if (expected.knownLabs && typeof r.lab === 'string' && !expected.knownLabs.includes(r.lab)) problems.push(`for lab ${r.lab}, which this course does not have`);
  const lab = expected.lab;
  if (lab) {
    if (r.lab !== lab.id) problems.push(`for lab ${String(r.lab)}, not ${lab.id}`);
    const have = new Set((Array.isArray(r.checks) ? r.checks : []).map((c) => c?.id));
    const missing = lab.steps.flatMap((s) => s.checks.map((c) => c.id)).filter((id) => !have.has(id));
    if (missing.length) problems.push(`missing checks: ${missing.join(', ')}`);
  }
  return problems.length === 0 ? { ok: true, problems, receipt: r as Receipt } : { ok: false, problems };
}
