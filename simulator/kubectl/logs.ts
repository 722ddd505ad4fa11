// kubectl logs: what a container wrote, from the kubelet's runtime on the virtual clock. One pod
// (or the pod a Deployment/ReplicaSet/Service picks), every pod of a -l selector, one container or
// all; --previous, --tail, --since, --timestamps, --prefix; -f keeps printing new lines until
// Ctrl-C or until the container stops, as the real log stream ends.
import { badRequest } from '../machinery/errors.ts';
import { ContainerLogs } from '../workloads/logs.ts';
import type { ContainerRecord, ContainerRuntime } from '../workloads/container-runtime.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { ErrorList, KubectlError, UsageError } from './errors.ts';
import { parseObjectArgs, resourceType } from './object-args.ts';
import { defaultContainer, podForObject, podsMatching, type PodLike } from './pod-for-object.ts';
import { containersOf } from './workload-host.ts';

/** How often -f looks for new lines, in virtual ms (the kubelet tails the file continuously). */
export const followPollMs = 250;

interface Stream {
  pod: PodLike;
  container: string;
  prefix: string;
}

function nanoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function containerIdOf(pod: PodLike, container: string): string | undefined {
  const st = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
  return st?.containerID?.replace(/^[a-z]+:\/\//, '');
}

function prefixLines(text: string, prefix: string): string {
  if (!prefix || !text) return text;
  return text.replace(/^(?=.)/gm, prefix);
}

function sinceSeconds(inv: Invocation): number | undefined {
  if (!inv.flags.changed('since')) return undefined;
  const ms = inv.flags.duration('since');
  return Math.max(1, Math.ceil(ms / 1000));
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  example:
    '  # Return snapshot logs from pod nginx with only one container\n  kubectl logs nginx\n\n  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n  kubectl logs nginx --prefix\n\n  # Return snapshot of previous terminated ruby container logs from pod web-1\n  kubectl logs -p -c ruby web-1\n\n  # Begin streaming the logs of the ruby container in pod web-1\n  kubectl logs -f -c ruby web-1\n\n  # Display only the most recent 20 lines of output in pod nginx\n  kubectl logs --tail=20 nginx\n\n  # Show all logs from pod nginx written in the last hour\n  kubectl logs --since=1h nginx\n\n  # Return snapshot logs from first container of a job named hello\n  kubectl logs job/hello',
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: [
    { name: 'follow', short: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'all-containers', type: 'bool', usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'tail', type: 'int', default: '-1', usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'since', type: 'duration', default: '0s', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', type: 'string', usage: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'timestamps', type: 'bool', usage: 'Include timestamps on each line in the log output' },
    { name: 'prefix', type: 'bool', usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'limit-bytes', type: 'int', default: '0', usage: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: '5', usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'pod-running-timeout', type: 'duration', default: '20s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'ignore-errors', type: 'bool', usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
  ],
  async run(inv) {
    const { flags } = inv;
    const selector = flags.string('selector');
    if (selector && inv.args.length > 0) throw new UsageError('only a selector (-l) or a POD name is allowed');
    if (!selector && inv.args.length === 0) throw new UsageError('expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) after \'logs\'');
    if (flags.changed('since') && flags.changed('since-time')) throw new UsageError('at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (flags.bool('all-containers') && flags.changed('container')) throw new UsageError('--container cannot be used with --all-containers');
    const runtime = containersOf(inv);

    // `kubectl logs POD CONTAINER` is the old spelling of -c.
    let containerFlag = flags.string('container');
    let args = inv.args;
    if (!selector && args.length === 2 && !args[0]!.includes('/')) {
      containerFlag ||= args[1]!;
      args = [args[0]!];
    }
    let pods: PodLike[];
    if (selector) {
      pods = podsMatching(inv, selector);
      if (pods.length === 0) {
        inv.err(`No resources found in ${inv.namespace} namespace.\n`);
        return 0;
      }
    } else {
      const [target] = args[0]!.includes('/') ? parseObjectArgs(args) : [{ rt: resourceType('pod'), name: args[0]! }];
      const pod = target && (await waitForPod(inv, () => podForObject(inv, target)));
      if (!pod) throw new KubectlError('timed out waiting for the condition');
      pods = [pod];
    }

    const streams: Stream[] = [];
    for (const pod of pods) {
      const names = flags.bool('all-containers')
        ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name)
        : [defaultContainer(inv, pod, containerFlag)];
      for (const container of names) streams.push({ pod, container, prefix: flags.bool('prefix') ? `[pod/${pod.metadata.name}/${container}] ` : '' });
    }
    const follow = flags.bool('follow');
    if (follow && selector && streams.length > flags.int('max-log-requests')) {
      throw new KubectlError(`you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${flags.int('max-log-requests')}, use --max-log-requests to increase the limit`);
    }

    const tail = flags.changed('tail') ? flags.int('tail') : selector ? 10 : -1;
    const logs = new ContainerLogs(runtime);
    const errors: unknown[] = [];
    const following: FollowEntry[] = [];
    for (const stream of streams) {
      const result = logs.read(
        stream.pod,
        {
          container: stream.container,
          previous: flags.bool('previous'),
          tailLines: tail >= 0 ? tail : undefined,
          sinceSeconds: sinceSeconds(inv),
          sinceTime: flags.string('since-time') || undefined,
          timestamps: flags.bool('timestamps'),
          limitBytes: flags.int('limit-bytes') > 0 ? flags.int('limit-bytes') : undefined,
        },
        inv.now(),
      );
      if (!result.ok) {
        errors.push(badRequest(result.message));
        continue;
      }
      inv.out(prefixLines(result.text, stream.prefix));
      if (follow && !flags.bool('previous')) {
        const record = runtime.container(containerIdOf(stream.pod, stream.container));
        if (record) following.push({ stream, record, ...position(runtime.logLines(record, inv.now())) });
      }
    }
    if (errors.length && !(follow && flags.bool('ignore-errors'))) throw new ErrorList(errors);
    if (following.length) return followStreams(inv, runtime, following, flags.bool('timestamps'));
    return 0;
  },
};

async function waitForPod(inv: Invocation, find: () => PodLike | undefined): Promise<PodLike | undefined> {
  const deadline = inv.now() + inv.flags.duration('pod-running-timeout');
  let pod = find();
  while (!pod && inv.now() < deadline && !inv.shell.signal.aborted) {
    await inv.shell.scheduler.sleep(Math.min(1000, deadline - inv.now()), inv.shell.signal);
    pod = find();
  }
  return pod;
}

/** Where a follower has read up to: by time, since the oldest lines rotate away (a count would stall). */
interface FollowEntry {
  stream: Stream;
  record: ContainerRecord;
  lastAt: number;
  /** Lines at exactly lastAt already printed. */
  atLast: number;
}

function position(lines: ReadonlyArray<{ atMs: number }>): { lastAt: number; atLast: number } {
  const lastAt = lines.length ? lines[lines.length - 1]!.atMs : -Infinity;
  return { lastAt, atLast: lines.filter((l) => l.atMs === lastAt).length };
}

/** Prints each stream's new lines as they appear; a stream ends when its container stops. */
async function followStreams(inv: Invocation, runtime: ContainerRuntime, open: FollowEntry[], timestamps: boolean): Promise<number> {
  const { scheduler, signal } = inv.shell;
  while (open.length > 0) {
    await scheduler.sleep(followPollMs, signal);
    if (signal.aborted) return 130;
    const now = inv.now();
    for (const entry of [...open]) {
      const lines = runtime.logLines(entry.record, now);
      const start = entry.record.startedAt ?? 0;
      let seenAtLast = 0;
      const unseen = lines.filter((l) => l.atMs > entry.lastAt || (l.atMs === entry.lastAt && ++seenAtLast > entry.atLast));
      const fresh = unseen.map((l) => `${timestamps ? `${nanoTime(start + l.atMs)} ` : ''}${l.text}\n`).join('');
      if (unseen.length) Object.assign(entry, position(lines));
      inv.out(prefixLines(fresh, entry.stream.prefix));
      if (entry.record.finishedAt !== undefined || !runtime.isRunning(entry.record, now)) open.splice(open.indexOf(entry), 1);
    }
  }
  return 0;
}
