// kubectl exec over WebSocket (subprotocols v5.channel.k8s.io and v4.channel.k8s.io): each binary
// frame starts with a channel byte — 0 stdin, 1 stdout, 2 stderr, 3 the final Status (with the exit
// code), 4 terminal resize, 255 (v5) "this stream is closed". The command runs in the simulated
// container and its output is sent back, then the Status, then the socket closes.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiError, toApiError } from '../machinery/errors.ts';
import type { KubeObject, Status } from '../machinery/types.ts';
import { statusError } from './http-io.ts';
import type { ServerContext } from './server-context.ts';

export const execProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

const Channel = { Stdout: 1, Stderr: 2, Error: 3 } as const;

function frame(channel: number, data: string | Buffer): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from([channel]), payload]);
}

function exitStatus(exitCode: number, command: string[]): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

interface ExecRequest {
  pod: KubeObject;
  container: string;
  command: string[];
}

/** Checks the request the way the API server does before upgrading; throws an ApiError otherwise. */
export function prepareExec(url: URL, pod: KubeObject, ctx: ServerContext): ExecRequest {
  const q = url.searchParams;
  const command = q.getAll('command');
  const spec = (pod.spec ?? {}) as { containers?: Array<{ name: string }> };
  const names = (spec.containers ?? []).map((c) => c.name);
  let container = q.get('container') ?? '';
  if (!container) {
    if (names.length !== 1) throw statusError(400, 'BadRequest', `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`);
    container = names[0]!;
  }
  if (!names.includes(container)) throw statusError(400, 'BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
  if (command.length === 0) throw statusError(400, 'BadRequest', 'you must specify at least 1 command');
  if (!ctx.podIO) throw statusError(503, 'ServiceUnavailable', 'exec is not available: this simulator runs no kubelet');
  return { pod, container, command };
}

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (protocols) => execProtocols.find((p) => protocols.has(p)) ?? false,
});

/** Runs the command, then completes the WebSocket handshake and sends its output. A container
 * that is not running is refused before the upgrade, with the kubelet's wording. */
export function runExec(req: IncomingMessage, socket: Duplex, head: Buffer, exec: ExecRequest, ctx: ServerContext): void {
  const outcome = ctx.podIO!.exec(exec.pod, exec.container, exec.command, ctx.cluster.clock.now());
  if ('error' in outcome) throw statusError(400, 'BadRequest', `container not found (${JSON.stringify(exec.container)})`);
  wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
    if (outcome.stdout) ws.send(frame(Channel.Stdout, outcome.stdout));
    if (outcome.stderr) ws.send(frame(Channel.Stderr, outcome.stderr));
    ws.send(frame(Channel.Error, JSON.stringify(exitStatus(outcome.exitCode, exec.command))));
    ws.close(1000);
  });
}

/** Answers an upgrade request that cannot proceed with a plain HTTP Status response. */
export function rejectUpgrade(socket: Duplex, err: unknown): void {
  const status: Status = err instanceof ApiError ? err.status : toApiError(err).status;
  const body = JSON.stringify(status);
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 501: 'Not Implemented', 503: 'Service Unavailable' }[status.code] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status.code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
