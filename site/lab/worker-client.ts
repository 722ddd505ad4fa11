// The main thread's side of the protocol: starts the lab worker and fans its messages out.
import type { FromWorker, ToWorker } from './protocol.ts';

type Listener = (message: FromWorker) => void;

export interface LabWorker {
  send(message: ToWorker): void;
  /** Every message from the worker; returns an unsubscribe function. */
  on(listener: Listener): () => void;
  terminate(): void;
}

export function startLabWorker(): LabWorker {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'wheelhouse-lab' });
  const listeners = new Set<Listener>();
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    for (const listener of listeners) listener(event.data);
  };
  worker.onerror = (event) => {
    for (const listener of listeners) listener({ type: 'error', message: `The lab worker failed: ${event.message}` });
  };
  return {
    send: (message) => worker.postMessage(message),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate: () => worker.terminate(),
  };
}
