// The lab's Web Worker: the cluster, the shell, kubectl, the clock and grading live here, so the
// page's main thread only draws. State is saved per lab in IndexedDB (idb-keyval works in workers).
import { get, set } from 'idb-keyval';
import { LabRuntime } from './lab-runtime.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

const runtime = new LabRuntime({
  post: (message) => scope.postMessage(message),
  store: { get: (key) => get(key), set: (key, value) => set(key, value) },
});

scope.onmessage = (event) => void runtime.handle(event.data);
