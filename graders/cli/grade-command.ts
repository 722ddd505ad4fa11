// `wheelhouse grade <id>`: run the lab's checks through client-node, print ✓ ✗ ! with explanations
// and the next hint, write a receipt when everything passes, exit 0/1/2.
import type { Command } from 'commander';
import { gradeLab, type GradeReport } from '../grade.ts';
import type { Lab } from '../lab.ts';
import { buildReceipt } from '../receipt.ts';
import type { ClusterReader } from '../reader/cluster-reader.ts';
import { requireLab } from './lab-commands.ts';
import { exitCodeFor, renderReport, reportJson } from './report-text.ts';
import { readerFor, withTargetOptions, type TargetOptions } from './target.ts';
import { styleFor, withSpinner, type CliIO } from './terminal.ts';
import type { CliContext } from './context.ts';
import { readHints, recordHintsShown, writeReceipt } from './workspace.ts';
import path from 'node:path';

interface GradeOptions extends TargetOptions {
  json?: boolean;
  watch?: boolean;
  interval?: string;
}

async function gradeOnce(io: CliIO, lab: Lab, reader: ClusterReader, options: GradeOptions): Promise<{ report: GradeReport; code: 0 | 1 | 2 }> {
  const report = await withSpinner(io, `grading ${lab.id}…`, gradeLab(lab, reader, { hintsShown: readHints(io.cwd, lab.id) }));
  let receiptPath: string | undefined;
  if (report.status === 'pass') {
    receiptPath = writeReceipt(io.cwd, await buildReceipt(lab, report, await reader.clusterInfo()));
  } else {
    recordHintsShown(io.cwd, lab.id, report.steps.filter((s) => s.status !== 'pass' && s.status !== 'none').map((s) => s.id));
  }
  if (options.json) {
    io.out(`${JSON.stringify({ ...(reportJson(report) as object), receipt: receiptPath ? path.relative(io.cwd, receiptPath) : undefined }, null, 2)}\n`);
  } else {
    io.out(renderReport(report, styleFor(io)));
    if (receiptPath) io.out(`Receipt written to ${path.relative(io.cwd, receiptPath)}.\n`);
  }
  return { report, code: exitCodeFor(report) };
}

export function addGradeCommand(program: Command, cli: CliContext): void {
  const { io, stopped } = cli;
  withTargetOptions(program.command('grade <id>').description("check a lab's end state on the cluster (only reads)"))
    .option('--json', 'print the result as JSON')
    .option('--watch', 'grade again every few seconds until everything passes (Ctrl-C stops)')
    .option('--interval <seconds>', 'seconds between grades with --watch', '3')
    .action(async (id: string, options: GradeOptions) => {
      const lab = requireLab(id);
      const reader = readerFor(options);
      let { report, code } = await gradeOnce(io, lab, reader, options);
      if (options.watch) {
        const interval = Math.max(1, Number(options.interval ?? '3')) * 1000;
        let stop = false;
        void stopped().then(() => (stop = true));
        let last = JSON.stringify(reportJson(report));
        while (!stop && report.status !== 'pass') {
          await Promise.race([new Promise((r) => setTimeout(r, interval)), stopped()]);
          if (stop) break;
          const next = await gradeLab(lab, reader, { hintsShown: readHints(io.cwd, lab.id) });
          // Print again only when something changed, so the screen is quiet while the learner works.
          if (JSON.stringify(reportJson(next)) !== last) ({ report, code } = await gradeOnce(io, lab, reader, options));
          else report = next;
          last = JSON.stringify(reportJson(report));
        }
      }
      cli.exitCode = code;
    });
}
