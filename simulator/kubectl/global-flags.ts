// The flags every kubectl command accepts, and -h/--help.
import type { FlagSpec } from './flags.ts';

export const helpFlag: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'help for this command', hidden: true };

/** The options every command accepts (`kubectl options` lists them). */
export const globalFlags: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests. In the in-browser terminal there is one built-in kubeconfig; see "kubectl config view".',
  },
];

