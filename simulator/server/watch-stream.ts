// A watch over HTTP, as kube-apiserver streams one: status 200 with the headers flushed at once
// (kubectl's rollout status and delete --wait hang otherwise), then one JSON event per line.
// The stream ends after timeoutSeconds, on an ERROR event (e.g. 410 Expired), or when the client
// goes away. Bookmarks are sent only to clients that allow them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject, WatchEvent } from '../machinery/types.ts';

export interface WatchStreamOptions {
  /** Starts the watch; returns a stop function. */
  start: (onEvent: (event: WatchEvent) => void) => () => void;
  /** Shapes each event's object (e.g. into a one-row Table for kubectl get -w). */
  transform?: (event: WatchEvent) => unknown;
  timeoutSeconds?: number;
  /** A BOOKMARK object with the current resourceVersion, sent every bookmarkMs when allowed. */
  bookmark?: () => KubeObject;
  bookmarkMs?: number;
  /** Called once when the stream is over, however it ended. */
  onClose?: () => void;
}

/** Upstream picks a random timeout between the min request timeout and twice it (30–60 min). */
const defaultTimeoutSeconds = 1800;

export function streamWatch(req: IncomingMessage, res: ServerResponse, options: WatchStreamOptions): void {
  let stop: (() => void) | undefined;
  let finished = false;
  let open = false;
  const early: WatchEvent[] = [];
  const timers: NodeJS.Timeout[] = [];
  const finish = () => {
    if (finished) return;
    finished = true;
    for (const t of timers) clearTimeout(t);
    stop?.();
    options.onClose?.();
    if (open && !res.writableEnded) res.end();
  };
  const write = (event: WatchEvent) => {
    if (finished) return;
    if (!open) {
      early.push(event);
      return;
    }
    const object = event.type === 'ERROR' || event.type === 'BOOKMARK' || !options.transform ? event.object : options.transform(event);
    res.write(`${JSON.stringify({ type: event.type, object })}\n`);
    if (event.type === 'ERROR') finish();
  };
  // Start first, so a bad request (selector, resourceVersion) still gets a proper error status;
  // events delivered while starting wait until the headers are out.
  stop = options.start(write);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  open = true;
  res.on('close', finish);
  for (const e of early.splice(0)) write(e);
  if (finished) return;
  const timeout = options.timeoutSeconds !== undefined && options.timeoutSeconds > 0 ? options.timeoutSeconds : defaultTimeoutSeconds;
  timers.push(setTimeout(finish, timeout * 1000));
  if (options.bookmark) {
    const every = options.bookmarkMs ?? 15_000;
    const tick = () => {
      write({ type: 'BOOKMARK', object: options.bookmark!() });
      timers.push(setTimeout(tick, every));
    };
    timers.push(setTimeout(tick, every));
  }
}
