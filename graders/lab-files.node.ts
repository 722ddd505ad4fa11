// A lab folder on disk: step texts, setup manifests, starter files and the solution script.
// The CLI and the tests read labs through here; the page bundles the same files at build time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestFile } from './manifests.ts';

/** labs/ in this checkout. */
export const labsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'labs');

export interface StepText {
  id: string;
  /** The step file's first heading. */
  title: string;
  markdown: string;
}

export interface LabFiles {
  dir: string;
  steps: StepText[];
  setup: ManifestFile[];
  /** Relative path → content. */
  starter: Array<{ path: string; content: string }>;
  solution: string | undefined;
}

function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
    });
}

export function stepTitle(markdown: string): string {
  const heading = markdown.split('\n').find((line) => /^#{1,6}\s/.test(line));
  return heading ? heading.replace(/^#{1,6}\s+/, '').trim() : '';
}

export function readLabFiles(id: string, root = labsDir): LabFiles {
  const dir = path.join(root, id);
  if (!existsSync(dir)) throw new Error(`no lab folder ${dir}`);
  const steps = filesUnder(path.join(dir, 'steps'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const markdown = readFileSync(path.join(dir, 'steps', f), 'utf8');
      return { id: f.replace(/\.md$/, ''), title: stepTitle(markdown), markdown };
    });
  const setup = filesUnder(path.join(dir, 'setup'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, 'setup', f), 'utf8') }));
  const starter = filesUnder(path.join(dir, 'starter')).map((f) => ({ path: f, content: readFileSync(path.join(dir, 'starter', f), 'utf8') }));
  const solutionPath = path.join(dir, 'solution.sh');
  return { dir, steps, setup, starter, solution: existsSync(solutionPath) ? readFileSync(solutionPath, 'utf8') : undefined };
}
