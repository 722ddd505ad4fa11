// Records core/v1 Events the way client-go's (legacy) recorder does: named `<object>.<hex time>`,
// in the object's namespace (default for cluster-scoped objects), and an identical repeat of an
// event bumps its count and lastTimestamp instead of creating another object — which is what
// `kubectl describe` shows as "(x3 over 2m)".
// Not modelled: client-go's spam filter and its folding of *similar* (not identical) events.
import { rfc3339 } from '../machinery/clock.ts';
import type { ApiClient, Clock, KubeObject } from '../machinery/types.ts';
import type { EventRecorder, EventType } from './controller.ts';

interface Seen {
  namespace: string;
  name: string;
  count: number;
  firstTimestamp: string;
}

export interface RecorderState {
  seen: Array<[string, Seen]>;
  lastNano: string;
}

const eventsRef = { group: '', resource: 'events' };
const cacheLimit = 4096;

export class ClientEventRecorder implements EventRecorder {
  #client: ApiClient;
  #clock: Clock;
  #component: string;
  #shared: { seen: Map<string, Seen>; lastNano: bigint };

  constructor(client: ApiClient, clock: Clock, component: string, shared?: { seen: Map<string, Seen>; lastNano: bigint }) {
    this.#client = client;
    this.#clock = clock;
    this.#component = component;
    this.#shared = shared ?? { seen: new Map(), lastNano: 0n };
  }

  get #seen(): Map<string, Seen> {
    return this.#shared.seen;
  }

  /** The same recorder writing as another component (each controller gets its own name). */
  forComponent(component: string): ClientEventRecorder {
    return new ClientEventRecorder(this.#client, this.#clock, component, this.#shared);
  }

  event(
    regarding: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    options: { component?: string; host?: string; fieldPath?: string } = {},
  ): void {
    const component = options.component ?? this.#component;
    const meta = regarding.metadata ?? {};
    const namespace = meta.namespace || 'default';
    const involvedObject: Record<string, string> = {
      kind: regarding.kind,
      namespace: meta.namespace ?? '',
      name: meta.name ?? '',
      uid: meta.uid ?? '',
      apiVersion: regarding.apiVersion,
      resourceVersion: meta.resourceVersion ?? '',
    };
    if (!involvedObject.namespace) delete involvedObject.namespace;
    if (options.fieldPath) involvedObject.fieldPath = options.fieldPath;
    const source: Record<string, string> = { component };
    if (options.host) source.host = options.host;
    const now = rfc3339(this.#clock.now());
    // client-go aggregates on everything but resourceVersion and the timestamps.
    const key = JSON.stringify([involvedObject.kind, involvedObject.namespace, involvedObject.name, involvedObject.uid, involvedObject.apiVersion, options.fieldPath ?? '', type, reason, message, component, options.host ?? '']);
    try {
      const seen = this.#seen.get(key);
      if (seen) {
        try {
          this.#client.patch(eventsRef, seen.namespace, seen.name, 'merge', { count: seen.count + 1, lastTimestamp: now, message });
          seen.count++;
          this.#touch(key, seen);
          return;
        } catch {
          // Deleted meanwhile (TTL, namespace cleanup): write a fresh one below.
          this.#seen.delete(key);
        }
      }
      const name = `${meta.name ?? 'unknown'}.${this.#uniqueHex()}`;
      this.#client.create(eventsRef, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject,
        reason,
        message,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: options.host ?? '',
      });
      this.#touch(key, { namespace, name, count: 1, firstTimestamp: now });
    } catch {
      // Like client-go, a failed event write is dropped: events are best effort.
    }
  }

  /** What aggregation remembers (which events to bump) and the last name stamp, as JSON. */
  saveState(): RecorderState {
    return { seen: [...this.#seen].map(([key, seen]) => [key, { ...seen }]), lastNano: this.#shared.lastNano.toString() };
  }

  restoreState(state: RecorderState | undefined): void {
    this.#seen.clear();
    for (const [key, seen] of state?.seen ?? []) this.#seen.set(key, { ...seen });
    this.#shared.lastNano = BigInt(state?.lastNano ?? '0');
  }

  /** Event names end in the time in nanoseconds, hex; strictly increasing keeps them unique. */
  #uniqueHex(): string {
    let nano = BigInt(Math.floor(this.#clock.now())) * 1_000_000n;
    if (nano <= this.#shared.lastNano) nano = this.#shared.lastNano + 1n;
    this.#shared.lastNano = nano;
    return nano.toString(16).padStart(16, '0');
  }

  #touch(key: string, seen: Seen): void {
    this.#seen.delete(key);
    this.#seen.set(key, seen);
    if (this.#seen.size > cacheLimit) this.#seen.delete(this.#seen.keys().next().value!);
  }
}
