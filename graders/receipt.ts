// A completion receipt: what a passing grade proves, small enough to paste into the site, with a
// SHA-256 digest over its content so an edited receipt is caught. The digest shows integrity, not
// authorship: anyone can compute it, so the site treats a receipt as the learner's own record.
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
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function sha256(text: string): Promise<string> {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
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
  return { ...body, digest: await sha256(canonicalJson(body)) };
}

export interface ReceiptCheck {
  ok: boolean;
  problems: string[];
}

/** Checks a receipt as the site imports it: the shape, the digest, and (given the lab) that it
 * covers every check the lab has today. */
export async function verifyReceipt(input: unknown, lab?: Lab): Promise<ReceiptCheck> {
  const problems: string[] = [];
  const r = input as Partial<Receipt> | null;
  if (!r || typeof r !== 'object' || r.format !== receiptFormat) return { ok: false, problems: [`not a ${receiptFormat} receipt`] };
  if (typeof r.digest !== 'string') problems.push('no digest');
  else {
    const { digest, ...body } = r;
    if ((await sha256(canonicalJson(body))) !== digest) problems.push('the digest does not match the content (edited or damaged)');
  }
  if (!Array.isArray(r.checks) || r.checks.some((c) => c?.status !== 'pass')) problems.push('not every check passed');
  if (lab) {
    if (r.lab !== lab.id) problems.push(`for lab ${String(r.lab)}, not ${lab.id}`);
    const have = new Set((r.checks ?? []).map((c) => c.id));
    const missing = lab.steps.flatMap((s) => s.checks.map((c) => c.id)).filter((id) => !have.has(id));
    if (missing.length) problems.push(`missing checks: ${missing.join(', ')}`);
  }
  return { ok: problems.length === 0, problems };
}
