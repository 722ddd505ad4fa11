// kubectl config: the kubeconfig as the learner sees it. The page has one cluster, so the useful
// parts are the current context and its namespace (set-context --current --namespace=x), the
// context list, and view.
import { alignTabs, GET_TABWRITER } from '../printers/index.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { KubectlError, UsageError } from './errors.ts';
import { formatObjects, parseOutput } from './output.ts';
import { toYaml } from './output-yaml.ts';

const kubeconfigPath = '/home/learner/.kube/config';

const currentContext: KubectlCommand = {
  name: 'current-context',
  short: 'Show the current context',
  long: 'Show the name of the context kubectl uses unless --context says otherwise.',
  example: '  # Show the current context\n  kubectl config current-context',
  use: 'current-context [flags]',
  run(inv) {
    const name = inv.host.kubeconfig.currentContextName;
    if (!name) throw new KubectlError('current-context is not set');
    inv.out(`${name}\n`);
  },
};

const getContexts: KubectlCommand = {
  name: 'get-contexts',
  short: 'List one or many contexts',
  long: 'List one or many contexts from the kubeconfig; * marks the current one.',
  example: '  # List all the contexts\n  kubectl config get-contexts\n\n  # Describe one context\n  kubectl config get-contexts my-context',
  use: 'get-contexts [(-o|--output=)name)] [flags]',
  flags: [
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print the header line." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (name).' },
  ],
  run(inv) {
    const kc = inv.host.kubeconfig;
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    let contexts = kc.contexts().sort((a, b) => (a.name < b.name ? -1 : 1));
    const missing: string[] = [];
    if (inv.args.length) {
      for (const name of inv.args) if (!kc.context(name)) missing.push(name);
      contexts = contexts.filter((c) => inv.args.includes(c.name));
    }
    if (output === 'name') inv.out(contexts.map((c) => `${c.name}\n`).join(''));
    else {
      const lines = inv.flags.bool('no-headers') ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE'];
      for (const c of contexts) lines.push([c.name === kc.currentContextName ? '*' : '', c.name, c.cluster, c.user, c.namespace ?? ''].join('\t'));
      if (lines.length) inv.out(alignTabs(`${lines.join('\n')}\n`, GET_TABWRITER));
    }
    if (missing.length) throw new KubectlError(`context ${missing[0]} not found`);
  },
};

const useContext: KubectlCommand = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current context',
  long: 'Set the context kubectl uses from now on.',
  example: '  # Use the context for the kind cluster\n  kubectl config use-context kind-wheelhouse',
  use: 'use-context CONTEXT_NAME [flags]',
  run(inv) {
    if (inv.args.length !== 1) throw new UsageError('Unexpected args: ' + `[${inv.args.join(' ')}]`);
    const name = inv.args[0]!;
    if (!inv.host.kubeconfig.context(name)) throw new KubectlError(`no context exists with the name: ${JSON.stringify(name)}`);
    inv.host.kubeconfig.useContext(name);
    inv.out(`Switched to context ${JSON.stringify(name)}.\n`);
  },
};

const setContext: KubectlCommand = {
  name: 'set-context',
  short: 'Set a context entry in the kubeconfig',
  long: `Set a context entry in the kubeconfig.

 Giving the name of an existing context changes only the fields passed as flags.`,
  example: `  # Make kube-system the namespace of the current context
  kubectl config set-context --current --namespace=kube-system

  # Go back to the default namespace
  kubectl config set-context --current --namespace=default`,
  use: 'set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [flags]',
  flags: [
    { name: 'cluster', type: 'string', usage: 'The cluster entry of the context.' },
    { name: 'current', type: 'bool', usage: 'Change the current context.' },
    { name: 'user', type: 'string', usage: 'The user entry of the context.' },
  ],
  run(inv) {
    const kc = inv.host.kubeconfig;
    const current = inv.flags.bool('current');
    if (inv.args.length > 1) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`);
    if (current && inv.args.length) throw new KubectlError('you cannot specify both a context name and --current');
    const name = current ? kc.currentContextName : inv.args[0];
    if (!name) throw new KubectlError('you must specify a non-empty context name or --current');
    const fields: { cluster?: string; user?: string; namespace?: string } = {};
    if (inv.flags.changed('cluster')) fields.cluster = inv.flags.string('cluster');
    if (inv.flags.changed('user')) fields.user = inv.flags.string('user');
    if (inv.namespaceExplicit) fields.namespace = inv.flags.string('namespace');
    const existed = kc.setContext(name, fields);
    inv.out(`Context ${JSON.stringify(name)} ${existed ? 'modified' : 'created'}.\n`);
  },
};

const deleteContext: KubectlCommand = {
  name: 'delete-context',
  short: 'Delete a context from the kubeconfig',
  use: 'delete-context NAME [flags]',
  run(inv) {
    const name = inv.args[0];
    if (inv.args.length !== 1 || !name) throw new UsageError('Unexpected args: ' + `[${inv.args.join(' ')}]`);
    if (!inv.host.kubeconfig.context(name)) throw new KubectlError(`cannot delete context ${name}, not in ${kubeconfigPath}`);
    if (name === inv.host.kubeconfig.currentContextName) inv.err(`warning: this removed your active context, use "kubectl config use-context" to select a different one\n`);
    inv.host.kubeconfig.deleteContext(name);
    inv.out(`deleted context ${name} from ${kubeconfigPath}\n`);
  },
};

const getClusters: KubectlCommand = {
  name: 'get-clusters',
  short: 'List the clusters in the kubeconfig',
  use: 'get-clusters [flags]',
  run(inv) {
    inv.out(`NAME\n${inv.host.kubeconfig.clusters().map((c) => `${c.name}\n`).join('')}`);
  },
};

const getUsers: KubectlCommand = {
  name: 'get-users',
  short: 'List the users in the kubeconfig',
  use: 'get-users [flags]',
  run(inv) {
    inv.out(`NAME\n${inv.host.kubeconfig.users().map((u) => `${u.name}\n`).join('')}`);
  },
};

/** The kubeconfig document `config view` prints (credentials shown as DATA+OMITTED). */
function kubeconfigDocument(inv: Invocation, minify: boolean): Record<string, unknown> {
  const kc = inv.host.kubeconfig;
  let contexts = kc.contexts();
  let clusters = kc.clusters();
  let users = kc.users();
  if (minify) {
    contexts = contexts.filter((c) => c.name === kc.currentContextName);
    clusters = clusters.filter((c) => contexts.some((ctx) => ctx.cluster === c.name));
    users = users.filter((u) => contexts.some((ctx) => ctx.user === u.name));
  }
  return {
    apiVersion: 'v1',
    clusters: clusters.map((c) => ({ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: c.server }, name: c.name })),
    contexts: contexts.map((c) => ({ context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name: c.name })),
    'current-context': kc.currentContextName,
    kind: 'Config',
    preferences: {},
    users: users.map((u) => ({ name: u.name, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } })),
  };
}

const view: KubectlCommand = {
  name: 'view',
  short: 'Show the kubeconfig',
  long: 'Show the kubeconfig, with credentials left out.',
  example: '  # Show the kubeconfig\n  kubectl config view\n\n  # Only what the current context uses\n  kubectl config view --minify\n\n  # The name of the first context\n  kubectl config view -o jsonpath=\'{.contexts[0].name}\'',
  use: 'view [flags]',
  flags: [
    { name: 'minify', type: 'bool', usage: 'Leave out everything the current context does not use.' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'raw', type: 'bool', usage: 'Show credentials too (the in-browser cluster has none to show).' },
  ],
  run(inv) {
    const doc = kubeconfigDocument(inv, inv.flags.bool('minify'));
    if (!inv.flags.changed('output') || inv.flags.string('output') === 'yaml') {
      inv.out(toYaml(doc));
      return;
    }
    const format = parseOutput(inv, false);
    inv.out(formatObjects(format, [doc as never], { single: true }));
  },
};

export const config: KubectlCommand = {
  name: 'config',
  group: 'Other Commands',
  short: 'Change kubeconfig settings (contexts, namespaces)',
  long: `Change kubeconfig settings with subcommands like "kubectl config set-context --current --namespace=dev".

 In the in-browser terminal the kubeconfig lives with your saved work; it has one cluster, the simulated kind cluster.`,
  use: 'config SUBCOMMAND',
  subcommands: [currentContext, deleteContext, getClusters, getContexts, getUsers, setContext, useContext, view],
};
