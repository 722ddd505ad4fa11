// kubectl cordon / uncordon / drain. Cordon flips spec.unschedulable; drain cordons, then removes
// the node's pods the way eviction would (simplified: a graceful delete per pod — there is no
// PodDisruptionBudget here), refusing DaemonSet pods, bare pods and emptyDir data unless told.
import { hasReason } from '../machinery/errors.ts';
import type { KubeObject } from '../machinery/types.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError } from './errors.ts';

const NODES = { resource: 'nodes' };
const PODS = { resource: 'pods' };

type NodeObject = KubeObject & { spec?: { unschedulable?: boolean } };
type PodObject = KubeObject & { spec?: { volumes?: Array<{ emptyDir?: unknown }> }; status?: { phase?: string } };

function setSchedulable(inv: Invocation, name: string, unschedulable: boolean): void {
  const node = inv.host.client.get<NodeObject>(NODES, undefined, name);
  const already = !!node.spec?.unschedulable === unschedulable;
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  if (already) {
    inv.out(`node/${name} already ${verb}\n`);
    return;
  }
  inv.host.client.patch(NODES, undefined, name, 'strategic', { spec: { unschedulable: unschedulable ? true : null } });
  inv.out(`node/${name} ${verb}\n`);
}

function nodeNames(inv: Invocation): string[] {
  if (inv.args.length === 0) throw new UsageError('USAGE: ' + `${inv.path.split(' ').pop()} NODE [flags]`);
  return inv.args.map((a) => a.replace(/^(node|nodes|no)\//, ''));
}

function cordonLike(name: 'cordon' | 'uncordon'): KubectlCommand {
  const cordon = name === 'cordon';
  return {
    name,
    group: 'Cluster Management Commands',
    short: cordon ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    long: cordon ? 'Mark node as unschedulable.' : 'Mark node as schedulable.',
    example: `  # Mark node "foo" as ${cordon ? 'unschedulable' : 'schedulable'}\n  kubectl ${name} foo`,
    use: `${name} NODE`,
    run(inv) {
      const errors: unknown[] = [];
      for (const node of nodeNames(inv)) {
        try {
          setSchedulable(inv, node, cordon);
        } catch (err) {
          errors.push(err);
        }
      }
      if (errors.length) throw new ErrorList(errors);
    },
  };
}

export const cordonCommand = cordonLike('cordon');
export const uncordonCommand = cordonLike('uncordon');

const qualified = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;

export const drainCommand: KubectlCommand = {
  name: 'drain',
  group: 'Cluster Management Commands',
  short: 'Drain node in preparation for maintenance',
  long: "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports eviction (in the simulator: deletes them gracefully). Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.",
  example: '  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n  kubectl drain foo --force',
  use: 'drain NODE',
  flags: [
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'force', type: 'bool', usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'timeout', type: 'duration', default: '0s', usage: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
  ],
  async run(inv) {
    const [name] = nodeNames(inv);
    setSchedulable(inv, name!, true);
    const pods = inv.host.client.list<PodObject>(PODS, { fieldSelector: `spec.nodeName=${name}` }).items.filter((p) => !p.metadata.annotations?.['kubernetes.io/config.mirror']);
    const controller = (p: KubeObject) => p.metadata.ownerReferences?.find((o) => o.controller);
    const finished = (p: PodObject) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    const daemons = pods.filter((p) => controller(p)?.kind === 'DaemonSet');
    const bare = pods.filter((p) => !controller(p) && !finished(p));
    const local = pods.filter((p) => controller(p)?.kind !== 'DaemonSet' && (p.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined));
    const problems: string[] = [];
    if (daemons.length && !inv.flags.bool('ignore-daemonsets')) problems.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemons.map(qualified).join(', ')}`);
    if (bare.length && !inv.flags.bool('force')) problems.push(`cannot delete Pods that declare no controller (use --force to override): ${bare.map(qualified).join(', ')}`);
    if (local.length && !inv.flags.bool('delete-emptydir-data')) problems.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.map(qualified).join(', ')}`);
    if (problems.length) {
      const joined = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
      throw new KubectlError(`error: unable to drain node ${JSON.stringify(name)} due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.join('\n')}\n`, { raw: true });
    }
    const warnings: string[] = [];
    if (daemons.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemons.map(qualified).join(', ')}`);
    if (bare.length) warnings.push(`deleting Pods that declare no controller: ${bare.map(qualified).join(', ')}`);
    if (warnings.length) inv.err(`Warning: ${warnings.join('; ')}\n`);
    const evict = pods.filter((p) => controller(p)?.kind !== 'DaemonSet');
    const grace = inv.flags.int('grace-period');
    for (const pod of evict) {
      inv.out(`evicting pod ${qualified(pod)}\n`);
      inv.host.client.delete(PODS, pod.metadata.namespace, pod.metadata.name!, grace >= 0 ? { gracePeriodSeconds: grace } : {});
    }
    const timeout = inv.flags.duration('timeout');
    const deadline = timeout > 0 ? inv.now() + timeout : Infinity;
    const pending = [...evict];
    while (pending.length) {
      for (const pod of [...pending]) {
        try {
          const now = inv.host.client.get<KubeObject>(PODS, pod.metadata.namespace, pod.metadata.name!);
          if (now.metadata.uid !== pod.metadata.uid) throw new KubectlError('replaced');
        } catch (err) {
          if (!hasReason(err, 'NotFound') && !(err instanceof KubectlError)) throw err;
          pending.splice(pending.indexOf(pod), 1);
          inv.out(`pod/${pod.metadata.name} evicted\n`);
        }
      }
      if (!pending.length) break;
      if (inv.shell.signal.aborted) return 130;
      if (inv.now() >= deadline) throw new KubectlError(`unable to drain node ${JSON.stringify(name)} due to error: [error when waiting for pod ${JSON.stringify(pending[0]!.metadata.name)} in namespace ${JSON.stringify(pending[0]!.metadata.namespace)} to terminate: global timeout reached: ${timeout / 1000}s], continuing command...`);
      await inv.shell.scheduler.sleep(Math.min(1000, deadline - inv.now()), inv.shell.signal);
    }
    inv.out(`node/${name} drained\n`);
    return 0;
  },
};
