// Before touching anything: are docker and kind installed, and is the Docker daemon running?
// Each failure says what is wrong and what to do, in one message.
import type { Run } from './run-command.ts';

export class ClusterError extends Error {
  override name = 'ClusterError';
}

const simulatorHint = 'Without Docker, every lab still works on the built-in simulator in the browser.';

async function installed(run: Run, tool: string): Promise<boolean> {
  const result = await run('sh', ['-c', `command -v ${tool}`]);
  return result.code === 0 && result.stdout.trim() !== '';
}

export async function requireKind(run: Run): Promise<void> {
  if (!(await installed(run, 'kind'))) {
    throw new ClusterError(`kind is not installed (no "kind" command on PATH). Install it: https://kind.sigs.k8s.io/docs/user/quick-start/#installation. ${simulatorHint}`);
  }
}

export async function requireDocker(run: Run): Promise<void> {
  if (!(await installed(run, 'docker'))) {
    throw new ClusterError(`Docker is not installed (no "docker" command on PATH). Install Docker Desktop or Docker Engine: https://docs.docker.com/get-docker/. ${simulatorHint}`);
  }
  const info = await run('docker', ['info', '--format', '{{.ServerVersion}}']);
  if (info.code !== 0) {
    const reason = (info.stderr || info.stdout).trim().split('\n')[0] ?? '';
    throw new ClusterError(`Docker is installed but its daemon is not running ("docker info" failed${reason ? `: ${reason}` : ''}). Start Docker Desktop, or run "sudo systemctl start docker", then try again.`);
  }
}
