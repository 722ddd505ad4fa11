// The `wheelhouse` command line: lab list|start|reset|solve, grade, sim start, cluster up|down|load-images.
// runCli parses argv and returns the exit code; errors become one clear line on stderr.
import { Command, CommanderError } from 'commander';
import { isReadError } from '../reader/read-errors.ts';
import { addClusterCommands } from './cluster-commands.ts';
import type { CliContext } from './context.ts';
import { CliError } from './errors.ts';
import { addGradeCommand } from './grade-command.ts';
import { addLabCommands } from './lab-commands.ts';
import { addSimCommands } from './sim-commands.ts';
import { styleFor, type CliIO } from './terminal.ts';

export function createProgram(cli: CliContext): Command {
  const program = new Command('wheelhouse')
    .description('Wheelhouse: an interactive Kubernetes course. Labs, grading and the built-in simulator.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => cli.io.out(s), writeErr: (s) => cli.io.err(s) });
  addLabCommands(program, cli.io);
  addGradeCommand(program, cli);
  addSimCommands(program, cli);
  addClusterCommands(program, cli);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

export async function runCli(argv: string[], io: CliIO, stopped: () => Promise<void> = () => new Promise(() => {})): Promise<number> {
  const cli: CliContext = { io, exitCode: 0, stopped };
  try {
    await createProgram(cli).parseAsync(argv, { from: 'user' });
    return cli.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const style = styleFor(io);
    if (err instanceof CliError) {
      io.err(`${style.fail('error:')} ${err.message}\n`);
      return err.exitCode;
    }
    if (isReadError(err)) {
      io.err(`${style.error('!')} ${err.message}\n`);
      return 2;
    }
    io.err(`${style.fail('error:')} ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
