// kubectl api-versions: every group/version the server serves, sorted, one per line.
import { apiVersionOf } from '../machinery/resources.ts';
import type { KubectlCommand } from './command.ts';
import { servedTypes } from './resources.ts';

export const apiVersions: KubectlCommand = {
  name: 'api-versions',
  group: 'Other Commands',
  short: 'List the API versions the server offers, as "group/version"',
  long: 'List the API versions the server offers, as "group/version".',
  example: '  # List the API versions\n  kubectl api-versions',
  use: 'api-versions',
  run(inv) {
    const versions = [...new Set(servedTypes().map((rt) => apiVersionOf(rt)))].sort();
    inv.out(versions.map((v) => `${v}\n`).join(''));
  },
};
