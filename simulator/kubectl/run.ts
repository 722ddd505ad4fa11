// kubectl run: one Pod from an image, as kubectl 1.32 builds it (label run=NAME, restartPolicy,
// dnsPolicy ClusterFirst, `-- args` as args or, with --command, as the command). With -i the
// command runs attached: its output comes back here, --rm deletes the pod afterwards.
import type { KubeObject } from '../machinery/types.ts';
import type { KubectlCommand } from './command.ts';
import { KubectlError, UsageError } from './errors.ts';
import { emptyInput, openContainer } from './exec.ts';
import { dryRunFlag, dryRunSuffix, outputFlag, parseDryRun, parseOutput, printWriteResult } from './output.ts';
import type { PodLike } from './pod-for-object.ts';

const PODS = { resource: 'pods' };

function parsePairs(items: string[], what: string): Array<[string, string]> {
  return items.map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid ${what}: ${item}`);
    return [item.slice(0, eq), item.slice(eq + 1)];
  });
}

export const runCommand: KubectlCommand = {
  name: 'run',
  group: 'Basic Commands (Beginner)',
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  example:
    '  # Start a nginx pod\n  kubectl run nginx --image=nginx\n\n  # Start a hazelcast pod and let the container expose port 5701\n  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701\n\n  # Start a busybox pod and keep it in the foreground, don\'t restart it if it exits\n  kubectl run -i -t busybox --image=busybox --restart=Never\n\n  # Start the nginx pod using a different command and custom arguments\n  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: [
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'annotations', type: 'stringArray', usage: 'Annotations to apply to the pod.' },
    { name: 'restart', type: 'string', default: 'Always', usage: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]." },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', type: 'bool', usage: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    outputFlag(false),
    dryRunFlag,
  ],
  async run(inv) {
    const { flags } = inv;
    const dash = flags.dashAt;
    const names = dash < 0 ? inv.args : inv.args.slice(0, dash);
    const rest = dash < 0 ? [] : inv.args.slice(dash);
    if (names.length === 0) throw new UsageError('NAME is required for run');
    const name = names[0]!;
    const extra = [...names.slice(1), ...rest];
    const image = flags.string('image');
    if (!image) throw new UsageError('--image is required');
    const restart = flags.string('restart');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}`);
    const attach = flags.bool('attach') || flags.bool('stdin');
    if (flags.bool('rm') && !attach) throw new UsageError('--rm should only be used for attached containers');
    const dryRun = parseDryRun(inv);
    const format = parseOutput(inv, false);

    const labels = flags.string('labels') ? Object.fromEntries(parsePairs(flags.string('labels').split(','), 'label spec')) : { run: name };
    const container: Record<string, unknown> = { name, image };
    if (extra.length) container[flags.bool('command') ? 'command' : 'args'] = extra;
    if (flags.list('env').length) container.env = parsePairs(flags.list('env'), 'env').map(([k, v]) => ({ name: k, value: v }));
    if (flags.string('image-pull-policy')) container.imagePullPolicy = flags.string('image-pull-policy');
    if (flags.string('port')) {
      const port = Number(flags.string('port'));
      if (!Number.isInteger(port)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(flags.string('port'))}: invalid syntax`);
      container.ports = [{ containerPort: port }];
    }
    container.resources = {};
    if (flags.bool('stdin')) Object.assign(container, { stdin: true, stdinOnce: true }, flags.bool('tty') ? { tty: true } : {});
    const annotations = flags.list('annotations').length ? Object.fromEntries(parsePairs(flags.list('annotations'), 'annotation')) : undefined;
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...(annotations ? { annotations } : {}), labels, name },
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    };
    if (dryRun === 'client') {
      printWriteResult(inv, format, { ...pod, metadata: { creationTimestamp: null as unknown as string, ...pod.metadata }, status: {} }, `created${dryRunSuffix(dryRun)}`);
      return 0;
    }
    const created = inv.host.client.create<KubeObject>(PODS, { ...pod, metadata: { ...pod.metadata, namespace: inv.namespace } }, { fieldManager: 'kubectl-run', dryRun: dryRun === 'server' });
    if (!attach || dryRun === 'server') {
      printWriteResult(inv, format, created, `created${dryRunSuffix(dryRun)}`);
      return 0;
    }
    return runAttached(inv, name, extra, restart);
  },
};

/** -i / --attach: wait for the pod to start, run its command here, then --rm deletes it. */
async function runAttached(inv: Parameters<NonNullable<KubectlCommand['run']>>[0], name: string, argv: string[], restart: string): Promise<number> {
  const { scheduler, signal } = inv.shell;
  const deadline = inv.now() + inv.flags.duration('pod-running-timeout');
  let pod = inv.host.client.get<PodLike>(PODS, inv.namespace, name);
  const started = (p: PodLike) => (p.status?.containerStatuses ?? []).some((c) => c.state?.running || c.state?.terminated);
  while (!started(pod) && inv.now() < deadline && !signal.aborted) {
    await scheduler.sleep(500, signal);
    pod = inv.host.client.get<PodLike>(PODS, inv.namespace, name);
  }
  if (signal.aborted) return 130;
  if (!started(pod)) throw new KubectlError('timed out waiting for the condition');
  if (inv.flags.bool('stdin')) inv.err("If you don't see a command prompt, try pressing enter.\n");
  const process = openContainer(inv, pod, name, inv.flags.bool('tty'), true);
  const command = argv.length ? argv : process.options.profile.shells.length ? [process.options.profile.shells[0]!] : [];
  let status = 0;
  if (command.length) {
    // Attached to the pod's own process: its exit is the pod's, reported after --rm as upstream does.
    const io = { stdin: inv.flags.bool('stdin') ? inv.shell.stdin : emptyInput, stdout: inv.shell.stdout, stderr: inv.shell.stderr, signal };
    status = await process.exec(command, io);
    if (signal.aborted) return 130;
  }
  if (inv.flags.bool('rm')) {
    inv.host.client.delete(PODS, inv.namespace, name, { propagationPolicy: 'Background' });
    inv.out(`pod "${name}" deleted\n`);
  }
  if (status !== 0 && restart === 'Never') {
    inv.err(`pod ${inv.namespace}/${name} terminated (Error)\n`);
  }
  // Only a pod that is not restarted has an exit status kubectl waits for and returns.
  return restart === 'Always' ? 0 : status;
}
