// kubectl create secret generic NAME --from-literal/--from-file/--from-env-file: the values are
// stored base64-encoded in .data, exactly as the bytes were given.
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { dataSourceFlags } from './create-configmap.ts';
import { createGenerated, enforcedNamespace, generatorFlags, nameArgument } from './create-common.ts';
import { addData, base64Utf8, readDataSources } from './create-data-sources.ts';
import { KubectlError } from './errors.ts';

const generic: KubectlCommand = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  long: `Create a secret from files, folders or literal values. Each value is stored base64-encoded.

 A file becomes one key named after the file (or the key you give with key=file); a folder gives one key per file in it.`,
  example: `  # A secret with a literal password
  kubectl create secret generic db-pass --from-literal=password=s3cret

  # A key per file in a folder
  kubectl create secret generic tls-files --from-file=certs/`,
  use: 'generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags]',
  flags: [...generatorFlags, ...dataSourceFlags, { name: 'type', type: 'string', usage: 'The type of secret to create.' }],
  run(inv) {
    const name = nameArgument(inv);
    if (inv.flags.bool('append-hash')) throw new KubectlError('--append-hash is not available in the in-browser terminal');
    const data: Record<string, string> = {};
    addData(data, readDataSources(inv), 'Secret', name, base64Utf8);
    const namespace = enforcedNamespace(inv);
    const secret: KubeObject = { kind: 'Secret', apiVersion: 'v1', metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string } };
    if (Object.keys(data).length) secret.data = data;
    if (inv.flags.string('type')) secret.type = inv.flags.string('type');
    return createGenerated(inv, secret, 'failed to create secret ');
  },
};

function notHere(name: string, short: string): KubectlCommand {
  return {
    name,
    short,
    use: `${name} NAME [flags]`,
    run() {
      throw new KubectlError(`create secret ${name} is not available in the in-browser terminal yet; use create secret generic`);
    },
  };
}

export const createSecret: KubectlCommand = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  long: 'Create a secret with the given name.',
  use: 'secret (docker-registry | generic | tls) [flags]',
  subcommands: [notHere('docker-registry', 'Create a secret for use with a Docker registry'), generic, notHere('tls', 'Create a TLS secret')],
};
