// Chapter 04's lab: catalog as a single Pod from a file, a typo'd image tag to diagnose, and a
// delete-and-recreate. See GRADING.md for every case and message.
import {
  containerNamed,
  containerStatus,
  containersOf,
  creator,
  defineCheck,
  fail,
  isTerminating,
  labelsOf,
  managedFields,
  nameOf,
  objectName,
  pass,
  sameImage,
  timeOf,
  valueAt,
  type CheckContext,
  type CheckOutcome,
  type KubeObject,
} from '../../graders/checks/index.ts';
import { defineLab } from '../../graders/lab.ts';

const ns = 'first-pod';
const image = 'bookstore/catalog:1.0';
const noPod = (): CheckOutcome =>
  fail('There is no pod `catalog` in `first-pod`. Apply `catalog-pod.yaml`.', {
    object: objectName('Pod', 'catalog', ns),
    expected: 'pod catalog',
    found: 'no such pod',
  });

/** Where the pod went instead, for a precise message: another namespace, or another name. */
async function whyMissing({ reader }: CheckContext): Promise<CheckOutcome> {
  let elsewhere: KubeObject | undefined;
  try {
    elsewhere = (await reader.list('Pod')).find((p) => p.metadata.name === 'catalog' && p.metadata.namespace !== ns);
  } catch {
    // Listing every namespace may be forbidden on a shared cluster; the plain message still holds.
  }
  if (elsewhere) {
    const where = elsewhere.metadata.namespace ?? 'default';
    return fail(`Your catalog pod is in \`${where}\`, not \`first-pod\`. Keep \`namespace: first-pod\` in the file and apply it again (and delete the stray one).`, {
      object: nameOf(elsewhere),
      field: 'metadata.namespace',
      expected: ns,
      found: where,
    });
  }
  const renamed = (await reader.list('Pod', { namespace: ns, labelSelector: 'app=catalog' }))[0];
  if (renamed) {
    return fail(`There's a pod \`${renamed.metadata.name}\` in \`first-pod\`, but this lab looks for one named \`catalog\`.`, {
      object: nameOf(renamed),
      field: 'metadata.name',
      expected: 'catalog',
      found: String(renamed.metadata.name),
    });
  }
  return noPod();
}

const podRunning = defineCheck({
  id: 'pod-running',
  title: 'catalog is Running with bookstore/catalog:1.0',
  reads: [{ kind: 'Pod' }, { kind: 'Pod', namespace: 'all' }],
  async run(ctx) {
    const pod = await ctx.reader.get('Pod', 'catalog', ns);
    if (!pod) return whyMissing(ctx);
    const object = nameOf(pod);
    if (isTerminating(pod)) {
      return fail("catalog is being deleted. Apply the file again once it's gone.", { object, field: 'metadata.deletionTimestamp', expected: '(not set)', found: String(pod.metadata.deletionTimestamp) });
    }
    const found = containerNamed(pod, 'catalog');
    if (!found) {
      return fail('The pod has no container named `catalog`. Keep `name: catalog` on its container.', {
        object,
        field: 'spec.containers[*].name',
        expected: 'catalog',
        found: containersOf(pod).map((c) => c.name).join(', ') || '(no containers)',
      });
    }
    const field = `${found.path}.image`;
    const actual = found.container.image ?? '';
    const status = containerStatus(pod, 'catalog');
    const waiting = status?.state?.waiting?.reason;
    if (waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff') {
      return fail(`catalog can't start: its image \`${actual}\` can't be pulled. \`kubectl describe pod catalog -n first-pod\` shows why; compare the tag with \`${image}\`.`, {
        object,
        field,
        expected: image,
        found: actual,
      });
    }
    if (!sameImage(actual, image)) {
      return fail(`catalog runs \`${actual}\`; this lab runs \`${image}\`.`, { object, field, expected: image, found: actual });
    }
    const phase = valueAt(pod, 'status.phase');
    if (phase === 'Pending' || waiting === 'ContainerCreating') {
      return fail('catalog is still starting. Check again in a few seconds.', { object, field: 'status.phase', expected: 'Running', found: String(phase) });
    }
    if (phase !== 'Running' || status?.ready !== true) {
      const why = waiting ? `its container is waiting (${waiting})` : `its phase is ${String(phase)} and its container is not ready`;
      return fail(`catalog is not running yet: ${why}. \`kubectl describe pod catalog -n first-pod\` shows why.`, {
        object,
        field: `status.containerStatuses[name=catalog].ready`,
        expected: 'true',
        found: String(status?.ready ?? false),
      });
    }
    return pass(`catalog is Running and ready with \`${actual}\`.`, { object });
  },
});

const labelsAndPort = defineCheck({
  id: 'labels-and-port',
  title: 'Labels app=catalog, tier=backend and container port 8080',
  reads: [{ kind: 'Pod' }],
  async run({ reader }) {
    const pod = await reader.get('Pod', 'catalog', ns);
    if (!pod) return noPod();
    const object = nameOf(pod);
    const labels = labelsOf(pod);
    if (labels.app !== 'catalog') {
      return fail(`The \`app\` label should be \`catalog\`, not \`${labels.app ?? '(not set)'}\`.`, { object, field: 'metadata.labels.app', expected: 'catalog', found: labels.app ?? '(not set)' });
    }
    if (labels.tier === undefined) {
      const misspelt = Object.entries(labels).find(([key, value]) => key !== 'tier' && value === 'backend');
      if (misspelt) {
        return fail(`There's a label \`${misspelt[0]}: backend\`; the key should be \`tier\`.`, { object, field: 'metadata.labels.tier', expected: 'backend', found: `(not set; ${misspelt[0]}=backend)` });
      }
      return fail('The pod has no `tier` label. Add `tier: backend` under `metadata.labels`.', { object, field: 'metadata.labels.tier', expected: 'backend', found: '(not set)' });
    }
    if (labels.tier !== 'backend') {
      return fail(`The \`tier\` label is \`${labels.tier}\`; it should be \`backend\` (labels are case-sensitive).`, { object, field: 'metadata.labels.tier', expected: 'backend', found: labels.tier });
    }
    const recreate = " Ports can't change on a running pod: delete it and apply the file again.";
    const found = containerNamed(pod, 'catalog');
    const elsewhere = containersOf(pod).some((c) => c.name !== 'catalog' && (c.ports ?? []).some((p) => p.containerPort === 8080));
    if (!found || elsewhere) {
      return fail(`Declare \`containerPort: 8080\` on the container named \`catalog\`.${recreate}`, { object, field: 'spec.containers[name=catalog].ports', expected: 'containerPort 8080', found: found ? '(on another container)' : '(no container named catalog)' });
    }
    const field = `${found.path}.ports`;
    const ports = found.container.ports ?? [];
    if (ports.some((p) => p.containerPort === 8080 && (p.protocol ?? 'TCP') === 'TCP')) {
      return pass('catalog carries app=catalog and tier=backend and declares port 8080.', { object });
    }
    if (ports.length === 0) {
      return fail(`The catalog container declares no port. Add \`ports:\` with \`containerPort: 8080\`.${recreate}`, { object, field, expected: 'containerPort: 8080', found: '(none)' });
    }
    if (ports.some((p) => p.hostPort === 8080)) {
      return fail(`Declare \`containerPort: 8080\` on the container named \`catalog\`.${recreate}`, { object, field, expected: 'containerPort: 8080', found: 'hostPort: 8080' });
    }
    const declared = ports.map((p) => `${p.containerPort}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`).join(', ');
    return fail(`The container declares port ${declared}; catalog listens on 8080.${recreate}`, { object, field: `${field}[0].containerPort`, expected: '8080', found: declared });
  },
});

const fromAFile = defineCheck({
  id: 'from-a-file',
  title: 'catalog was created from your file',
  reads: [{ kind: 'Pod' }],
  async run({ reader }) {
    const pod = await reader.get('Pod', 'catalog', ns);
    if (!pod) return noPod();
    const object = nameOf(pod);
    if (pod.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']) {
      return pass('catalog was applied from a file (`kubectl apply -f`).', { object });
    }
    if (managedFields(pod).some((e) => e.operation === 'Apply')) {
      return pass('catalog was applied from a file (server-side apply).', { object });
    }
    const first = creator(pod);
    if (first?.manager === 'kubectl-create' && first.operation === 'Update') {
      return pass('catalog was created from a file.', {
        object,
        note: 'Created from a file with `kubectl create -f`. That works; `kubectl apply -f` also records the file on the object, which later applies rely on.',
      });
    }
    const field = 'metadata.managedFields[0].manager';
    if (first?.manager === 'kubectl-run' || labelsOf(pod).run === 'catalog') {
      return fail('This pod was made with `kubectl run`, not from your file. Delete it and apply `catalog-pod.yaml`.', { object, field, expected: 'kubectl-client-side-apply', found: first?.manager ?? 'kubectl-run' });
    }
    return fail("I can't tell that this pod came from a file. Delete it and create it with `kubectl apply -f catalog-pod.yaml`.", {
      object,
      field: "metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']",
      expected: 'present',
      found: `(not set; created by ${first?.manager ?? 'an unknown manager'})`,
    });
  },
});

const recreated = defineCheck({
  id: 'recreated',
  title: 'catalog was deleted and created again',
  reads: [{ kind: 'Pod' }, { kind: 'Event' }],
  async run({ reader, now }) {
    const pod = await reader.get('Pod', 'catalog', ns);
    if (!pod) return noPod();
    const object = nameOf(pod);
    const earlier = (await reader.eventsFor(pod)).filter((e) => e.involvedObject.uid && e.involvedObject.uid !== pod.metadata.uid);
    if (earlier.length > 0) return pass('This is a new catalog pod: events remember an earlier one.', { object });
    const age = now - (timeOf(pod.metadata.creationTimestamp) ?? now);
    if (age > 3600_000) {
      return pass('catalog is more than an hour old.', { object, note: '(too long ago to verify the recreate)' });
    }
    return fail('This is still the first catalog pod you created. Delete it, see that nothing brings it back, then apply the file again.', {
      object,
      field: 'metadata.uid',
      expected: 'a pod newer than the first catalog',
      found: `the first pod (uid ${pod.metadata.uid})`,
    });
  },
});

export default defineLab({
  id: 'first-pod',
  chapter: 4,
  title: 'kubectl and your first Pod',
  namespace: ns,
  steps: [
    {
      id: '01-write-the-manifest',
      title: 'Finish the manifest and apply it',
      checks: [labelsAndPort],
      hints: [
        'Labels live under `metadata.labels`; ports belong to a container, not to the pod as a whole.',
        '`kubectl explain pod.spec.containers.ports` shows the fields; `kubectl get pod catalog -n first-pod --show-labels` shows what the pod has now.',
        'Add `tier: backend` under `labels:`, and under the container a `ports:` list with `- containerPort: 8080`, lined up with `image:`. If the pod already exists, delete it and apply the file again.',
      ],
    },
    {
      id: '02-diagnose',
      title: "Find out why it won't start",
      checks: [podRunning],
      hints: [
        'The pod exists, but its container never started. The events know why.',
        '`kubectl describe pod catalog -n first-pod`, and read the `Failed` event at the bottom.',
        `The image tag in the file has a typo: it should be \`${image}\`. Fix it and \`kubectl apply -f catalog-pod.yaml\`.`,
      ],
    },
    { id: '03-inspect', title: 'Look at it from outside and from inside', checks: [], hints: [] },
    {
      id: '04-delete-and-recreate',
      title: 'Delete it, and see what happens',
      checks: [fromAFile, recreated],
      hints: [
        'The pod should come from your file, and it should be a new pod, not the first one.',
        '`kubectl delete pod catalog -n first-pod`, then create it again from `catalog-pod.yaml`.',
        '`kubectl delete pod catalog -n first-pod && kubectl apply -f catalog-pod.yaml`.',
      ],
    },
  ],
});

