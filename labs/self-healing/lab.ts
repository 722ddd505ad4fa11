// Chapter 03's lab: the ReplicaSet `catalog` replaces deleted pods, survives a stopped node, and
// changes its desired count through the file. See GRADING.md for every case and message.
import {
  cannotEvaluate,
  conditionOf,
  defineCheck,
  eventCount,
  fail,
  fieldManager,
  firstSeen,
  isConditionTrue,
  isTerminating,
  lastApplied,
  nameOf,
  numberAt,
  objectName,
  ownedBy,
  pass,
  sumCounts,
  timeOf,
  withReason,
  type CheckOutcome,
  type KubeEvent,
} from '../../graders/checks/index.ts';
import { defineLab } from '../../graders/lab.ts';

const ns = 'self-healing';
const stoppedNode = 'wheelhouse-worker2';
const missingRs = (): CheckOutcome =>
  fail('There is no ReplicaSet `catalog` in `self-healing`. Reset the lab to get it back.', {
    object: objectName('ReplicaSet', 'catalog', ns),
    expected: 'replicaset catalog',
    found: 'no such ReplicaSet',
  });

const replacementsHappened = defineCheck({
  id: 'replacements-happened',
  title: 'The ReplicaSet replaced pods that went missing',
  reads: [{ kind: 'ReplicaSet' }, { kind: 'Pod' }, { kind: 'Event' }],
  async run({ reader }) {
    const rs = await reader.get('ReplicaSet', 'catalog', ns);
    if (!rs) return missingRs();
    const object = nameOf(rs);
    const events = withReason(await reader.eventsFor(rs), 'SuccessfulCreate', 'SuccessfulDelete');
    const mine = events.filter((e) => e.involvedObject.uid === rs.metadata.uid);
    const earlier = events.filter((e) => e.involvedObject.uid !== rs.metadata.uid);
    const recreated = () =>
      fail('The `catalog` ReplicaSet was deleted and created again, so its history starts over. Delete its pods, not the ReplicaSet.', {
        object,
        field: 'metadata.uid',
        expected: String(earlier[0]!.involvedObject.uid),
        found: String(rs.metadata.uid),
      });
    if (mine.length === 0) {
      if (earlier.length > 0) return recreated();
      return fail("There's no recent record of the controller at work (events last an hour). Delete one of catalog's pods and watch it come back.", {
        object,
        field: 'events',
        expected: 'SuccessfulCreate events',
        found: 'none',
      });
    }
    const created = sumCounts(withReason(mine, 'SuccessfulCreate'));
    const controllerDeleted = sumCounts(withReason(mine, 'SuccessfulDelete'));
    const windowStart = Math.min(...mine.map((e) => firstSeen(e) ?? Number.POSITIVE_INFINITY));
    // Timestamps have second resolution: allow a second of skew at the window's edge.
    const owned = ownedBy(await reader.list('Pod', { namespace: ns }), rs).filter((p) => (timeOf(p.metadata.creationTimestamp) ?? 0) >= windowStart - 1000).length;
    const replacements = created - controllerDeleted - owned;
    const found = `${created} created, ${controllerDeleted} removed by the controller, ${owned} pods owned now: ${replacements} replacement(s)`;
    if (replacements < 1) {
      if (earlier.length > 0) return recreated();
      return fail("The ReplicaSet hasn't replaced any pod yet. Delete one of its pods and watch the controller make a new one.", {
        object,
        field: 'events (reason SuccessfulCreate)',
        expected: 'at least 1 replacement',
        found,
      });
    }
    return pass(`The ReplicaSet replaced ${replacements} pod(s) that went missing.`, { object, found });
  },
});

const countRestored = defineCheck({
  id: 'count-restored',
  title: 'The count is back, and the stopped node is up again',
  reads: [{ kind: 'ReplicaSet' }, { kind: 'Pod' }, { kind: 'Node' }, { kind: 'Event' }],
  async run({ reader }) {
    const rs = await reader.get('ReplicaSet', 'catalog', ns);
    if (!rs) return missingRs();
    const object = nameOf(rs);
    const node = await reader.get('Node', stoppedNode);
    if (!node) return cannotEvaluate(`This cluster has no node \`${stoppedNode}\`; the lab expects the Wheelhouse cluster's three nodes.`);
    if (!isConditionTrue(node, 'Ready')) {
      return fail(`\`${stoppedNode}\` is still down. Start it again (\`sim node start ${stoppedNode}\`, or \`docker start ${stoppedNode}\` on kind).`, {
        object: objectName('Node', stoppedNode),
        field: 'status.conditions[type=Ready].status',
        expected: 'True',
        found: conditionOf(node, 'Ready')?.status ?? 'not reported',
      });
    }
    const desired = numberAt(rs, 'spec.replicas') ?? 1;
    const active = ownedBy(await reader.list('Pod', { namespace: ns }), rs).filter((p) => !isTerminating(p));
    const ready = active.filter((p) => isConditionTrue(p, 'Ready')).length;
    const statusReady = numberAt(rs, 'status.readyReplicas') ?? 0;
    const statusAvailable = numberAt(rs, 'status.availableReplicas') ?? 0;
    if (active.length > desired || statusReady > desired) {
      return fail('catalog has more pods than it wants; the controller is still removing the extra ones. Check again in a few seconds.', {
        object,
        field: 'status.readyReplicas',
        expected: String(desired),
        found: String(Math.max(active.length, statusReady)),
      });
    }
    const settled = numberAt(rs, 'status.observedGeneration') === numberAt(rs, 'metadata.generation');
    if (ready < desired || statusReady < desired || statusAvailable < desired || !settled) {
      return fail(
        `catalog wants ${desired} pods and ${Math.min(ready, statusReady)} are ready. Give the controller a moment, then look at \`kubectl get pods -n self-healing\` and the ReplicaSet's events.`,
        { object, field: 'status.readyReplicas', expected: String(desired), found: String(statusReady) },
      );
    }
    const evictions = (await reader.list('Event', { namespace: ns })).filter((e) => (e as KubeEvent).reason === 'TaintManagerEviction');
    const evicted = evictions.reduce((n, e) => n + eventCount(e as KubeEvent), 0);
    return pass(`catalog has all ${desired} pods ready and \`${stoppedNode}\` is up.`, {
      object,
      note: evicted > 0 ? `${evicted} pod(s) were evicted from a stopped node and replaced.` : undefined,
    });
  },
});

const declarativeChange = defineCheck({
  id: 'declarative-change',
  title: 'replicas changed to 5 through the file',
  reads: [{ kind: 'ReplicaSet' }, { kind: 'ReplicaSet', namespace: 'default' }],
  async run({ reader }) {
    const rs = await reader.get('ReplicaSet', 'catalog', ns);
    if (!rs) {
      const stray = await reader.get('ReplicaSet', 'catalog', 'default');
      if (stray) {
        return fail("There's a `catalog` ReplicaSet in `default`, but this lab's is in `self-healing`. Keep `namespace: self-healing` in the file.", {
          object: nameOf(stray),
          field: 'metadata.namespace',
          expected: ns,
          found: 'default',
        });
      }
      return missingRs();
    }
    const object = nameOf(rs);
    const live = numberAt(rs, 'spec.replicas') ?? 1;
    const applied = lastApplied(rs);
    if (!applied) {
      return fail('The ReplicaSet has no record of an applied file. Apply `catalog-rs.yaml` with `kubectl apply -f`.', {
        object,
        field: "metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']",
        expected: 'present',
        found: '(not set)',
      });
    }
    const fromFile = numberAt(applied, 'spec.replicas') ?? 1;
    const annotationField = "metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'].spec.replicas";
    if (live === 5 && fromFile !== 5) {
      return fail(`The ReplicaSet runs 5 pods, but its last applied configuration still says ${fromFile}: the change didn't come from your file. Edit \`catalog-rs.yaml\` and \`kubectl apply -f\` it.`, {
        object,
        field: annotationField,
        expected: '5',
        found: String(fromFile),
      });
    }
    if (live === 3 && fromFile === 3) {
      return fail('catalog still wants 3 pods. Change `replicas` in `catalog-rs.yaml` to 5 and apply it.', { object, field: 'spec.replicas', expected: '5', found: '3' });
    }
    if (live !== 5) {
      return fail(`catalog wants ${live} pods; this lab asks for 5. Fix the number in \`catalog-rs.yaml\` and apply again.`, {
        object,
        field: 'spec.replicas',
        expected: '5',
        found: String(live),
      });
    }
    if (fieldManager(rs, ['spec', 'replicas'])?.manager === 'kubectl-edit') {
      return fail('You changed the live object with `kubectl edit`. Make the change in `catalog-rs.yaml` and apply the file, so the file stays the record.', {
        object,
        field: 'metadata.managedFields (spec.replicas)',
        expected: 'kubectl-client-side-apply',
        found: 'kubectl-edit',
      });
    }
    const ready = numberAt(rs, 'status.readyReplicas') ?? 0;
    if (ready !== 5) {
      return fail(`catalog wants 5 pods and ${ready} are ready. Give the controller a moment, then check again.`, {
        object,
        field: 'status.readyReplicas',
        expected: '5',
        found: String(ready),
      });
    }
    return pass('catalog runs 5 pods, and the file you applied says so.', { object });
  },
});

export default defineLab({
  id: 'self-healing',
  chapter: 3,
  title: 'Reconciliation: describe once, keep true',
  namespace: ns,
  steps: [
    { id: '01-look', title: 'Read the desired and the actual state', checks: [], hints: [] },
    {
      id: '02-delete-pods',
      title: 'Delete pods and watch them come back',
      checks: [replacementsHappened],
      hints: [
        'The controller only shows what it can do when something goes missing. Take one of its pods away.',
        '`kubectl delete pod NAME -n self-healing`, then `kubectl get pods -n self-healing` (or `-w` to watch).',
        '`kubectl delete pods -n self-healing -l app=catalog --wait=false`, then `kubectl describe rs catalog -n self-healing` and count the `SuccessfulCreate` events.',
      ],
    },
    {
      id: '03-stop-a-node',
      title: 'Stop a node',
      checks: [countRestored],
      hints: [
        'The ReplicaSet should be back at its full count, and the node you stopped should be running again.',
        '`kubectl get rs -n self-healing` shows desired and ready; `kubectl get nodes` shows whether `wheelhouse-worker2` is `Ready`.',
        'Start the node with `sim node start wheelhouse-worker2` (page) or `docker start wheelhouse-worker2` (kind), then wait until `READY` equals `DESIRED`.',
      ],
    },
    {
      id: '04-change-declaratively',
      title: 'Change the desired state, in the file',
      checks: [declarativeChange],
      hints: [
        'The number has to change in the file, and the cluster has to learn it from the file.',
        'Edit `replicas` in `catalog-rs.yaml`, check with `kubectl diff -f catalog-rs.yaml`, then apply the file.',
        'Set `replicas: 5` in `catalog-rs.yaml` and run `kubectl apply -f catalog-rs.yaml`. If you already used `kubectl scale`, applying the edited file fixes the record too.',
      ],
    },
  ],
});
