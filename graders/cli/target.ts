// The cluster a command talks to: --kubeconfig and --context, else the current context.
import type { Command } from 'commander';
import { clientNodeReader, type ClientNodeReader } from '../reader/client-node-reader.node.ts';

export interface TargetOptions {
  context?: string;
  kubeconfig?: string;
  timeout?: string;
}

export function withTargetOptions(command: Command): Command {
  return command
    .option('--context <name>', 'the kube context to use (default: the current context)')
    .option('--kubeconfig <file>', 'the kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--timeout <seconds>', 'how long to wait for each API request', '15');
}

export function readerFor(options: TargetOptions): ClientNodeReader {
  const seconds = Number(options.timeout ?? '15');
  return clientNodeReader({ context: options.context, kubeconfig: options.kubeconfig, timeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 15_000 });
}
