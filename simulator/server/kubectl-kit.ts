// Runs the real kubectl against a simulator server, for tests: a fresh HOME per session (kubectl
// caches discovery and OpenAPI under ~/.kube), the server's kubeconfig, and a time limit.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function kubectlAvailable(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v kubectl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export class KubectlSession {
  readonly home: string;
  readonly kubeconfig: string;
  readonly cwd: string;

  constructor(kubeconfig: string, cwd: string) {
    this.home = mkdtempSync(join(tmpdir(), 'wheelhouse-kubectl-home-'));
    this.kubeconfig = kubeconfig;
    this.cwd = cwd;
  }

  /** Runs kubectl; with killAfterMs the process is stopped then (for -f and -w), and that is not an error. */
  run(args: string[], options: { killAfterMs?: number; timeoutMs?: number; stdin?: string } = {}): Promise<KubectlResult> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const child = spawn('kubectl', args, {
        cwd: this.cwd,
        env: { PATH: process.env.PATH ?? '', HOME: this.home, KUBECONFIG: this.kubeconfig, LANG: 'C' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += String(d)));
      child.stderr.on('data', (d) => (stderr += String(d)));
      const limit = options.killAfterMs ?? options.timeoutMs ?? 60_000;
      const timer = setTimeout(() => child.kill('SIGTERM'), limit);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, ms: performance.now() - started });
      });
      if (options.stdin !== undefined) child.stdin.end(options.stdin);
      else child.stdin.end();
    });
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}
