// kubectl exec: run a command in a running container. The container is simulated from what the
// cluster knows (container/): its image decides which programs exist, the environment the kubelet
// gave it (service links included), its mounted ConfigMaps and Secrets, the files its own process
// wrote, and the cluster network for wget/curl.
// A non-zero exit is reported the way kubectl does ("command terminated with exit code N").
import type { Input } from '../shell/streams.ts';
import { nginxWelcomePage } from '../workloads/images/web-servers.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { KubectlError, UsageError } from './errors.ts';
import { containerEnv } from './container/container-env.ts';
import { containerFiles, type ExecPod } from './container/container-files.ts';
import { ContainerProcess } from './container/container-shell.ts';
import { profileFor } from './container/image-profiles.ts';
import { parseObjectArgs, resourceType } from './object-args.ts';
import { defaultContainer, podForObject, type PodLike } from './pod-for-object.ts';
import { containersOf, networkOf } from './workload-host.ts';

interface SecurityContext {
  runAsUser?: number;
}

/** Opens the container a command runs in: files, environment, programs. Shared with `run -it`. */
export function openContainer(inv: Invocation, pod: PodLike, container: string, tty: boolean, attach = false): ContainerProcess {
  const runtime = containersOf(inv);
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
  const id = (status?.containerID ?? (status?.state?.terminated as { containerID?: string } | undefined)?.containerID)?.replace(/^[a-z]+:\/\//, '');
  const record = runtime.container(id);
  // exec needs the container running; `run -i` attaches to whatever the pod started.
  if (!record || (!attach && !runtime.isRunning(record, inv.now()))) throw new KubectlError(`unable to upgrade connection: container not found (${JSON.stringify(container)})`);
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === container);
  const podSecurity = (pod.spec?.securityContext ?? {}) as SecurityContext;
  const uid = ((spec?.securityContext ?? {}) as SecurityContext).runAsUser ?? podSecurity.runAsUser ?? 0;
  const profile = profileFor(record.input.image, nginxWelcomePage);
  const home = uid === 0 ? '/root' : profile.base === 'alpine' && uid === 1000 ? '/home/node' : '/';
  const env = containerEnv(pod.metadata.name ?? '', { ...record.input.env, ...(uid === 0 ? {} : { HOME: home }) });
  return new ContainerProcess({
    who: { namespace: pod.metadata.namespace ?? inv.namespace, pod: pod.metadata.name ?? '', hostname: record.input.hostname, uid, base: profile.base },
    profile,
    fs: containerFiles(inv.host.client, pod as ExecPod, container, profile, inv.now(), home, runtime.files(record, inv.now())),
    env,
    scheduler: inv.shell.scheduler,
    network: networkOf(inv),
    tty,
  });
}

/** Runs argv in the container, printing kubectl's exit-code line; with -i it reads the terminal. */
export async function execIn(inv: Invocation, process: ContainerProcess, argv: string[], opts: { stdin: boolean; tty: boolean }): Promise<number> {
  const io = { stdin: opts.stdin ? inv.shell.stdin : emptyInput, stdout: inv.shell.stdout, stderr: inv.shell.stderr, signal: inv.shell.signal };
  const status = await process.exec(argv, io);
  if (inv.shell.signal.aborted) return 130;
  if (status !== 0) inv.err(`command terminated with exit code ${status}\n`);
  return status;
}

/** What a process reads without -i: nothing. */
export const emptyInput: Input = {
  isTerminal: false,
  async text() {
    return '';
  },
  async *[Symbol.asyncIterator]() {},
};

export const execCommand: KubectlCommand = {
  name: 'exec',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  example:
    "  # Get output from running the 'date' command from pod mypod, using the first container by default\n  kubectl exec mypod -- date\n\n  # Get output from running the 'date' command in ruby-container from pod mypod\n  kubectl exec mypod -c ruby-container -- date\n\n  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n  # and sends stdout/stderr from 'bash' back to the client\n  kubectl exec mypod -c ruby-container -i -t -- bash -il\n\n  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default\n  kubectl exec deploy/mydeployment -- date",
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  async run(inv) {
    const dash = inv.flags.dashAt;
    const before = dash < 0 ? inv.args : inv.args.slice(0, dash);
    const command = dash < 0 ? [] : inv.args.slice(dash);
    // upstream's Complete: only the "no --" spelling is a usage error; the rest come from Validate.
    if (dash < 0 && before.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    if (before.length === 0) throw new KubectlError('pod, type/name or --filename must be specified');
    if (before.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    const typed = before[0]!;
    const target = typed.includes('/') ? parseObjectArgs([typed])[0]! : { rt: resourceType('pod'), name: typed };
    const pod = podForObject(inv, target);
    if (!pod) throw new KubectlError('timed out waiting for the condition');
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = defaultContainer(inv, pod, inv.flags.string('container'));
    const tty = inv.flags.bool('tty');
    const process = openContainer(inv, pod, container, tty && inv.flags.bool('stdin'));
    return execIn(inv, process, command, { stdin: inv.flags.bool('stdin'), tty: tty && inv.flags.bool('stdin') });
  },
};
