// Watches, as kube-apiserver's watch cache serves them: start from "now" (synthetic ADDED for what
// exists) or replay from a resourceVersion still in the bounded history (410 Expired when it is
// not), then follow live changes. Each watcher sees its own view through its namespace and
// selectors: an object that starts matching arrives as ADDED, one that stops matching as DELETED.
//
// Event objects are frozen and shared between watchers (fan-out copies nothing): copy one before
// changing it. Delivery is queued, so a watcher that writes from inside its callback never makes
// another watcher see changes out of order.
import { cloneJson } from './json.ts';
import { resourceExpired, timeout } from './errors.ts';
import type { FieldSelector } from './field-selectors.ts';
import type { Change, ObjectStore } from './object-store.ts';
import { resourceKey } from './object-store.ts';
import type { Selector } from './selectors.ts';
import type { KubeObject, ResourceType, WatchEvent } from './types.ts';

export interface WatchFilter {
  namespace?: string;
  labels: Selector;
  fields: FieldSelector;
}

interface Watcher {
  filter: WatchFilter;
  onEvent: (event: WatchEvent) => void;
  active: boolean;
}

export function matchesFilter(obj: KubeObject, f: WatchFilter): boolean {
  if (f.namespace !== undefined && (obj.metadata.namespace ?? '') !== f.namespace) return false;
  if (!f.labels.empty && !f.labels.matches(obj.metadata.labels)) return false;
  if (!f.fields.empty && !f.fields.matches(obj)) return false;
  return true;
}

/** What one watcher sees of a change, or nothing. */
function viewOf(change: Change, f: WatchFilter): WatchEvent | undefined {
  const now = change.type !== 'DELETED' && matchesFilter(change.object, f);
  const before = change.previous !== undefined && matchesFilter(change.previous, f);
  if (change.type === 'DELETED') return before ? { type: 'DELETED', object: change.object } : undefined;
  if (now && before) return { type: 'MODIFIED', object: change.object };
  if (now) return { type: 'ADDED', object: change.object };
  if (before) {
    // It left this watcher's view: upstream sends the last state it matched, at the new revision.
    const last = cloneJson(change.previous!);
    last.metadata.resourceVersion = String(change.resourceVersion);
    return { type: 'DELETED', object: last };
  }
  return undefined;
}

export class WatchHub {
  #store: ObjectStore;
  #watchers = new Map<string, Set<Watcher>>();
  #queue: Array<() => void> = [];
  #delivering = false;

  constructor(store: ObjectStore) {
    this.#store = store;
    store.onChange((change) => this.#publish(change));
  }

  /** Starts a watch. resourceVersion: undefined/'' /'0' = from now with ADDED for existing objects. */
  watch(rt: ResourceType, filter: WatchFilter, resourceVersion: number | undefined, onEvent: (e: WatchEvent) => void): () => void {
    const watcher: Watcher = { filter, onEvent, active: true };
    const stop = () => {
      watcher.active = false;
      this.#watchers.get(resourceKey(rt))?.delete(watcher);
    };
    const initial: WatchEvent[] = [];
    if (resourceVersion === undefined || resourceVersion === 0) {
      for (const obj of this.#store.list(rt, filter.namespace)) if (matchesFilter(obj, filter)) initial.push({ type: 'ADDED', object: obj });
    } else if (resourceVersion > this.#store.revision) {
      this.#enqueue(watcher, { type: 'ERROR', object: timeout(`Too large resource version: ${resourceVersion}, current: ${this.#store.revision}`).status as never });
      watcher.active = false;
      this.#drain();
      return stop;
    } else {
      const changes = this.#store.changesSince(resourceVersion);
      if (!changes) {
        this.#enqueue(watcher, { type: 'ERROR', object: resourceExpired(resourceVersion, this.#store.oldestResumable + 1).status as never });
        watcher.active = false;
        this.#drain();
        return stop;
      }
      const key = resourceKey(rt);
      for (const c of changes) {
        if (resourceKey(c.resource) !== key) continue;
        const e = viewOf(c, filter);
        if (e) initial.push(e);
      }
    }
    let set = this.#watchers.get(resourceKey(rt));
    if (!set) {
      set = new Set();
      this.#watchers.set(resourceKey(rt), set);
    }
    set.add(watcher);
    for (const e of initial) this.#enqueue(watcher, e);
    this.#drain();
    return stop;
  }

  /** Ends every watch with an ERROR 410 (after a restore: clients must list again). */
  expireAll(): void {
    for (const set of this.#watchers.values()) {
      for (const w of set) {
        this.#enqueue(w, { type: 'ERROR', object: resourceExpired(0, this.#store.revision).status as never });
        w.active = false;
      }
      set.clear();
    }
    this.#drain();
  }

  watcherCount(): number {
    let n = 0;
    for (const set of this.#watchers.values()) n += set.size;
    return n;
  }

  #publish(change: Change): void {
    const set = this.#watchers.get(resourceKey(change.resource));
    if (!set || set.size === 0) return;
    for (const w of set) {
      const e = viewOf(change, w.filter);
      if (e) this.#enqueue(w, e);
    }
    this.#drain();
  }

  #enqueue(w: Watcher, e: WatchEvent): void {
    this.#queue.push(() => {
      // ERROR events are delivered even though the watcher is already closed.
      if (w.active || e.type === 'ERROR') w.onEvent(e);
    });
  }

  #drain(): void {
    if (this.#delivering) return;
    this.#delivering = true;
    try {
      // Index-based so deliveries queued by callbacks run after the ones already waiting.
      for (let i = 0; i < this.#queue.length; i++) {
        try {
          this.#queue[i]!();
        } catch {
          // A failing watcher must not stop the others; the runtime and servers catch their own errors.
        }
      }
    } finally {
      this.#queue = [];
      this.#delivering = false;
    }
  }
}
