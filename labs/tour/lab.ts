// Chapter 02's lab: the learner creates the `bookstore` namespace and marks one worker `disk=ssd`.
// Setup creates nothing (the namespace is the learner's job); see GRADING.md for every case.
import { cannotEvaluate, closestName, defineCheck, fail, labelsOf, objectName, pass, valueAt } from '../../graders/checks/index.ts';
import { defineLab } from '../../graders/lab.ts';

const seededNamespaces = new Set(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
const worker = 'wheelhouse-worker';

const namespaceExists = defineCheck({
  id: 'namespace-exists',
  title: 'The bookstore namespace exists',
  reads: [{ kind: 'Namespace' }],
  async run({ reader }) {
    const object = objectName('Namespace', 'bookstore');
    const ns = await reader.get('Namespace', 'bookstore');
    if (!ns) {
      const names = (await reader.list('Namespace')).map((n) => n.metadata.name ?? '').filter((n) => !seededNamespaces.has(n));
      const near = closestName(names, 'bookstore', 3);
      const missing = 'There is no namespace called `bookstore` yet. Namespaces are cluster-wide objects: create one named exactly `bookstore`.';
      return fail(near ? `Found no \`bookstore\` namespace; did you mean \`${near}\`? ${missing}` : missing, {
        object,
        expected: 'namespace bookstore',
        found: near ? `namespace ${near}` : 'no such namespace',
      });
    }
    const phase = valueAt(ns, 'status.phase');
    if (phase === 'Terminating' || ns.metadata.deletionTimestamp) {
      return fail('The `bookstore` namespace is being deleted. Wait until it is gone, then create it again.', {
        object,
        field: 'status.phase',
        expected: 'Active',
        found: String(phase ?? 'Terminating'),
      });
    }
    if (phase !== 'Active') {
      return fail(`The \`bookstore\` namespace is not active yet (phase ${String(phase ?? 'not set')}). Check again in a moment.`, {
        object,
        field: 'status.phase',
        expected: 'Active',
        found: String(phase),
      });
    }
    return pass('The `bookstore` namespace exists and is Active.', { object });
  },
});

const nodeLabelled = defineCheck({
  id: 'node-labelled',
  title: 'wheelhouse-worker, and only it, has disk=ssd',
  reads: [{ kind: 'Node' }],
  async run({ reader }) {
    const object = objectName('Node', worker);
    const field = 'metadata.labels.disk';
    const nodes = await reader.list('Node');
    const node = nodes.find((n) => n.metadata.name === worker);
    if (!node) {
      return cannotEvaluate(`This cluster has no node \`${worker}\`. The labs expect the Wheelhouse cluster (three nodes from \`wheelhouse cluster up\`, or the built-in simulator).`, { object });
    }
    const others = nodes.filter((n) => n !== node && labelsOf(n).disk === 'ssd').map((n) => n.metadata.name ?? '');
    const value = labelsOf(node).disk;
    if (value === 'ssd') {
      if (others.length === 0) return pass('`wheelhouse-worker` is the one node with `disk=ssd`.', { object, field });
      return fail(`\`disk=ssd\` should mark exactly one node, \`${worker}\`, but \`${others[0]}\` has it too. Remove it from \`${others[0]}\`.`, {
        object: objectName('Node', others[0]!),
        field,
        expected: '(no disk=ssd)',
        found: 'ssd',
      });
    }
    if (value !== undefined) {
      return fail(`\`${worker}\` has \`disk=${value}\`; the value must be \`ssd\` (labels are case-sensitive). Change it with \`--overwrite\`.`, {
        object,
        field,
        expected: 'ssd',
        found: value,
      });
    }
    if (others.length > 0) {
      return fail(`\`disk=ssd\` is on \`${others[0]}\`, not on \`${worker}\`. Remove it there (\`disk-\`) and add it to \`${worker}\`.`, {
        object,
        field,
        expected: 'ssd',
        found: `(not set; disk=ssd is on ${others.join(', ')})`,
      });
    }
    const wrongKey = Object.entries(labelsOf(node)).find(([key, v]) => key !== 'disk' && v.trim().toLowerCase() === 'ssd');
    if (wrongKey) {
      return fail(`\`${worker}\` has \`${wrongKey[0]}=${wrongKey[1]}\`, but the key must be \`disk\`. Later chapters select on \`disk=ssd\`.`, {
        object,
        field,
        expected: 'disk=ssd',
        found: `${wrongKey[0]}=${wrongKey[1]}`,
      });
    }
    return fail(`\`${worker}\` has no \`disk\` label. Add the label \`disk=ssd\` to that node.`, { object, field, expected: 'ssd', found: '(not set)' });
  },
});

export default defineLab({
  id: 'tour',
  chapter: 2,
  title: 'From containers to a cluster',
  namespace: 'bookstore',
  steps: [
    { id: '01-nodes', title: 'Meet the nodes', checks: [], hints: [] },
    { id: '02-system-pods', title: 'Find the control plane and the node agents', checks: [], hints: [] },
    { id: '03-api', title: "Read the API's catalogue", checks: [], hints: [] },
    {
      id: '04-namespace',
      title: 'Make room for the Bookstore',
      checks: [namespaceExists],
      hints: [
        'The listing said "No resources found", but does the namespace itself exist? Ask for namespaces, not pods.',
        '`kubectl get namespaces` shows what exists; a Namespace is created like any other object, from a manifest or with `kubectl create`.',
        '`kubectl apply -f namespace.yaml` (the file is in your workspace), or `kubectl create namespace bookstore`.',
      ],
    },
    {
      id: '05-label',
      title: 'Mark the node with fast disks',
      checks: [nodeLabelled],
      hints: [
        'Labels are key–value pairs on an object\'s metadata. This one goes on a node, not on a pod or a namespace.',
        '`kubectl label node NAME key=value` adds one; `kubectl get nodes -L disk` shows the `disk` label of every node.',
        '`kubectl label node wheelhouse-worker disk=ssd` (add `--overwrite` if the node already has a `disk` label with another value).',
      ],
    },
  ],
});
