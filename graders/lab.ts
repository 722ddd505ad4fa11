// A lab's definition: which namespace it lives in and, per step, the checks that grade it and the
// hints revealed one at a time. What the learner reads for each step is labs/<id>/steps/NN-<id>.md.
import type { Check } from './checks/check.ts';

export interface LabStep {
  /** The step file's name without `.md`: `02-diagnose` for steps/02-diagnose.md. */
  id: string;
  title: string;
  checks: Check[];
  /** From a nudge to the answer; the page and the CLI reveal the next one after each failed check. */
  hints: string[];
}

export interface Lab {
  id: string;
  chapter: number;
  title: string;
  namespace: string;
  steps: LabStep[];
  /** The page may re-check on its own after each command (checks are cheap and only read). */
  autoCheck?: boolean;
}

export function defineLab(lab: Lab): Lab {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(lab.id)) problems.push(`id "${lab.id}" must be lower-case words joined by dashes`);
  const stepIds = new Set<string>();
  const checkIds = new Set<string>();
  for (const step of lab.steps) {
    if (stepIds.has(step.id)) problems.push(`step "${step.id}" appears twice`);
    stepIds.add(step.id);
    if (step.checks.length > 0 && step.hints.length === 0) problems.push(`step "${step.id}" has checks but no hints`);
    for (const check of step.checks) {
      if (checkIds.has(check.id)) problems.push(`check "${check.id}" appears twice`);
      checkIds.add(check.id);
    }
  }
  if (checkIds.size === 0) problems.push('a lab needs at least one check');
  if (problems.length) throw new Error(`lab ${lab.id}: ${problems.join('; ')}`);
  return Object.freeze({ ...lab, steps: lab.steps.map((s) => Object.freeze({ ...s })) });
}

export function allChecks(lab: Lab): Array<{ step: LabStep; check: Check }> {
  return lab.steps.flatMap((step) => step.checks.map((check) => ({ step, check })));
}
