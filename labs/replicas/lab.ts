// Chapter 05's lab: a ReplicaSet that adopts a hand-made pod, removes a surplus one and keeps three
// through a node failure. See GRADING.md for every case and message.
import { formatLabelSelector, selectorFromLabelSelector, type LabelSelector } from '../../simulator/machinery/selectors.ts';
import {
  cannotEvaluate,
  conditionOf,
  containersOf,
  defineCheck,
  fail,
  firstSeen,
  isConditionTrue,
  isControlledBy,
  isTerminating,
  nameOf,
  numberAt,
  objectName,
  ownedBy,
  pass,
  sameImage,
  timeOf,
  valueAt,
  withReason,
  type CheckContext,
  type CheckOutcome,
  type KubeEvent,
  type KubeObject,
} from '../../graders/checks/index.ts';
import { defineLab } from '../../graders/lab.ts';

const ns = 'replicas';
const failedNode = 'wheelhouse-worker2';
const image = 'bookstore/catalog:1.0';

const noRs = (): CheckOutcome =>
  fail("There's no ReplicaSet `catalog` in `replicas` yet. Fill the gaps in `catalog-rs.yaml` and apply it.", {
    object: objectName('ReplicaSet', 'catalog', ns),
    expected: 'replicaset catalog',
    found: 'no such ReplicaSet',
  });

async function ownedActivePods(reader: CheckContext['reader'], rs: KubeObject): Promise<KubeObject[]> {
  return ownedBy(await reader.list('Pod', { namespace: ns }), rs).filter((p) => !isTerminating(p));
}

/** True when the selector requires app=catalog (matchLabels or `In [catalog]`) and nothing else
 * that the template's labels fail. */
function selectsCatalog(rs: KubeObject): boolean {
  const selector = valueAt(rs, 'spec.selector') as LabelSelector | undefined;
  try {
    const parsed = selectorFromLabelSelector(selector);
    const app = parsed.requirements.find((r) => r.key === 'app');
    const exact = app && (app.operator === '=' || app.operator === '==' || app.operator === 'in') && app.values.length === 1 && app.values[0] === 'catalog';
    return Boolean(exact) && parsed.matches(valueAt(rs, 'spec.template.metadata.labels') as Record<string, string> | undefined);
  } catch {
    return false;
  }
}

const replicasetDefined = defineCheck({
  id: 'replicaset-defined',
  title: 'ReplicaSet catalog: 3 replicas, selector app=catalog, the right template',
  reads: [{ kind: 'ReplicaSet' }, { kind: 'ReplicaSet', namespace: 'all' }, { kind: 'Deployment' }],
  async run({ reader }) {
    const rs = await reader.get('ReplicaSet', 'catalog', ns);
    if (!rs) {
      let stray: KubeObject | undefined;
      try {
        stray = (await reader.list('ReplicaSet')).find((r) => r.metadata.name === 'catalog' && r.metadata.namespace !== ns);
      } catch {
        // All-namespace lists may be forbidden on a shared cluster.
      }
      if (stray) {
        return fail(`Your ReplicaSet is in \`${stray.metadata.namespace}\`; this lab's lives in \`replicas\`. Keep \`namespace: replicas\` in the file.`, {
          object: nameOf(stray),
          field: 'metadata.namespace',
          expected: ns,
          found: String(stray.metadata.namespace),
        });
      }
      const deployment = await reader.get('Deployment', 'catalog', ns);
      if (deployment) {
        return fail("This lab wants a ReplicaSet, not a Deployment (that's chapter 06). Use `kind: ReplicaSet` from `catalog-rs.yaml`.", {
          object: nameOf(deployment),
          field: 'kind',
          expected: 'ReplicaSet',
          found: 'Deployment',
        });
      }
      return noRs();
    }
    const object = nameOf(rs);
    const replicas = numberAt(rs, 'spec.replicas') ?? 1;
    if (replicas !== 3) {
      return fail(`The ReplicaSet asks for ${replicas} replicas; this lab wants 3.`, { object, field: 'spec.replicas', expected: '3', found: String(replicas) });
    }
    if (!selectsCatalog(rs)) {
      const shown = formatLabelSelector(valueAt(rs, 'spec.selector') as LabelSelector | undefined);
      return fail(`The ReplicaSet's selector is \`${shown}\`; it should select pods with \`app=catalog\`. A selector can't change once created: delete the ReplicaSet and apply the fixed file.`, {
        object,
        field: 'spec.selector',
        expected: 'app=catalog',
        found: shown,
      });
    }
    const labels = (valueAt(rs, 'spec.template.metadata.labels') as Record<string, string> | undefined) ?? {};
    if (labels.app !== 'catalog' || labels.tier !== 'backend') {
      const shown = Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ') || '(none)';
      return fail(`New pods get the labels \`${shown}\`; they should carry \`app: catalog\` and \`tier: backend\`.`, {
        object,
        field: labels.app !== 'catalog' ? 'spec.template.metadata.labels.app' : 'spec.template.metadata.labels.tier',
        expected: labels.app !== 'catalog' ? 'catalog' : 'backend',
        found: (labels.app !== 'catalog' ? labels.app : labels.tier) ?? '(not set)',
      });
    }
    const actual = containersOf(rs)[0]?.image;
    if (!sameImage(actual, image)) {
      return fail(`The template runs \`${actual ?? '(no image)'}\`; this lab runs \`${image}\`.`, {
        object,
        field: 'spec.template.spec.containers[0].image',
        expected: image,
        found: actual ?? '(not set)',
      });
    }
    return pass('The ReplicaSet asks for 3 catalog pods, selects app=catalog and stamps both labels on new pods.', { object });
  },
});

const threeReadyOwned = defineCheck({
  id: 'three-ready-owned',
  title: 'Three ready pods, all owned by the ReplicaSet',
  reads: [{ kind: 'ReplicaSet' }, { kind: 'Pod' }],
  async run({ reader }) {
    const rs = await reader.get('ReplicaSet', 'catalog', ns);
    if (!rs) return noRs();
    const object = nameOf(rs);
    const ready = (await ownedActivePods(reader, rs)).filter((p) => isConditionTrue(p, 'Ready'));
    const statusReady = numberAt(rs, 'status.readyReplicas') ?? 0;
    if (ready.length > 3) {
      return fail(`There are ${ready.length} ready catalog pods; the ReplicaSet should settle at 3. Check again in a few seconds.`, { object, field: 'status.readyReplicas', expected: '3', found: String(ready.length) });
    }
    if (ready.length < 3 || statusReady !== 3) {
      const pods = await reader.list('Pod', { namespace: ns, labelSelector: 'app=catalog' });
      const stray = pods.find((p) => !isTerminating(p) && isConditionTrue(p, 'Ready') && !isControlledBy(p, rs));
      if (stray) {
        return fail(`\`${stray.metadata.name}\` is running, but the ReplicaSet doesn't own it. Only pods the ReplicaSet manages count.`, {
          object: nameOf(stray),
          field: 'metadata.ownerReferences',
          expected: `controller ReplicaSet catalog (uid ${rs.metadata.uid})`,
          found: JSON.stringify(stray.metadata.ownerReferences ?? []),
        });
      }
      return fail(`Only ${Math.min(ready.length, statusReady)} of catalog's pods are ready and running. Wait for the ReplicaSet to finish replacing pods (\`kubectl get pods -n replicas -o wide\`).`, {
        object,
        field: 'status.readyReplicas',
        expected: '3',
        found: String(statusReady),
      });
    }
    return pass('Three ready catalog pods, all owned by the ReplicaSet.', { object });
  },
});

/** Proof that wheelhouse-worker2 was stopped during this lab (after the namespace was created). */
async function nodeWasStopped(ctx: CheckContext, node: KubeObject): Promise<boolean> {
  const namespace = await ctx.reader.get('Namespace', ns);
  const since = timeOf(namespace?.metadata.creationTimestamp) ?? 0;
  const recent = (events: KubeEvent[]) => events.some((e) => (firstSeen(e) ?? 0) >= since - 1000);
  if (recent(withReason((await ctx.reader.list('Event', { namespace: ns })) as KubeEvent[], 'TaintManagerEviction'))) return true;
  const pods = await ctx.reader.list('Pod', { namespace: ns });
  if (pods.some((p) => isTerminating(p) && conditionOf(p, 'DisruptionTarget')?.reason === 'DeletionByTaintManager')) return true;
  if (recent(withReason(await ctx.reader.eventsFor(node), 'NodeNotReady'))) return true;
  // Events last an hour: in an older namespace their absence proves nothing.
  return ctx.now - since > 3600_000;
}

const noneOnFailedNode = defineCheck({
  id: 'none-on-failed-node',
  title: `No catalog pod on ${failedNode}, which was stopped and is back`,
  reads: [{ kind: 'ReplicaSet' }, { kind: 'Pod' }, { kind: 'Node' }, { kind: 'Namespace' }, { kind: 'Event' }, { kind: 'Event', namespace: 'default' }],
  async run(ctx) {
    const { reader } = ctx;
    const rs = await reader.get('ReplicaSet', 'catalog', ns);
    if (!rs) return noRs();
    const node = await reader.get('Node', failedNode);
    if (!node) return cannotEvaluate(`This cluster has no node \`${failedNode}\`; the lab expects the Wheelhouse cluster's three nodes.`);
    if (!isConditionTrue(node, 'Ready')) {
      return fail(`\`${failedNode}\` is still down. Start it again (\`sim node start ${failedNode}\`, or \`docker start ${failedNode}\` on kind) so the next labs have it.`, {
        object: objectName('Node', failedNode),
        field: 'status.conditions[type=Ready].status',
        expected: 'True',
        found: conditionOf(node, 'Ready')?.status ?? 'not reported',
      });
    }
    const onNode = (await ownedActivePods(reader, rs)).find((p) => valueAt(p, 'spec.nodeName') === failedNode);
    if (onNode) {
      return fail(`\`${onNode.metadata.name}\` runs on \`${failedNode}\`. Stop that node and let the ReplicaSet replace it (step 4).`, {
        object: nameOf(onNode),
        field: 'spec.nodeName',
        expected: `not ${failedNode}`,
        found: failedNode,
      });
    }
    if (!(await nodeWasStopped(ctx, node))) {
      return fail(`Stop \`${failedNode}\` (step 4) and watch the ReplicaSet replace what ran there.`, {
        object: objectName('Node', failedNode),
        field: 'events (reason NodeNotReady, TaintManagerEviction)',
        expected: 'a record of the node stopping',
        found: 'none',
      });
    }
    return pass(`No catalog pod runs on \`${failedNode}\`, and the node is back.`, { object: nameOf(rs) });
  },
});

const extraPodRemoved = defineCheck({
  id: 'extra-pod-removed',
  title: 'The ReplicaSet removed a surplus pod',
  reads: [{ kind: 'ReplicaSet' }, { kind: 'Pod' }, { kind: 'Event' }],
  async run({ reader }) {
    const rs = await reader.get('ReplicaSet', 'catalog', ns);
    if (!rs) return noRs();
    const object = nameOf(rs);
    const deletes = withReason(await reader.eventsFor(rs), 'SuccessfulDelete').filter((e) => e.involvedObject.uid === rs.metadata.uid);
    const extra = await reader.get('Pod', 'catalog-extra', ns);
    if (deletes.length > 0 && extra && isTerminating(extra)) {
      return fail('`catalog-extra` is shutting down. Check again in a few seconds.', { object: nameOf(extra), field: 'metadata.deletionTimestamp', expected: 'pod gone', found: 'terminating' });
    }
    if (deletes.length === 0 || extra) {
      return fail("The ReplicaSet hasn't had to remove a surplus pod yet. Create `catalog-extra` with the labels `app=catalog,tier=backend` (step 3) and watch what happens.", {
        object,
        field: 'events (reason SuccessfulDelete)',
        expected: 'Deleted pod: catalog-extra',
        found: extra ? 'pod catalog-extra still there' : 'no SuccessfulDelete event',
      });
    }
    return pass(`The ReplicaSet removed a surplus pod (${deletes[0]!.message ?? 'SuccessfulDelete'}).`, { object });
  },
});

export default defineLab({
  id: 'replicas',
  chapter: 5,
  title: 'ReplicaSets: three of these, always',
  namespace: ns,
  steps: [
    { id: '01-a-pod-by-hand', title: 'Start with a pod made by hand', checks: [], hints: [] },
    {
      id: '02-the-replicaset',
      title: 'Write the ReplicaSet',
      checks: [replicasetDefined],
      hints: [
        'A ReplicaSet finds its pods by label: the selector is the query, the template\'s labels are what new pods carry, and the two must agree.',
        'Under `selector.matchLabels` put the `app` label; under `template.metadata.labels` put both labels. `kubectl explain replicaset.spec.selector` shows the shape.',
        '`matchLabels:` gets `app: catalog`; the template\'s `labels:` gets `app: catalog` and `tier: backend`, each indented under its key. Then `kubectl apply -f catalog-rs.yaml`. If the selector was wrong, delete the ReplicaSet first: selectors can\'t change.',
      ],
    },
    {
      id: '03-one-too-many',
      title: 'Offer it one pod too many',
      checks: [extraPodRemoved],
      hints: [
        "Give the ReplicaSet a pod it didn't ask for, while it already has three.",
        '`kubectl run` can set labels with `--labels`.',
        '`kubectl run catalog-extra --image=bookstore/catalog:1.0 --labels=app=catalog,tier=backend -n replicas`, then `kubectl describe rs catalog -n replicas`.',
      ],
    },
    {
      id: '04-lose-a-node',
      title: 'Lose a node and keep three',
      checks: [threeReadyOwned, noneOnFailedNode],
      hints: [
        'Three replicas should survive the loss of a node, and the node should be back afterwards.',
        'Stop the node with `sim node stop wheelhouse-worker2` (or `docker stop` on kind), then watch `kubectl get pods -n replicas -o wide -w`: evictions come about 80 seconds later.',
        'When three pods are `Running` on `wheelhouse-worker`, start the node again (`sim node start wheelhouse-worker2` / `docker start wheelhouse-worker2`) and check that `kubectl get rs catalog -n replicas` shows `READY 3`.',
      ],
    },
  ],
});

