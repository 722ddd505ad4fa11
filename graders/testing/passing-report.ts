// A grade in which every check of a lab passed, as receipts are built from (for receipt tests).
import type { GradeReport } from '../grade.ts';
import type { Lab } from '../lab.ts';

export function passingReport(lab: Lab, gradedAt = Date.parse('2025-01-01T00:10:00Z')): GradeReport {
  const checks = lab.steps.flatMap((step) => step.checks.map((c) => ({ id: c.id, title: c.title, step: step.id, status: 'pass' as const, message: '' })));
  return { lab: lab.id, title: lab.title, namespace: lab.namespace, status: 'pass', steps: [], checks, counts: { pass: checks.length, fail: 0, error: 0 }, reads: [], gradedAt };
}
