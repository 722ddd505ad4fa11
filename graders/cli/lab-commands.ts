// `wheelhouse lab list|start|reset|solve`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { labs, findLab } from '../../labs/index.ts';
import type { Lab } from '../lab.ts';
import { readLabFiles } from '../lab-files.node.ts';
import { clientNodeWriter } from '../lab-setup.node.ts';
import { resetLab, setUpLab, type SetupReport } from '../lab-setup.ts';
import { parseManifests } from '../manifests.ts';
import { CliError } from './errors.ts';
import { readerFor, withTargetOptions, type TargetOptions } from './target.ts';
import { styleFor, withSpinner, type CliIO } from './terminal.ts';
import { copyStarter, workspaceDir } from './workspace.ts';

export function requireLab(id: string): Lab {
  const lab = findLab(id);
  if (!lab) throw new CliError(2, `There is no lab "${id}". Labs: ${labs.map((l) => l.id).join(', ')}.`);
  return lab;
}

function printSetup(io: CliIO, lab: Lab, report: SetupReport): void {
  if (report.created.length === 0 && report.existing.length === 0) {
    io.out(`Nothing to set up: in this lab you create the ${lab.namespace} namespace yourself.\n`);
    return;
  }
  for (const name of report.created) io.out(`  created ${name}\n`);
  for (const name of report.existing) io.out(`  ${name} already exists (kept; \`wheelhouse lab reset ${lab.id}\` starts over)\n`);
}

export function addLabCommands(program: Command, io: CliIO): void {
  const lab = program.command('lab').description('list, start, reset and solve labs');
  const style = styleFor(io);

  lab
    .command('list')
    .description('list the labs')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const rows = labs.map((l) => ({
        id: l.id,
        chapter: l.chapter,
        title: l.title,
        namespace: l.namespace,
        steps: l.steps.length,
        checks: l.steps.reduce((n, s) => n + s.checks.length, 0),
      }));
      if (options.json) {
        io.out(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(...rows.map((r) => r.id.length));
      for (const r of rows) io.out(`${String(r.chapter).padStart(2, '0')}  ${r.id.padEnd(width)}  ${r.title} ${style.dim(`(${r.checks} checks, namespace ${r.namespace})`)}\n`);
    });

  withTargetOptions(lab.command('start <id>').description('set the lab up on the cluster, copy its starter files, print the first step')).action(
    async (id: string, options: TargetOptions) => {
      const chosen = requireLab(id);
      const files = readLabFiles(chosen.id);
      const reader = readerFor(options);
      io.out(style.bold(`${chosen.title} — lab ${chosen.id}`) + style.dim(` (context ${reader.context})\n`));
      const report = await withSpinner(io, 'setting up…', setUpLab(chosen, parseManifests(files.setup), clientNodeWriter(reader.http)));
      printSetup(io, chosen, report);
      const copied = copyStarter(io.cwd, chosen.id, files);
      for (const f of copied.written) io.out(`  wrote ${f}\n`);
      for (const f of copied.kept) io.out(`  kept your ${f}\n`);
      io.out(`\nWork in ${path.relative(io.cwd, path.join(workspaceDir(io.cwd), chosen.id)) || '.'}; check your work with \`wheelhouse grade ${chosen.id}\`.\n\n`);
      const first = files.steps[0];
      if (first) io.out(`${first.markdown.trim()}\n`);
    },
  );

  withTargetOptions(lab.command('reset <id>').description("delete the lab's namespace and set it up again")).action(async (id: string, options: TargetOptions) => {
    const chosen = requireLab(id);
    const reader = readerFor(options);
    io.out(`Resetting ${chosen.id}: deleting namespace ${chosen.namespace} and setting it up again (context ${reader.context})…\n`);
    const report = await withSpinner(io, `waiting for namespace ${chosen.namespace} to go…`, resetLab(chosen, parseManifests(readLabFiles(chosen.id).setup), clientNodeWriter(reader.http)));
    printSetup(io, chosen, report);
    io.out(`Your files in workspace/${chosen.id}/ were left as they are.\n`);
  });

  withTargetOptions(lab.command('solve <id>').description("(instructors) run the lab's solution.sh with bash and the real kubectl")).action(async (id: string, options: TargetOptions) => {
    const chosen = requireLab(id);
    const files = readLabFiles(chosen.id);
    if (!files.solution) throw new CliError(2, `Lab ${chosen.id} has no solution.sh.`);
    const reader = readerFor(options);
    copyStarter(io.cwd, chosen.id, files);
    // kubectl in the script honours KUBECONFIG; a private copy pins the chosen context.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wheelhouse-solve-'));
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, reader.http.kc.exportConfig(), { mode: 0o600 });
    io.out(style.dim(`Running labs/${chosen.id}/solution.sh in workspace/${chosen.id}/ against context ${reader.context}\n`));
    try {
      const code = await new Promise<number>((resolve, reject) => {
        const child = spawn('bash', [path.join(files.dir, 'solution.sh')], {
          cwd: path.join(workspaceDir(io.cwd), chosen.id),
          env: { ...io.env, KUBECONFIG: kubeconfig },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (chunk: Buffer) => io.out(chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => io.err(chunk.toString()));
        child.on('error', (err) => reject(new CliError(2, `could not run bash: ${err.message}`)));
        child.on('close', (status) => resolve(status ?? 1));
      });
      if (code !== 0) throw new CliError(1, `solution.sh exited with ${code}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
