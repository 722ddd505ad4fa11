// The learner's ./workspace: starter files per lab, receipts, and which hints were shown.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LabFiles } from '../lab-files.node.ts';
import type { Receipt } from '../receipt.ts';

export function workspaceDir(cwd: string): string {
  return path.join(cwd, 'workspace');
}

/** Copy the starter files into workspace/<id>/, never over a file the learner already has. */
export function copyStarter(cwd: string, id: string, files: LabFiles): { written: string[]; kept: string[] } {
  const dir = path.join(workspaceDir(cwd), id);
  const result = { written: [] as string[], kept: [] as string[] };
  for (const file of files.starter) {
    const target = path.join(dir, file.path);
    if (existsSync(target)) {
      result.kept.push(path.relative(cwd, target));
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(files.dir, 'starter', file.path), target);
    result.written.push(path.relative(cwd, target));
  }
  mkdirSync(dir, { recursive: true });
  return result;
}

export function writeReceipt(cwd: string, receipt: Receipt): string {
  const file = path.join(workspaceDir(cwd), 'receipts', `${receipt.lab}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(receipt, null, 2)}\n`);
  return file;
}

type HintState = Record<string, Record<string, number>>;

function hintsFile(cwd: string): string {
  return path.join(workspaceDir(cwd), '.wheelhouse', 'hints.json');
}

export function readHints(cwd: string, lab: string): Record<string, number> {
  try {
    return (JSON.parse(readFileSync(hintsFile(cwd), 'utf8')) as HintState)[lab] ?? {};
  } catch {
    return {};
  }
}

/** One more hint per failing step, for the next grade. */
export function recordHintsShown(cwd: string, lab: string, failingSteps: string[]): void {
  let state: HintState = {};
  try {
    state = JSON.parse(readFileSync(hintsFile(cwd), 'utf8')) as HintState;
  } catch {
    // First grade: no state yet.
  }
  const mine = (state[lab] ??= {});
  for (const step of failingSteps) mine[step] = (mine[step] ?? 0) + 1;
  mkdirSync(path.dirname(hintsFile(cwd)), { recursive: true });
  writeFileSync(hintsFile(cwd), `${JSON.stringify(state, null, 2)}\n`);
}
