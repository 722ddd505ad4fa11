// kubectl rollout history: the revisions of a Deployment, read from its ReplicaSets' annotations,
// as a REVISION / CHANGE-CAUSE table, or one revision's pod template with --revision=N.
import { alignTabs } from '../printers/tabwriter.ts';
import { DescribeWriter } from '../describe/writer.ts';
import { writePodTemplate } from '../describe/containers.ts';
import type { KubectlCommand } from './command.ts';
import { ErrorList, KubectlError } from './errors.ts';
import { qualifiedName, workloadObjects } from './object-args.ts';
import { changeCauseAnnotation, getDeployment, ownedReplicaSets, revisionOf } from './rollout-revisions.ts';

export const rolloutHistoryCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  example: '  # View the rollout history of a deployment\n  kubectl rollout history deployment/abc\n\n  # View the details of daemonset revision 3\n  kubectl rollout history daemonset/abc --revision=3',
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [{ name: 'revision', type: 'int', default: '0', usage: 'See the details, including podTemplate of the revision specified' }],
  run(inv) {
    const revision = inv.flags.int('revision');
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const errors: unknown[] = [];
    for (const target of workloadObjects(inv, ['Deployment'], 'history viewer')) {
      try {
        const deployment = getDeployment(inv.host.client, inv.namespace, target.name);
        const history = ownedReplicaSets(inv.host.client, deployment).filter((rs) => revisionOf(rs) > 0);
        const label = qualifiedName(target.rt, target.name);
        if (revision > 0) {
          const rs = history.find((r) => revisionOf(r) === revision);
          if (!rs) throw new KubectlError(`unable to find the specified revision`);
          const w = new DescribeWriter();
          writePodTemplate(w, rs.spec.template as Parameters<typeof writePodTemplate>[1]);
          inv.out(`${label} with revision #${revision}\n${w.toString()}\n`);
          continue;
        }
        if (history.length === 0) {
          inv.out(`No rollout history found.\n`);
          continue;
        }
        const rows = history.map((rs) => `${revisionOf(rs)}\t${rs.metadata.annotations?.[changeCauseAnnotation] || '<none>'}\n`).join('');
        inv.out(`${label} \n${alignTabs(`REVISION\tCHANGE-CAUSE\n${rows}`, { minWidth: 0, padding: 2 })}\n`);
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw new ErrorList(errors);
  },
};
