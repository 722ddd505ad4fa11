// The scaffolding every lab test shares, so each labs/*/lab.test.ts reads as its lab's own story:
// one check's result from a report, a near miss set up and graded, the assertion that a check fails
// naming a field, and the test that runs solution.sh in the simulator's shell.
import { expect, test } from 'vitest';
import type { Cluster } from '../../simulator/cluster.ts';
import type { GradeReport } from '../grade.ts';
import type { Lab } from '../lab.ts';
import { readLabFiles } from '../lab-files.node.ts';
import { errorLines, failures, grade, kubectlCommandsIn, missingKubectlCommands, runSolution, startLab } from './lab-harness.ts';

export type CheckResult = GradeReport['checks'][number];

/** One check's result from a report (throws if the lab has no such check). */
export function checkResult(report: GradeReport, id: string): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

/** Grade the cluster and return one check's result. */
export async function gradeCheck(lab: Lab, cluster: Cluster, id: string): Promise<CheckResult> {
  return checkResult(await grade(lab, cluster), id);
}

/** A near miss: set the lab up, do `act` to the fresh cluster, grade, and return one check's result. */
export async function nearMiss(lab: Lab, id: string, act: (cluster: Cluster) => void | Promise<void>): Promise<CheckResult> {
  const { cluster } = await startLab(lab);
  await act(cluster);
  return gradeCheck(lab, cluster, id);
}

/** The check fails, names `field`, and its message contains `words`. */
export function expectFailNaming(r: CheckResult, field: string, words: string): void {
  expect(r.status).toBe('fail');
  expect(r.field).toBe(field);
  expect(r.message).toContain(words);
}

/** The test every lab has: solution.sh, run in the simulator's shell, passes every check (skipped when
 * the in-page kubectl lacks a command the script uses). `ignoreError` lets expected stderr lines through. */
export function testSolutionScript(lab: Lab, options: { ignoreError?: (line: string) => boolean } = {}): void {
  test("solution.sh, run in the simulator's shell, passes every check", async (t) => {
    const { cluster } = await startLab(lab);
    const missing = await missingKubectlCommands(cluster, kubectlCommandsIn(readLabFiles(lab.id).solution ?? ''));
    if (missing.length) t.skip(`in-page kubectl lacks: ${missing.join(', ')}`);
    const run = await runSolution(lab, cluster);
    expect(failures(await grade(lab, cluster))).toEqual([]);
    const ignore = options.ignoreError ?? (() => false);
    expect(errorLines(run.err).filter((line) => !ignore(line))).toEqual([]);
  });
}
