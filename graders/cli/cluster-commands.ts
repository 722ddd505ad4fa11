// `wheelhouse cluster up|down|load-images`: the kind cluster from bookstore/cluster/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { CliError } from './errors.ts';
import type { CliContext } from './context.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ClusterModule {
  clusterUp(o: object): Promise<void>;
  clusterDown(o: object): Promise<void>;
  loadImages(o: object): Promise<string[]>;
}

async function load(): Promise<{ cluster: ClusterModule; runner: (o: object) => unknown }> {
  try {
    const cluster = (await import('../../bookstore/cluster/wheelhouse-cluster.ts')) as unknown as ClusterModule;
    const { commandRunner } = (await import('../../bookstore/cluster/run-command.ts')) as unknown as { commandRunner: (o: object) => unknown };
    return { cluster, runner: commandRunner };
  } catch (err) {
    throw new CliError(2, `\`wheelhouse cluster\` is not available yet: bookstore/cluster/ could not be loaded (${err instanceof Error ? err.message : String(err)}).`);
  }
}

export function addClusterCommands(program: Command, cli: CliContext): void {
  const cluster = program.command('cluster').description('the kind cluster "wheelhouse" with the Bookstore images');
  const run = (what: 'up' | 'down' | 'load-images') => async (options: { image?: string[] }) => {
    const { cluster: c, runner } = await load();
    const log = (line: string) => cli.io.out(`${line}\n`);
    const opts = { run: runner({ onOutput: (chunk: string) => cli.io.err(chunk) }), repoRoot, log, images: options.image };
    try {
      if (what === 'up') await c.clusterUp(opts);
      else if (what === 'down') await c.clusterDown(opts);
      else log(`loaded: ${(await c.loadImages(opts)).join(', ')}`);
    } catch (err) {
      throw new CliError(2, err instanceof Error ? err.message : String(err));
    }
  };
  cluster.command('up').description('create the kind cluster and load the Bookstore images').action(run('up'));
  cluster.command('down').description('delete the kind cluster').action(run('down'));
  cluster
    .command('load-images')
    .description('build the Bookstore images and load them into the cluster')
    .option('--image <ref...>', 'only these images (e.g. bookstore/catalog:1.5)')
    .action(run('load-images'));
}
