// A grade report as the learner reads it in a terminal, and as --json prints it.
import type { CheckResult, GradeReport } from '../grade.ts';
import type { Style } from './terminal.ts';

const marks = { pass: '✓', fail: '✗', error: '!' } as const;

function checkLines(check: CheckResult, style: Style): string[] {
  const mark = style[check.status](marks[check.status]);
  const lines = [`  ${mark} ${check.title}`];
  if (check.status !== 'pass' || check.note) {
    if (check.status !== 'pass') lines.push(`      ${check.message}`);
    if (check.object) lines.push(style.dim(`      object: ${check.object}${check.field ? `, field ${check.field}` : ''}`));
    if (check.expected !== undefined || check.found !== undefined) lines.push(style.dim(`      expected ${check.expected ?? '—'}, found ${check.found ?? '—'}`));
    if (check.note) lines.push(style.dim(`      note: ${check.note}`));
    if (check.hint) lines.push(`      ${style.bold('hint:')} ${check.hint}`);
  }
  return lines;
}

export function renderReport(report: GradeReport, style: Style): string {
  const lines = [style.bold(`${report.title} — lab ${report.lab} (namespace ${report.namespace})`), ''];
  for (const step of report.steps) {
    if (step.checks.length === 0) continue;
    lines.push(`${step.title}`);
    for (const check of step.checks) lines.push(...checkLines(check, style));
    lines.push('');
  }
  const { pass, fail, error } = report.counts;
  const total = pass + fail + error;
  const summary =
    report.status === 'pass'
      ? style.pass(`All ${total} checks pass.`)
      : `${style.pass(`${pass} passed`)}, ${style.fail(`${fail} failed`)}${error ? `, ${style.error(`${error} could not be checked`)}` : ''} (of ${total}).`;
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}

export function reportJson(report: GradeReport): unknown {
  return {
    lab: report.lab,
    namespace: report.namespace,
    status: report.status,
    counts: report.counts,
    checks: report.checks.map((c) => ({
      id: c.id,
      step: c.step,
      title: c.title,
      status: c.status,
      message: c.message,
      object: c.object,
      field: c.field,
      expected: c.expected,
      found: c.found,
      note: c.note,
      hint: c.hint,
    })),
  };
}

/** 0 when every check passes, 1 when a check fails, 2 when grading could not judge. */
export function exitCodeFor(report: GradeReport): 0 | 1 | 2 {
  if (report.counts.fail > 0) return 1;
  if (report.counts.error > 0) return 2;
  return 0;
}
