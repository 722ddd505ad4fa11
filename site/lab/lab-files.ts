// The lab folders' text files, bundled at build time for the worker: setup manifests, starter
// files and solutions. The same files graders/lab-files.node.ts reads from disk for the CLI.
import type { ManifestFile } from '../../graders/manifests.ts';

const setupFiles = import.meta.glob<string>('../../labs/*/setup/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });
const starterFiles = import.meta.glob<string>('../../labs/*/starter/**/*', { query: '?raw', import: 'default', eager: true });
const solutions = import.meta.glob<string>('../../labs/*/solution.sh', { query: '?raw', import: 'default', eager: true });

function under(files: Record<string, string>, prefix: string): Array<{ path: string; content: string }> {
  return Object.entries(files)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, content]) => ({ path: path.slice(prefix.length), content }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface BundledLabFiles {
  setup: ManifestFile[];
  /** Relative to the workspace's home. */
  starter: Array<{ path: string; content: string }>;
  solution: string | undefined;
}

export function bundledLabFiles(id: string): BundledLabFiles {
  return {
    setup: under(setupFiles, `../../labs/${id}/setup/`).map(({ path, content }) => ({ name: path, text: content })),
    starter: under(starterFiles, `../../labs/${id}/starter/`),
    solution: solutions[`../../labs/${id}/solution.sh`],
  };
}
