// `wheelhouse sim start`: the simulator's HTTP API server, from simulator/server/.
import type { Command } from 'commander';
import { CliError } from './errors.ts';
import type { CliContext } from './context.ts';

type RunSimStart = (args: string[], io: { out: (l: string) => void; err: (l: string) => void; stopped?: Promise<void> }) => Promise<number>;

async function loadRunSimStart(): Promise<RunSimStart> {
  try {
    const module = (await import('../../simulator/server/sim-start.ts')) as { runSimStart?: RunSimStart };
    if (typeof module.runSimStart === 'function') return module.runSimStart;
  } catch {
    // Not built yet in this checkout.
  }
  throw new CliError(2, '`wheelhouse sim start` is not available yet: the simulator API server (simulator/server/) is not in this checkout.');
}

export function addSimCommands(program: Command, cli: CliContext): void {
  const sim = program.command('sim').description('the built-in simulator as a Kubernetes API server');
  sim
    .command('start')
    .description('start the simulator API server for the real kubectl (options: --port, --kubeconfig, --state, --write-user-kubeconfig, --seed)')
    .allowUnknownOption(true)
    .helpOption(false)
    .argument('[args...]')
    .action(async (args: string[]) => {
      const runSimStart = await loadRunSimStart();
      cli.exitCode = await runSimStart(args, { out: (l) => cli.io.out(`${l}\n`), err: (l) => cli.io.err(`${l}\n`), stopped: cli.stopped() });
    });
}
