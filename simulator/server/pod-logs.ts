// GET pods/{name}/log: the container's log as text/plain, with the kubelet's options. With
// follow=true the response stays open and new lines are written as the container (on the
// cluster's real-time clock) produces them, until the container stops or the client leaves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../machinery/types.ts';
import type { LogOptions } from '../workloads/logs.ts';
import { queryFlag, queryInt, statusError } from './http-io.ts';
import type { ServerContext } from './server-context.ts';

interface PodShape extends KubeObject {
  spec?: { containers?: Array<{ name: string }> };
  status?: { containerStatuses?: Array<{ name: string; state?: { running?: unknown; terminated?: unknown } }> };
}

const followPollMs = 250;

export function streamPodLogs(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, pod: KubeObject, ctx: ServerContext): void {
  const p = pod as PodShape;
  const containers = (p.spec?.containers ?? []).map((c) => c.name);
  let container = q.get('container') ?? undefined;
  if (!container) {
    if (containers.length !== 1) {
      throw statusError(400, 'BadRequest', `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]`);
    }
    container = containers[0];
  }
  if (!ctx.podIO) throw statusError(503, 'ServiceUnavailable', 'container logs are not available: this simulator runs no kubelet');
  const opts: LogOptions = { container, previous: queryFlag(q.get('previous')) && q.has('previous'), timestamps: q.get('timestamps') === 'true' };
  const tail = queryInt(q.get('tailLines'), 'tailLines');
  const since = queryInt(q.get('sinceSeconds'), 'sinceSeconds');
  const limit = queryInt(q.get('limitBytes'), 'limitBytes');
  if (tail !== undefined) opts.tailLines = tail;
  if (since !== undefined) opts.sinceSeconds = since;
  if (limit !== undefined) opts.limitBytes = limit;
  const sinceTime = q.get('sinceTime');
  if (sinceTime) opts.sinceTime = sinceTime;

  const now = () => ctx.cluster.clock.now();
  const first = ctx.podIO.logs(pod, opts, now());
  if (!first.ok) throw statusError(400, 'BadRequest', first.message);
  const follow = q.get('follow') === 'true' && !opts.previous;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', ...(follow ? { 'Transfer-Encoding': 'chunked' } : {}) });
  res.write(first.text);
  if (!follow) {
    res.end();
    return;
  }
  res.flushHeaders();

  // Follow: remember how many lines of the full log were covered, then send only what is new.
  const full = (): string[] | undefined => {
    const r = ctx.podIO!.logs(currentPod() ?? pod, { container, timestamps: opts.timestamps }, now());
    return r.ok ? r.text.split('\n').slice(0, -1) : undefined;
  };
  const currentPod = (): PodShape | undefined => {
    try {
      return ctx.cluster.client.get<PodShape>({ resource: 'pods' }, pod.metadata.namespace, pod.metadata.name!);
    } catch {
      return undefined;
    }
  };
  let sent = full()?.length ?? 0;
  const timer = setInterval(() => {
    const live = currentPod();
    const lines = full();
    if (lines && lines.length > sent) {
      res.write(lines.slice(sent).map((l) => `${l}\n`).join(''));
      sent = lines.length;
    } else if (lines && lines.length < sent) sent = lines.length; // the container restarted: a new log
    const state = live?.status?.containerStatuses?.find((s) => s.name === container)?.state;
    if (!live || state?.terminated) stop();
  }, followPollMs);
  const stop = () => {
    clearInterval(timer);
    if (!res.writableEnded) res.end();
  };
  res.on('close', stop);
}
