// kubectl create configmap NAME --from-literal/--from-file/--from-env-file.
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { createGenerated, enforcedNamespace, generatorFlags, nameArgument } from './create-common.ts';
import { addData, readDataSources } from './create-data-sources.ts';
import { KubectlError } from './errors.ts';

export const dataSourceFlags = [
  { name: 'append-hash', type: 'bool' as const, usage: 'Append a hash of the data to the name (not available in the in-browser terminal).' },
  { name: 'from-env-file', type: 'stringSlice' as const, usage: 'A file of KEY=VALUE lines (like a Docker .env file); each line becomes a key.' },
  { name: 'from-file', type: 'stringSlice' as const, usage: 'A file, [key=]file, or a folder: each file becomes a key named after the file unless a key is given.' },
  { name: 'from-literal', type: 'stringArray' as const, usage: 'A key and a literal value, as key=value (e.g. mykey=somevalue).' },
];

export const createConfigMap: KubectlCommand = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  long: `Create a config map from files, folders or literal values.

 A file becomes one key named after the file (or the key you give with key=file); a folder gives one key per file in it.`,
  example: `  # A config map with two literal keys
  kubectl create configmap app-config --from-literal=mode=dev --from-literal=retries=3

  # A key per file in a folder
  kubectl create configmap app-config --from-file=config/

  # From an env file
  kubectl create configmap app-config --from-env-file=app.env`,
  use: 'configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags]',
  flags: [...generatorFlags, ...dataSourceFlags],
  run(inv) {
    const name = nameArgument(inv);
    if (inv.flags.bool('append-hash')) throw new KubectlError('--append-hash is not available in the in-browser terminal');
    const data: Record<string, string> = {};
    addData(data, readDataSources(inv), 'ConfigMap', name, (v) => v);
    const namespace = enforcedNamespace(inv);
    const configMap: KubeObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string } };
    if (Object.keys(data).length) configMap.data = data;
    return createGenerated(inv, configMap, 'failed to create configmap: ');
  },
};
