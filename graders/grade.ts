// gradeLab: run every check of a lab against one snapshot of the cluster. The lists every check
// declares are fetched once, in parallel, through the caching reader; then the checks run over it.
import { cachedReader, type ReadStats } from './reader/cached-reader.ts';
import type { ClusterReader } from './reader/cluster-reader.ts';
import { isReadError } from './reader/read-errors.ts';
import type { CheckContext, KindRead } from './checks/check.ts';
import type { CheckOutcome, CheckStatus } from './checks/result.ts';
import { allChecks, type Lab } from './lab.ts';

export interface CheckResult extends CheckOutcome {
  id: string;
  title: string;
  step: string;
  /** The step's next hint, for a check that did not pass. */
  hint?: string;
}

export interface StepReport {
  id: string;
  title: string;
  status: CheckStatus | 'none';
  checks: CheckResult[];
}

export interface GradeReport {
  lab: string;
  title: string;
  namespace: string;
  status: CheckStatus;
  steps: StepReport[];
  checks: CheckResult[];
  counts: Record<CheckStatus, number>;
  /** Every list the grade made (one per kind and namespace). */
  reads: ReadStats['lists'];
  /** When the cluster was read (the cluster's clock, epoch ms). */
  gradedAt: number;
}

export interface GradeOptions {
  /** The cluster's now (the simulator's virtual clock); default the wall clock. */
  now?: number;
  /** Hints already shown per step id; the next one is attached to failing checks. */
  hintsShown?: Record<string, number>;
}

/** Worst of a set: error beats fail beats pass. */
export function overallStatus(statuses: CheckStatus[]): CheckStatus {
  if (statuses.includes('error')) return 'error';
  if (statuses.includes('fail')) return 'fail';
  return 'pass';
}

function prefetchKey(read: KindRead, lab: Lab): { kind: string; namespace: string | undefined } {
  const ns = read.namespace ?? 'lab';
  return { kind: read.kind, namespace: ns === 'all' ? undefined : ns === 'lab' ? lab.namespace : ns };
}

export async function gradeLab(lab: Lab, reader: ClusterReader, options: GradeOptions = {}): Promise<GradeReport> {
  const cached = cachedReader(reader);
  const now = options.now ?? Date.now();
  const ctx: CheckContext = { reader: cached, namespace: lab.namespace, now };
  const entries = allChecks(lab);

  // Fetch every declared collection at once; failures surface in the checks that need them.
  const wanted = new Map<string, { kind: string; namespace: string | undefined }>();
  for (const { check } of entries) {
    for (const read of check.reads) {
      const key = prefetchKey(read, lab);
      wanted.set(`${key.kind} ${key.namespace ?? '*'}`, key);
    }
  }
  await Promise.all([...wanted.values()].map((w) => cached.list(w.kind, { namespace: w.namespace }).catch(() => undefined)));

  const results = await Promise.all(
    entries.map(async ({ step, check }): Promise<CheckResult> => {
      let outcome: CheckOutcome;
      try {
        outcome = await check.run(ctx);
      } catch (err) {
        outcome = isReadError(err)
          ? { status: 'error', message: err.message }
          : { status: 'error', message: `The check itself failed (a bug in the grader, not in your work): ${err instanceof Error ? err.message : String(err)}` };
      }
      const result: CheckResult = { id: check.id, title: check.title, step: step.id, ...outcome };
      if (outcome.status !== 'pass' && step.hints.length > 0) {
        const shown = options.hintsShown?.[step.id] ?? 0;
        result.hint = step.hints[Math.min(shown, step.hints.length - 1)];
      }
      return result;
    }),
  );

  const steps: StepReport[] = lab.steps.map((step) => {
    const checks = results.filter((r) => r.step === step.id);
    return { id: step.id, title: step.title, status: checks.length ? overallStatus(checks.map((c) => c.status)) : 'none', checks };
  });
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  return {
    lab: lab.id,
    title: lab.title,
    namespace: lab.namespace,
    status: overallStatus(results.map((r) => r.status)),
    steps,
    checks: results,
    counts,
    reads: cached.stats().lists,
    gradedAt: now,
  };
}
