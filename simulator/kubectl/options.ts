// kubectl options: the flags every command takes.
import type { KubectlCommand } from './command.ts';
import { flagUsages } from './help.ts';
import { globalFlags } from './global-flags.ts';

export const options: KubectlCommand = {
  name: 'options',
  short: 'Show the options every command accepts',
  use: 'options [flags]',
  run(inv) {
    inv.out(`The following options can be passed to any command:\n\n${flagUsages(globalFlags, Number.POSITIVE_INFINITY)}\n`);
    return 0;
  },
};
