// kubectl rollout status: follow a Deployment (or StatefulSet, DaemonSet) on the virtual clock
// and print upstream's status line on every change, until it has rolled out, its progress
// deadline passes (exit 1), --timeout runs out, or the learner presses Ctrl-C.
import { refFor } from '../machinery/resources.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { KubectlError } from './errors.ts';
import { getObject, workloadObjects } from './object-args.ts';
import { revisionOf } from './rollout-revisions.ts';
import { watchUntil } from './wait-for-events.ts';

type Workload = KubeObject & {
  spec?: { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  status?: Record<string, unknown> & { conditions?: Array<{ type: string; reason?: string }> };
};

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** upstream polymorphichelpers StatusViewer: the line to print and whether the rollout is done. */
export function rolloutStatus(obj: Workload, revision: number): { message: string; done: boolean } {
  const name = obj.metadata.name;
  const generation = obj.metadata.generation ?? 0;
  const st = obj.status ?? {};
  const observed = num(st.observedGeneration);
  if (obj.kind === 'Deployment') {
    if (revision > 0 && revisionOf(obj) !== revision) {
      throw new KubectlError(`desired revision (${revision}) is different from the running revision (${revisionOf(obj)})`);
    }
    if (generation > observed) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
    const progressing = st.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
    const replicas = obj.spec?.replicas ?? 1;
    const updated = num(st.updatedReplicas);
    if (updated < replicas) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if (num(st.replicas) > updated) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${num(st.replicas) - updated} old replicas are pending termination...\n`, done: false };
    if (num(st.availableReplicas) < updated) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${num(st.availableReplicas)} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  if (obj.kind === 'DaemonSet') {
    if (obj.spec?.updateStrategy?.type && obj.spec.updateStrategy.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
    if (generation > observed) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
    const desired = num(st.desiredNumberScheduled);
    if (num(st.updatedNumberScheduled) < desired) return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${num(st.updatedNumberScheduled)} out of ${desired} new pods have been updated...\n`, done: false };
    if (num(st.numberAvailable) < desired) return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${num(st.numberAvailable)} of ${desired} updated pods are available...\n`, done: false };
    return { message: `daemon set ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  // StatefulSet
  if (obj.spec?.updateStrategy?.type && obj.spec.updateStrategy.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
  if (observed === 0 || generation > observed) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = obj.spec?.replicas ?? 1;
  if (num(st.readyReplicas) < replicas) return { message: `Waiting for ${replicas - num(st.readyReplicas)} pods to be ready...\n`, done: false };
  const partition = obj.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (num(st.updatedReplicas) < replicas - partition) {
    return { message: `Waiting for partitioned roll out to finish: ${num(st.updatedReplicas)} out of ${replicas - partition} new pods have been updated...\n`, done: false };
  }
  return { message: `partitioned roll out complete: ${num(st.updatedReplicas)} new pods have been updated...\n`, done: true };
}

export const rolloutStatusCommand: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  example: '  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx',
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    { name: 'watch', short: 'w', type: 'bool', default: 'true', usage: "Watch the status of the rollout until it's done." },
    { name: 'revision', type: 'int', default: '0', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'duration', default: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  async run(inv) {
    if (inv.args.length === 0) throw new KubectlError('required resource not specified');
    const revision = inv.flags.int('revision');
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const targets = workloadObjects(inv, ['Deployment', 'DaemonSet', 'StatefulSet'], 'status viewer');
    if (targets.length !== 1) throw new KubectlError(`rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`);
    const target = targets[0]!;
    const current = getObject<Workload>(inv, target);
    const watch = inv.flags.bool('watch');
    const shown = (obj: Workload): boolean => {
      const { message, done } = rolloutStatus(obj, revision);
      inv.out(message);
      return done || !watch;
    };
    // UntilWithSync: the initial list counts as the first event.
    if (shown(current)) return 0;
    let failure: unknown;
    const end = await watchUntil(
      inv,
      refFor(target.rt),
      { namespace: inv.namespace, fieldSelector: `metadata.name=${target.name}`, resourceVersion: current.metadata.resourceVersion },
      inv.flags.duration('timeout'),
      (event) => {
        if (event.type === 'DELETED') {
          failure = new KubectlError('object has been deleted');
          return 'done';
        }
        if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return 'continue';
        try {
          return shown(event.object as Workload) ? 'done' : 'continue';
        } catch (err) {
          failure = err;
          return 'done';
        }
      },
    );
    if (failure) throw failure;
    if (end === 'timeout') throw new KubectlError('timed out waiting for the condition');
    return end === 'interrupted' ? 130 : 0;
  },
};
