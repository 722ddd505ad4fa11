// kubectl version: the client (this in-page kubectl, v1.32), the Kustomize it would bundle, and
// the server's version; -o json|yaml prints the same as the structured VersionInfo.
import { kubernetesVersion } from '../cluster-seed.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { KubectlError } from './errors.ts';
import { toJson } from './output-json.ts';
import { toYaml } from './output-yaml.ts';

export const clientVersion = 'v1.32.2';
export const kustomizeVersion = 'v5.5.0';

function versionInfo(gitVersion: string) {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return {
    major: major ?? '1',
    minor: minor ?? '32',
    gitVersion,
    gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
    gitTreeState: 'clean',
    buildDate: '2025-02-12T21:19:47Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export const version: KubectlCommand = {
  name: 'version',
  group: 'Other Commands',
  short: 'Show the client and server versions',
  long: 'Show the version of this kubectl and of the cluster it talks to.',
  example: `  # Show the client and server versions
  kubectl version

  # Only the client, without asking the cluster
  kubectl version --client`,
  use: 'version [flags]',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, show the client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run(inv: Invocation) {
    const clientOnly = inv.flags.bool('client');
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError(`--output must be 'yaml' or 'json'`);
    const server = inv.host.serverVersion ?? kubernetesVersion;
    if (output) {
      const info: Record<string, unknown> = { clientVersion: versionInfo(clientVersion), kustomizeVersion };
      if (!clientOnly) info.serverVersion = versionInfo(server);
      inv.out(output === 'json' ? toJson(info, { sortKeys: false, indent: '  ' }) : toYaml(info));
      return 0;
    }
    inv.out(`Client Version: ${clientVersion}\nKustomize Version: ${kustomizeVersion}\n`);
    if (!clientOnly) inv.out(`Server Version: ${server}\n`);
    return 0;
  },
};
