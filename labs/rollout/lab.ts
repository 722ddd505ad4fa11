// Chapter 06's lab: roll catalog to 1.5, ship a broken 1.6, roll back, and keep the shop serving
// throughout. See GRADING.md for every case and message.
import {
  conditionOf,
  containerNamed,
  containersOf,
  controllerChain,
  defineCheck,
  deploymentRevisions,
  fail,
  isTerminating,
  lowestDesired,
  nameOf,
  normalizeImage,
  numberAt,
  objectName,
  pass,
  resolveIntOrPercent,
  revisionOf,
  timeOf,
  valueAt,
  waitingReasons,
  withReason,
  type CheckContext,
  type CheckOutcome,
  type KubeObject,
} from '../../graders/checks/index.ts';
import { defineLab } from '../../graders/lab.ts';

const ns = 'rollout';
const good = 'bookstore/catalog:1.5';
const first = 'bookstore/catalog:1.0';
const broken = 'bookstore/catalog:1.6';
const setupCause = 'catalog 1.0: first release';

const noDeployment = (): CheckOutcome =>
  fail("There's no Deployment `catalog` in `rollout`. Reset the lab to get it back.", {
    object: objectName('Deployment', 'catalog', ns),
    expected: 'deployment catalog',
    found: 'no such Deployment',
  });

const deployment = (ctx: CheckContext) => ctx.reader.get('Deployment', 'catalog', ns);

const image15 = defineCheck({
  id: 'image-1-5',
  title: 'catalog runs 1.5 on all 4 replicas',
  reads: [{ kind: 'Deployment' }],
  async run(ctx) {
    const d = await deployment(ctx);
    if (!d) return noDeployment();
    const object = nameOf(d);
    const found = containerNamed(d, 'catalog');
    const field = `${found?.path ?? 'spec.template.spec.containers[0]'}.image`;
    const image = normalizeImage((found?.container ?? containersOf(d)[0])?.image);
    if (image === broken) {
      return fail("catalog is still on 1.6, the version that can't be pulled. Roll back with `kubectl rollout undo deployment/catalog -n rollout`.", { object, field, expected: good, found: image });
    }
    if (image === first) {
      return fail('catalog is back on 1.0; the release to keep is 1.5. `kubectl rollout history` shows which revision that is.', { object, field, expected: good, found: image });
    }
    if (image !== good) {
      return fail(`catalog runs \`${image || '(no image)'}\`; this lab ships \`${good}\`.`, { object, field, expected: good, found: image || '(not set)' });
    }
    const replicas = numberAt(d, 'spec.replicas') ?? 1;
    if (replicas !== 4) {
      return fail(`catalog runs ${replicas} replicas; this lab keeps 4.`, { object, field: 'spec.replicas', expected: '4', found: String(replicas) });
    }
    const updated = numberAt(d, 'status.updatedReplicas') ?? 0;
    const ready = numberAt(d, 'status.readyReplicas') ?? 0;
    const available = numberAt(d, 'status.availableReplicas') ?? 0;
    const observed = numberAt(d, 'status.observedGeneration') === numberAt(d, 'metadata.generation');
    if (!observed || updated !== 4 || ready !== 4 || available !== 4) {
      return fail(`catalog 1.5 is still rolling out (${available} of 4 available). Wait for \`kubectl rollout status\` to finish.`, {
        object,
        field: 'status.availableReplicas',
        expected: '4',
        found: String(available),
      });
    }
    return pass('catalog runs bookstore/catalog:1.5 on all 4 replicas.', { object });
  },
});

const revisionHistory = defineCheck({
  id: 'revision-history',
  title: 'The history holds 1.0, 1.5 and 1.6',
  reads: [{ kind: 'Deployment' }, { kind: 'ReplicaSet' }],
  async run(ctx) {
    const d = await deployment(ctx);
    if (!d) return noDeployment();
    const object = nameOf(d);
    const revision = revisionOf(d);
    const history = await deploymentRevisions(ctx.reader, d, 'catalog');
    const images = new Set(history.map((r) => r.image));
    const limit = numberAt(d, 'spec.revisionHistoryLimit') ?? 10;
    const complete = images.has(first) && images.has(good) && images.has(broken);
    if (!complete && limit < 2 && revision >= 3) {
      return fail(`catalog keeps only ${limit} old ReplicaSets, so its history is gone. Keep \`revisionHistoryLimit\` at 10.`, {
        object,
        field: 'spec.revisionHistoryLimit',
        expected: '10',
        found: String(limit),
      });
    }
    if (history.length > 0 && !images.has(first)) {
      const oldest = history[0]!.image;
      return fail(`catalog's history starts at \`${oldest}\`; it looks as if the Deployment was recreated. Reset the lab and roll out with \`set image\` rather than deleting the Deployment.`, {
        object,
        field: "metadata.annotations['deployment.kubernetes.io/revision']",
        expected: `a ReplicaSet for ${first}`,
        found: `history from ${oldest}`,
      });
    }
    if (revision < 3 || !complete) {
      return fail(`The history has ${revision} revision(s). Ship 1.5, then ship 1.6 (step 3), so there is something to roll back from.`, {
        object,
        field: "metadata.annotations['deployment.kubernetes.io/revision']",
        expected: 'at least 3, with ReplicaSets for 1.0, 1.5 and 1.6',
        found: `${revision} (${[...images].join(', ') || 'no ReplicaSets'})`,
      });
    }
    return pass(`catalog's history holds 1.0, 1.5 and 1.6 (revision ${revision}).`, { object });
  },
});

const changeCause = defineCheck({
  id: 'change-cause',
  title: 'The 1.5 revision records why it shipped',
  reads: [{ kind: 'Deployment' }, { kind: 'ReplicaSet' }],
  async run(ctx) {
    const d = await deployment(ctx);
    if (!d) return noDeployment();
    const history = await deploymentRevisions(ctx.reader, d, 'catalog');
    const rs = history.filter((r) => r.image === good).at(-1)?.replicaSet;
    if (!rs) {
      return fail('There is no 1.5 revision yet. Ship 1.5 with `kubectl set image deployment/catalog catalog=bookstore/catalog:1.5 -n rollout`.', {
        object: nameOf(d),
        field: 'spec.template.spec.containers[0].image',
        expected: good,
        found: 'no ReplicaSet for 1.5',
      });
    }
    const object = nameOf(rs);
    const field = "metadata.annotations['kubernetes.io/change-cause']";
    const cause = rs.metadata.annotations?.['kubernetes.io/change-cause']?.trim() ?? '';
    if (cause === '') {
      return fail('The 1.5 revision has no change cause, so `rollout history` shows `<none>`. Run `kubectl annotate deployment/catalog kubernetes.io/change-cause="…" --overwrite -n rollout`.', {
        object,
        field,
        expected: 'a reason for 1.5',
        found: '(not set)',
      });
    }
    if (cause === setupCause) {
      return fail(`The 1.5 revision still carries 1.0's change cause (\`${setupCause}\`). Annotate the Deployment with a reason for 1.5, using \`--overwrite\`.`, {
        object,
        field,
        expected: 'a reason for 1.5',
        found: cause,
      });
    }
    return pass(`The 1.5 revision says why: "${cause}".`, { object });
  },
});

const noBrokenPods = defineCheck({
  id: 'no-broken-pods',
  title: 'No 1.6 pods left, every pod managed by catalog',
  reads: [{ kind: 'Deployment' }, { kind: 'ReplicaSet' }, { kind: 'Pod' }],
  async run(ctx) {
    const d = await deployment(ctx);
    if (!d) return noDeployment();
    const pods = await ctx.reader.list('Pod', { namespace: ns });
    const isBroken = (p: KubeObject) =>
      containersOf(p).some((c) => normalizeImage(c.image) === broken) || waitingReasons(p).some((r) => r === 'ErrImagePull' || r === 'ImagePullBackOff');
    const brokenPods = pods.filter(isBroken);
    const live = brokenPods.filter((p) => !isTerminating(p));
    if (live.length > 0) {
      const names = live.map((p) => p.metadata.name).join(', ');
      return fail(`${live.length} pods still run (or try to run) 1.6: ${names}. Roll the Deployment back; deleting the pods alone won't help, the ReplicaSet makes new ones.`, {
        object: nameOf(live[0]!),
        field: 'spec.containers[0].image',
        expected: `not ${broken}`,
        found: normalizeImage(containersOf(live[0]!)[0]?.image),
      });
    }
    if (brokenPods.length > 0) {
      return fail('The last 1.6 pods are shutting down. Check again in a few seconds.', { object: nameOf(brokenPods[0]!), field: 'metadata.deletionTimestamp', expected: 'pod gone', found: 'terminating' });
    }
    for (const pod of pods.filter((p) => !isTerminating(p))) {
      const chain = await controllerChain(ctx.reader, pod);
      if (!chain.some((o) => o.metadata.uid === d.metadata.uid)) {
        return fail(`\`${pod.metadata.name}\` isn't managed by the Deployment. Delete it: this lab's pods all belong to catalog.`, {
          object: nameOf(pod),
          field: 'metadata.ownerReferences',
          expected: 'ReplicaSet → Deployment catalog',
          found: chain.length ? chain.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`).join(' → ') : '(no controller)',
        });
      }
    }
    const rs16 = (await deploymentRevisions(ctx.reader, d, 'catalog')).find((r) => r.image === broken)?.replicaSet;
    if (rs16) {
      const desired = numberAt(rs16, 'spec.replicas') ?? 0;
      const actual = numberAt(rs16, 'status.replicas') ?? 0;
      if (desired !== 0 || actual !== 0) {
        return fail(`The 1.6 ReplicaSet still wants ${desired} pod(s). Roll the Deployment back so it scales to 0.`, { object: nameOf(rs16), field: 'spec.replicas', expected: '0', found: String(desired) });
      }
    }
    return pass('No pod runs 1.6, and every pod belongs to catalog.', { object: nameOf(d) });
  },
});

const availabilityKept = defineCheck({
  id: 'availability-kept',
  title: 'At least 3 of 4 pods served throughout',
  reads: [{ kind: 'Deployment' }, { kind: 'ReplicaSet' }, { kind: 'Event' }],
  async run(ctx) {
    const d = await deployment(ctx);
    if (!d) return noDeployment();
    const object = nameOf(d);
    const replicas = numberAt(d, 'spec.replicas') ?? 1;
    const type = valueAt(d, 'spec.strategy.type') ?? 'RollingUpdate';
    const surge = resolveIntOrPercent(valueAt(d, 'spec.strategy.rollingUpdate.maxSurge') ?? '25%', 4, true) ?? 1;
    let unavailable = type === 'RollingUpdate' ? (resolveIntOrPercent(valueAt(d, 'spec.strategy.rollingUpdate.maxUnavailable') ?? '25%', 4, false) ?? 1) : 4;
    if (type === 'RollingUpdate' && surge === 0 && unavailable === 0) unavailable = 1;
    if (type !== 'RollingUpdate' || unavailable > 1) {
      return fail(`The Deployment's strategy allows ${unavailable} of 4 pods to be unavailable. Keep \`RollingUpdate\` with \`maxUnavailable\` at 25% so at least 3 always serve.`, {
        object,
        field: type === 'RollingUpdate' ? 'spec.strategy.rollingUpdate.maxUnavailable' : 'spec.strategy.type',
        expected: type === 'RollingUpdate' ? '25%' : 'RollingUpdate',
        found: type === 'RollingUpdate' ? String(valueAt(d, 'spec.strategy.rollingUpdate.maxUnavailable')) : String(type),
      });
    }
    if (replicas !== 4) {
      return fail(`catalog runs ${replicas} replicas; this lab keeps 4.`, { object, field: 'spec.replicas', expected: '4', found: String(replicas) });
    }
    const history = await deploymentRevisions(ctx.reader, d, 'catalog');
    const rs15 = history.find((r) => r.image === good)?.replicaSet;
    if (!rs15) {
      return fail('Nothing has rolled out yet, so there is no availability to judge. Ship 1.5 (step 2).', { object, field: 'spec.template.spec.containers[0].image', expected: good, found: history.at(-1)?.image ?? '(none)' });
    }
    const available = conditionOf(d, 'Available');
    const field = 'status.conditions[type=Available]';
    if (available?.status !== 'True') {
      return fail(`catalog has fewer than 3 available pods right now (Available is ${available?.status ?? 'not reported'}). Look at \`kubectl describe deployment catalog -n rollout\`.`, {
        object,
        field: `${field}.status`,
        expected: 'True',
        found: available?.status ?? '(not set)',
      });
    }
    const since = timeOf(available.lastTransitionTime) ?? 0;
    const rolloutStart = timeOf(rs15.metadata.creationTimestamp) ?? 0;
    // A first rollout started within seconds of setup may precede the first Available=True.
    const created = timeOf(d.metadata.creationTimestamp) ?? 0;
    const grace = ((numberAt(d, 'spec.minReadySeconds') ?? 0) + 30) * 1000;
    const dip = (when: string) =>
      fail(`At ${when} catalog had fewer than 3 available pods: the shop was short of capacity or down. Look at the \`ScalingReplicaSet\` events in \`kubectl describe deployment catalog -n rollout\` to see when.`, {
        object,
        field: `${field}.lastTransitionTime`,
        expected: `not after ${rs15.metadata.creationTimestamp}`,
        found: when,
      });
    if (since > rolloutStart && since - created > grace) return dip(String(available.lastTransitionTime));
    // Secondary evidence: replay the scaling events, when each is still a single record (the
    // correlator folds repeats, which would hide their order).
    const scaling = withReason(await ctx.reader.eventsFor(d), 'ScalingReplicaSet').filter((e) => e.involvedObject.uid === d.metadata.uid);
    if (scaling.every((e) => (e.count ?? 1) === 1)) {
      const pullable = new Set(history.filter((r) => r.image === first || r.image === good).map((r) => r.replicaSet.metadata.name));
      const lowest = lowestDesired(scaling, (name) => pullable.has(name));
      if (lowest && lowest.lowest < replicas - unavailable) return dip(new Date(lowest.at).toISOString().replace('.000Z', 'Z'));
    }
    return pass('catalog kept at least 3 of 4 pods available through every rollout.', { object });
  },
});

export default defineLab({
  id: 'rollout',
  chapter: 6,
  title: 'Deployments: rollouts and rollbacks',
  namespace: ns,
  steps: [
    { id: '01-read-the-plan', title: 'Read the Deployment and do the maths', checks: [], hints: [] },
    {
      id: '02-ship-1-5',
      title: 'Ship catalog 1.5',
      checks: [changeCause],
      hints: [
        '`rollout history` shows a reason next to each revision. Where does it read it from?',
        'The `kubernetes.io/change-cause` annotation on the Deployment is copied to the current ReplicaSet; `kubectl annotate` sets it (it already has a value, so it needs `--overwrite`).',
        '`kubectl annotate deployment/catalog kubernetes.io/change-cause="catalog 1.5: new release" --overwrite -n rollout`, while 1.5 is the current revision.',
      ],
    },
    {
      id: '03-ship-a-broken-version',
      title: 'Ship a broken version',
      checks: [revisionHistory],
      hints: [
        'There has to be a bad release in the history before you can practise backing out of one.',
        'Ship `bookstore/catalog:1.6` with `kubectl set image`, then look at `kubectl get rs,pods -n rollout`.',
        '`kubectl set image deployment/catalog catalog=bookstore/catalog:1.6 -n rollout`, then `kubectl rollout status deployment/catalog -n rollout` and `kubectl describe pod` on one of the new pods.',
      ],
    },
    {
      id: '04-roll-back',
      title: 'Roll back, and prove nobody noticed',
      checks: [image15, noBrokenPods, availabilityKept],
      hints: [
        "The broken version can't be pulled; the previous revision could. Go back to it rather than deleting anything.",
        '`kubectl rollout undo` rolls back one revision; `kubectl rollout history` shows what\'s there.',
        '`kubectl rollout undo deployment/catalog -n rollout`, then `kubectl rollout status deployment/catalog -n rollout`. If availability failed, reset the lab and do the steps again without deleting pods or changing the strategy.',
      ],
    },
  ],
});
