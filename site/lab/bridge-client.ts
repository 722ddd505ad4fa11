// The page's side of the local shell bridge ("My cluster"), present only when the course runs
// with `npm start`: the dev server inlines a token into its pages, and the bridge (site/bridge/)
// listens on 127.0.0.1 on its own port, which the dev server tells us.
import { bridgeGlobal, type BridgePageInfo, type FromBridge, type ToBridge } from '../bridge/protocol.ts';
import type { GradeReport } from './protocol.ts';

export function bridgeInfo(): BridgePageInfo | undefined {
  const info = (globalThis as Record<string, unknown>)[bridgeGlobal] as BridgePageInfo | undefined;
  return info && typeof info.token === 'string' ? info : undefined;
}

export type Hello = Extract<FromBridge, { type: 'hello' }>;

export interface BridgeConnection {
  hello: Hello;
  send(message: ToBridge): void;
  on(listener: (message: FromBridge) => void): () => void;
  grade(labId: string, context: string | undefined): Promise<GradeReport>;
  close(): void;
}

export async function connectBridge(info: BridgePageInfo): Promise<BridgeConnection> {
  const response = await fetch(info.endpoint, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the dev server did not say where the bridge is (HTTP ${response.status})`);
  const { port } = (await response.json()) as { port: number };
  const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${encodeURIComponent(info.token)}`);
  const listeners = new Set<(message: FromBridge) => void>();
  const pending = new Map<number, { resolve(report: GradeReport): void; reject(error: Error): void }>();
  let nextId = 1;
  const hello = await new Promise<Hello>((resolve, reject) => {
    socket.onerror = () => reject(new Error('could not connect to the local bridge (is `npm start` still running?)'));
    socket.onclose = () => reject(new Error('the local bridge closed the connection'));
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as FromBridge;
      if (message.type === 'hello') resolve(message);
    };
  });
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as FromBridge;
    if (message.type === 'grade' || message.type === 'grade-error') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.type === 'grade') waiter?.resolve(message.report);
      else waiter?.reject(new Error(message.message));
    }
    for (const listener of listeners) listener(message);
  };
  socket.onclose = () => {
    for (const listener of listeners) listener({ type: 'error', message: 'The local bridge closed the connection.' });
    for (const waiter of pending.values()) waiter.reject(new Error('the local bridge closed the connection'));
    pending.clear();
  };
  const send = (message: ToBridge) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };
  return {
    hello,
    send,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    grade(labId, context) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: 'grade', id, labId, context });
      });
    },
    close: () => socket.close(),
  };
}
