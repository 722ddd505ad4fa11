// kubectl api-resources: the served resource types, core group first then the others by group
// name, with the columns NAME SHORTNAMES APIVERSION NAMESPACED KIND (-o wide adds VERBS and
// CATEGORIES). Filters: --namespaced, --api-group, --verbs, --categories; --sort-by name|kind.
import { alignTabs, GET_TABWRITER } from '../printers/index.ts';
import { apiVersionOf } from '../machinery/resources.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { KubectlError, UsageError } from './errors.ts';
import { servedTypes } from './resources.ts';

export const apiResources: KubectlCommand = {
  name: 'api-resources',
  group: 'Other Commands',
  short: 'List the resource types the server offers',
  long: 'List the resource types the server offers.',
  example: `  # List the resource types
  kubectl api-resources

  # With their verbs and categories
  kubectl api-resources -o wide

  # Only the namespaced ones, sorted by name
  kubectl api-resources --namespaced=true --sort-by=name

  # Only the types of one API group
  kubectl api-resources --api-group=apps`,
  use: 'api-resources [flags]',
  flags: [
    { name: 'api-group', type: 'string', usage: 'Only list the types of this API group ("" for the core group).' },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', usage: 'Only list the types in these categories (e.g. all).' },
    { name: 'namespaced', type: 'bool', default: 'true', usage: 'With false, list the cluster-wide types; with true, the namespaced ones. Without the flag, both.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or wide output, don't print the header line." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', usage: "Sort the list by 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', usage: 'Only list the types that support all these verbs.' },
  ],
  run(inv: Invocation) {
    const f = inv.flags;
    if (inv.args.length) throw new UsageError(`unexpected arguments: [${inv.args.join(' ')}]`);
    const output = f.string('output');
    if (!['', 'wide', 'name'].includes(output)) throw new KubectlError(`--output ${output} is not available`);
    const sortBy = f.string('sort-by');
    if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError('--sort-by accepts only name or kind');
    const verbs = f.list('verbs');
    const categories = f.list('categories');
    const types = servedTypes().filter((rt) => {
      if (f.changed('api-group') && rt.group !== f.string('api-group')) return false;
      if (f.changed('namespaced') && rt.namespaced !== f.bool('namespaced')) return false;
      if (!verbs.every((v) => rt.verbs.includes(v))) return false;
      if (!categories.every((c) => rt.categories.includes(c))) return false;
      return true;
    });
    const key = (rt: (typeof types)[number]) => (sortBy === 'name' ? rt.plural : sortBy === 'kind' ? rt.kind : rt.group);
    const sorted = [...types].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
    if (output === 'name') {
      inv.out(sorted.map((rt) => `${rt.plural}${rt.group ? `.${rt.group}` : ''}\n`).join(''));
      return 0;
    }
    const lines: string[] = [];
    if (!f.bool('no-headers')) lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
    for (const rt of sorted) {
      const cells = [rt.plural, rt.shortNames.join(','), apiVersionOf(rt), String(rt.namespaced), rt.kind];
      if (output === 'wide') cells.push(rt.verbs.join(','), rt.categories.join(','));
      lines.push(cells.join('\t'));
    }
    if (lines.length) inv.out(alignTabs(`${lines.join('\n')}\n`, GET_TABWRITER));
    return 0;
  },
};
