// `wheelhouse sim start`: start the API server, tell the learner how to point kubectl at it, run
// until interrupted (Ctrl-C or SIGTERM), then save the state and exit.
import { Command, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { simContextName } from './kubeconfig.ts';
import { startSimServer, type SimServer } from './sim-server.ts';

export interface SimStartIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the process should stop; by default on SIGINT or SIGTERM. */
  stopped?: Promise<void>;
  /** Told once the server listens (tests use it to reach the server). */
  onStarted?: (server: SimServer) => void;
}

const defaultIO: SimStartIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return n;
}

function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs `sim start` with these arguments (without the command words). Returns the exit code. */
export async function runSimStart(args: string[], io: SimStartIO = defaultIO): Promise<number> {
  const program = new Command('wheelhouse sim start')
    .description('Run the built-in Kubernetes simulator as an API server that kubectl can use')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', port, 6443)
    .option('--kubeconfig <file>', 'where to write the kubeconfig for the simulator', 'wheelhouse-sim.kubeconfig')
    .option('--state <file>', 'load the cluster from this file and save it there on exit')
    .option('--write-user-kubeconfig', `also add the ${simContextName} context to ~/.kube/config and switch to it`)
    .option('--seed <n>', 'random seed for a new cluster', (v) => Number(v))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  try {
    program.parse(args, { from: 'user' });
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 2;
  }
  const opts = program.opts<{ port: number; kubeconfig: string; state?: string; writeUserKubeconfig?: boolean; seed?: number }>();
  const kubeconfigPath = resolve(opts.kubeconfig);
  let server: SimServer;
  try {
    server = await startSimServer({
      port: opts.port,
      kubeconfigPath,
      statePath: opts.state ? resolve(opts.state) : undefined,
      writeUserKubeconfig: opts.writeUserKubeconfig,
      seed: opts.seed,
    });
  } catch (e) {
    io.err(`wheelhouse sim: could not start: ${(e as Error).message}`);
    return 1;
  }
  io.out(`Wheelhouse simulator: a Kubernetes ${'v1.32'} API server is listening on ${server.url} (started in ${Math.round(server.startupMs)} ms).`);
  io.out('');
  io.out('Point kubectl at it:');
  io.out(`  export KUBECONFIG=${kubeconfigPath}`);
  io.out('  kubectl get nodes');
  if (opts.writeUserKubeconfig) io.out(`(The ${simContextName} context was also added to ~/.kube/config and made current.)`);
  if (opts.state) io.out(`The cluster is saved to ${resolve(opts.state)} when you stop it.`);
  io.out('Press Ctrl-C to stop.');
  io.onStarted?.(server);
  await (io.stopped ?? untilSignal());
  await server.close();
  io.out(opts.state ? `Stopped; cluster saved to ${resolve(opts.state)}.` : 'Stopped.');
  return 0;
}
