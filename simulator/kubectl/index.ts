// The in-page kubectl: a shell Command over the simulator's API.
//   const kubeconfig = new Kubeconfig(saved);            // persist kubeconfig.toJSON()
//   const kubectl = createKubectl({ client: cluster.client, now: () => cluster.clock.now(), kubeconfig, editor });
//   createShell({ fs, scheduler, commands: [kubectl] });
// For the lab terminal, simulator/lab-shell.ts wires all of it (kubectl with the workload
// commands, curl, sim) in one call: createLabShell({ cluster }).
export { createKubectl, findCommand, type KubectlOptions } from './kubectl.ts';
export { globalFlags } from './global-flags.ts';
export { workloadCommands } from './workload-commands.ts';
export { clusterWorkloadHost, type WorkloadHost } from './workload-host.ts';
export { Kubeconfig, defaultKubeconfig, type KubeconfigState, type KubeconfigContext } from './kubeconfig.ts';
export type { KubectlCommand, KubectlHost, Invocation, EditorHost, HelpGroup, ArgCompletion } from './command.ts';
export { KubectlError, UsageError, ErrorList, formatError, withSource } from './errors.ts';
export { parseFlags, FlagError, type FlagSpec, type ParsedFlags } from './flags.ts';
export { parseResourceArgs, fetchResources, resolveType, kindName, kindQuoted, typeForManifest } from './resources.ts';
export { readManifests, filenameFlags, type Manifest } from './manifests.ts';
export { parseOutput, formatObjects, objectName, printWriteResult, outputFlag, dryRunFlag, parseDryRun, type OutputFormat, type DryRun } from './output.ts';
export { toYaml } from './output-yaml.ts';
export { toJson } from './output-json.ts';
export { parseJsonPath, executeJsonPath, relaxedJsonPath } from './jsonpath.ts';
export { selectorFlag, fieldSelectorFlag, allNamespacesFlag } from './get.ts';
