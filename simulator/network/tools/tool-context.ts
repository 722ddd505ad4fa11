// What curl, wget and nslookup need from wherever they run (the lab terminal, or a container
// entered with kubectl exec): arguments, the network seen from there, output streams, virtual
// time to wait on, and a place to save files.
import type { CommandContext } from '../../shell/command.ts';
import type { Scheduler } from '../../shell/scheduler.ts';
import { untilAborted } from '../../shell/scheduler.ts';
import type { Output } from '../../shell/streams.ts';
import type { ClusterNetwork, NetworkOrigin } from '../network.ts';

export interface NetworkToolContext {
  readonly args: readonly string[];
  readonly network: ClusterNetwork;
  readonly from: NetworkOrigin;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly scheduler: Scheduler;
  readonly signal: AbortSignal;
  /** Save a file where the tool runs; returns an error text (e.g. "Permission denied") or undefined. */
  writeFile(path: string, content: string): string | undefined;
}

/** The context for a tool run as a shell command: its streams and arguments, files saved
 * through the shell's file system, the network seen from `from`. */
export function toolContextFor(ctx: CommandContext, network: ClusterNetwork, from: NetworkOrigin): NetworkToolContext {
  return {
    args: ctx.args,
    network,
    from,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    scheduler: ctx.scheduler,
    signal: ctx.signal,
    writeFile(path, content) {
      try {
        ctx.fs.writeFile(ctx.resolve(path), content);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}

/** How long Linux keeps retrying a SYN nobody answers (tcp_syn_retries=6) before ETIMEDOUT. */
export const kernelConnectTimeoutMs = 130_000;

/** Waits ms of virtual time (Infinity: until interrupted). False when interrupted first. */
export async function waitFor(ms: number, ctx: Pick<NetworkToolContext, 'scheduler' | 'signal'>): Promise<boolean> {
  if (ctx.signal.aborted) return false;
  if (ms === Infinity) {
    await untilAborted(ctx.signal);
    return false;
  }
  if (ms > 0) await ctx.scheduler.sleep(ms, ctx.signal);
  return !ctx.signal.aborted;
}

const reasons: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return reasons[status] ?? '';
}

/** Timeouts as curl and wget take them: seconds, fractions allowed. */
export function secondsToMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : NaN;
}
