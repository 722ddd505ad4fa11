// How the cluster commands reach docker and kind: through an injected `run`, so tests (and the
// CLI) decide what actually executes.
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type Run = (command: string, args: string[]) => Promise<RunResult>;

/** The real runner: spawns the command and collects its output; `onOutput` can stream it too. */
export function commandRunner(options: { env?: NodeJS.ProcessEnv; cwd?: string; onOutput?: (chunk: string) => void } = {}): Run {
  return (command, args) =>
    new Promise((resolve) => {
      const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        options.onOutput?.(chunk.toString('utf8'));
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        options.onOutput?.(chunk.toString('utf8'));
      });
      child.on('error', (error) => resolve({ code: 127, stdout, stderr: stderr + error.message }));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
}
