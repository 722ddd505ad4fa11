// kubectl create namespace NAME.
import type { KubectlCommand } from './command.ts';
import { createGenerated, generatorFlags, nameArgument } from './create-common.ts';

export const createNamespace: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the given name',
  long: 'Create a namespace with the given name.',
  example: '  # Create a namespace named team-a\n  kubectl create namespace team-a',
  use: 'namespace NAME [--dry-run=server|client|none] [flags]',
  flags: generatorFlags,
  run(inv) {
    const name = nameArgument(inv);
    return createGenerated(inv, { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null as unknown as string }, spec: {}, status: {} }, undefined);
  },
};
