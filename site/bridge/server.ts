// The local shell bridge (Node only, `npm start` only): a WebSocket on 127.0.0.1 at a random port
// that gives the lab terminal a real shell on the learner's machine (node-pty) and grades a lab
// against a kube context with client-node. It refuses any connection that does not come from the
// dev server's own origin or does not carry this run's token, and any Host but its own (DNS
// rebinding). It is started by the dev-only integration in integration.ts and never built.
import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GradeReport } from '../../graders/grade.ts';
import type { FromBridge, ToBridge } from './protocol.ts';

/** The part of node-pty the bridge uses. */
export interface PtyProcess {
  onData(listener: (data: string) => void): unknown;
  onExit(listener: (event: { exitCode: number }) => void): unknown;
  write(data: string): void;
  resize(columns: number, rows: number): void;
  kill(): void;
}
export interface PtyModule {
  spawn(file: string, args: string[], options: { name: string; cols: number; rows: number; cwd: string; env: Record<string, string | undefined> }): PtyProcess;
}

export interface BridgeOptions {
  token: string;
  /** Origins allowed to connect (the dev server's); read per connection, as the dev port may change. */
  allowedOrigins: () => readonly string[];
  /** Where the shell starts: the learner's workspace folder. */
  cwd: string;
  /** node-pty, or why it could not be loaded. */
  loadPty?: () => Promise<PtyModule | { problem: string }>;
  grade?: (labId: string, context: string | undefined) => Promise<GradeReport>;
  contexts?: () => Promise<{ contexts: string[]; current?: string; problem?: string }>;
  shell?: string;
  log?: (message: string) => void;
}

export interface RunningBridge {
  port: number;
  close(): Promise<void>;
}

export async function loadNodePty(): Promise<PtyModule | { problem: string }> {
  try {
    const name = 'node-pty';
    const mod = (await import(name)) as PtyModule & { default?: PtyModule };
    return typeof mod.spawn === 'function' ? mod : mod.default ?? { problem: 'node-pty has no spawn()' };
  } catch (error) {
    return { problem: `node-pty could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a connection is refused, or undefined to accept it. */
export function refusal(request: IncomingMessage, options: Pick<BridgeOptions, 'token' | 'allowedOrigins'>, port: number): { code: number; reason: string } | undefined {
  const host = request.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { code: 403, reason: 'wrong host' };
  const origin = request.headers.origin;
  if (!origin || !options.allowedOrigins().includes(origin)) return { code: 403, reason: `origin ${origin ?? '(none)'} is not the course's dev server` };
  const token = new URL(request.url ?? '/', `http://${host}`).searchParams.get('token');
  if (!sameToken(token, options.token)) return { code: 401, reason: 'missing or wrong token' };
  return undefined;
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const log = options.log ?? (() => {});
  const http = createServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('The Wheelhouse shell bridge only speaks WebSocket.\n');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let port = 0;

  http.on('upgrade', (request, socket, head) => {
    const refused = refusal(request, options, port);
    if (refused) {
      log(`refused a connection: ${refused.reason}`);
      socket.end(`HTTP/1.1 ${refused.code} ${refused.code === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => void serve(ws));
  });

  async function serve(ws: WebSocket): Promise<void> {
    const send = (message: FromBridge) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const pty = await (options.loadPty ?? loadNodePty)();
    const contexts: { contexts: string[]; current?: string; problem?: string } = await (options.contexts?.() ?? Promise.resolve({ contexts: [], problem: 'grading is not configured' }));
    send({
      type: 'hello',
      pty: 'spawn' in pty,
      ptyProblem: 'problem' in pty ? pty.problem : undefined,
      contexts: contexts.contexts,
      currentContext: contexts.current,
      contextProblem: contexts.problem,
      cwd: options.cwd,
    });
    let shell: PtyProcess | undefined;
    ws.on('message', (raw) => {
      let message: ToBridge;
      try {
        message = JSON.parse(String(raw)) as ToBridge;
      } catch {
        return send({ type: 'error', message: 'not JSON' });
      }
      switch (message.type) {
        case 'spawn': {
          if (!('spawn' in pty)) return send({ type: 'error', message: pty.problem });
          if (shell) return;
          const labDir = /^[a-z0-9-]+$/.test(message.labId) ? path.join(options.cwd, message.labId) : options.cwd;
          mkdirSync(labDir, { recursive: true });
          shell = pty.spawn(options.shell ?? process.env.SHELL ?? 'bash', [], {
            name: 'xterm-256color',
            cols: message.columns,
            rows: message.rows,
            cwd: labDir,
            env: { ...process.env, WHEELHOUSE_LAB: message.labId },
          });
          shell.onData((data) => send({ type: 'output', data }));
          shell.onExit(({ exitCode }) => {
            shell = undefined;
            send({ type: 'exit', code: exitCode });
          });
          return;
        }
        case 'input':
          shell?.write(message.data);
          return;
        case 'resize':
          if (message.columns > 0 && message.rows > 0) shell?.resize(message.columns, message.rows);
          return;
        case 'grade':
          if (!options.grade) return send({ type: 'grade-error', id: message.id, message: 'grading is not configured' });
          options.grade(message.labId, message.context).then(
            (report) => send({ type: 'grade', id: message.id, report }),
            (error: unknown) => send({ type: 'grade-error', id: message.id, message: error instanceof Error ? error.message : String(error) }),
          );
          return;
      }
    });
    ws.on('close', () => shell?.kill());
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('the bridge has no port');
  port = address.port;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close(() => resolve());
      }),
  };
}
