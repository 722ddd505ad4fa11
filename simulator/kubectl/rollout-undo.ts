// kubectl rollout undo, client-side as upstream does it (polymorphichelpers/rollback.go): find the
// ReplicaSet of the wanted revision (the previous one by default), refuse a paused Deployment,
// skip when the template already matches, else JSON-patch the Deployment's template (without the
// pod-template-hash label) and annotations back to that revision's.
import type { KubectlCommand } from './command.ts';
import { ErrorList, KubectlError } from './errors.ts';
import { qualifiedName, workloadObjects } from './object-args.ts';
import {
  DEPLOYMENTS,
  getDeployment,
  ownedReplicaSets,
  revisionOf,
  templateHashLabel,
  templatesEqualIgnoringHash,
  type DeploymentLike,
  type ReplicaSetLike,
} from './rollout-revisions.ts';

/** Annotations that describe the Deployment itself, not a revision: the Deployment keeps its own. */
const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** The ReplicaSet to go back to: --to-revision's, or the one before the latest. */
export function revisionToRestore(deployment: DeploymentLike, replicaSets: ReplicaSetLike[], toRevision: number): ReplicaSetLike {
  if (toRevision > 0) {
    const rs = replicaSets.find((r) => revisionOf(r) === toRevision);
    if (!rs) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    return rs;
  }
  const byRevision = replicaSets.filter((r) => revisionOf(r) > 0).sort((a, b) => revisionOf(b) - revisionOf(a));
  const previous = byRevision[1];
  if (!previous) throw new KubectlError(`no rollout history found for deployment ${JSON.stringify(deployment.metadata.name)}`);
  return previous;
}

export const rolloutUndoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  example: '  # Roll back to the previous deployment\n  kubectl rollout undo deployment/abc\n\n  # Roll back to deployment revision 3\n  kubectl rollout undo deployment/abc --to-revision=3',
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [{ name: 'to-revision', type: 'int', default: '0', usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  run(inv) {
    const toRevision = inv.flags.int('to-revision');
    const errors: unknown[] = [];
    for (const target of workloadObjects(inv, ['Deployment'], 'rollbacker')) {
      try {
        const client = inv.host.client;
        const deployment = getDeployment(client, inv.namespace, target.name);
        const rs = revisionToRestore(deployment, ownedReplicaSets(client, deployment), toRevision);
        if (deployment.spec.paused) {
          throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        }
        const label = qualifiedName(target.rt, target.name);
        if (templatesEqualIgnoringHash(rs.spec.template, deployment.spec.template)) {
          inv.out(`${label} skipped rollback (current template already matches revision ${toRevision})\n`);
          continue;
        }
        const template = structuredClone(rs.spec.template);
        if (template.metadata?.labels) delete template.metadata.labels[templateHashLabel];
        const annotations: Record<string, string> = {};
        for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {})) if (annotationsToSkip.has(k)) annotations[k] = v;
        for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!annotationsToSkip.has(k)) annotations[k] = v;
        client.patch(DEPLOYMENTS, inv.namespace, target.name, 'json', [
          { op: 'replace', path: '/spec/template', value: template },
          { op: 'replace', path: '/metadata/annotations', value: annotations },
        ]);
        inv.out(`${label} rolled back\n`);
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw new ErrorList(errors);
  },
};
