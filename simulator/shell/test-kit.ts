// Shared setup for this folder's tests: a shell on a manual clock with a fresh workspace.
import { createShell } from './builtins.ts';
import type { Command } from './command.ts';
import { ManualScheduler } from './manual-scheduler.ts';
import { collectOutput, stringInput } from './streams.ts';
import { WorkspaceFs } from './workspace-fs.ts';

export function setupShell(opts: { commands?: Command[]; files?: Record<string, string> } = {}) {
  const scheduler = new ManualScheduler();
  const fs = new WorkspaceFs({ now: () => scheduler.now() });
  for (const [path, content] of Object.entries(opts.files ?? {})) {
    const abs = path.startsWith('/') ? path : `${fs.home}/${path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true });
    fs.writeFile(abs, content);
  }
  const shell = createShell({ fs, scheduler, commands: opts.commands });
  /** Run a line; stdout and stderr captured apart. */
  async function run(line: string, stdin?: string, signal?: AbortSignal) {
    const out = collectOutput();
    const err = collectOutput();
    const status = await shell.run(line, { stdout: out, stderr: err, stdin: stdin === undefined ? undefined : stringInput(stdin), signal });
    return { out: out.text(), err: err.text(), status };
  }
  return { fs, shell, scheduler, run };
}
