// Virtual time. Nothing in the simulator reads the wall clock: tests move time by hand, the page and
// the HTTP server move it from their own timers. Timers fire in time order; ties fire in the order
// they were scheduled, so two runs with the same inputs do the same thing.
import type { Clock } from './types.ts';

interface Timer {
  id: number;
  at: number;
  seq: number;
  fire: () => void;
}

export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  // A binary min-heap on (at, seq): thousands of pending probe and backoff timers stay cheap.
  #heap: Timer[] = [];
  #cancelled = new Set<number>();

  constructor(startMs: number) {
    this.#now = Math.floor(startMs);
  }

  now(): number {
    return this.#now;
  }

  /** Run fire() once the clock reaches atMs (at once on the next advance if atMs is already past). */
  schedule(atMs: number, fire: () => void): number {
    const timer = { id: ++this.#seq, at: Math.max(atMs, this.#now), seq: this.#seq, fire };
    this.#push(timer);
    return timer.id;
  }

  after(delayMs: number, fire: () => void): number {
    return this.schedule(this.#now + Math.max(0, delayMs), fire);
  }

  cancel(id: number): void {
    this.#cancelled.add(id);
  }

  /** When the earliest pending timer is due, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    this.#dropCancelledTop();
    return this.#heap[0]?.at;
  }

  pendingTimers(): number {
    return this.#heap.length - this.#cancelled.size;
  }

  /** Fire every timer due at the current time, including ones those timers schedule for now. */
  fireDue(): number {
    let fired = 0;
    for (;;) {
      this.#dropCancelledTop();
      const top = this.#heap[0];
      if (!top || top.at > this.#now) return fired;
      this.#pop();
      fired++;
      top.fire();
    }
  }

  /** Move time to atMs without firing anything; time never goes backwards. */
  setTime(atMs: number): void {
    if (atMs > this.#now) this.#now = Math.floor(atMs);
  }

  /** Move forward by ms, firing timers in order, each at its own time. */
  advance(ms: number): void {
    const target = this.#now + Math.max(0, ms);
    for (;;) {
      const next = this.nextTimerAt();
      if (next === undefined || next > target) break;
      this.setTime(next);
      this.fireDue();
    }
    this.setTime(target);
  }

  /** Forget all timers (restore from a snapshot: controllers re-derive their timers by reconciling). */
  clearTimers(): void {
    this.#heap = [];
    this.#cancelled.clear();
  }

  #dropCancelledTop(): void {
    while (this.#heap.length && this.#cancelled.has(this.#heap[0]!.id)) {
      this.#cancelled.delete(this.#heap[0]!.id);
      this.#pop();
    }
  }

  #less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  #push(t: Timer): void {
    const h = this.#heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  #pop(): Timer | undefined {
    const h = this.#heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.#less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.#less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** RFC 3339 with second precision and Z, as metadata timestamps are written. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Controllers stamp the same second thousands of times in a burst: format it once.
  if (second !== lastSecond) {
    lastSecond = second;
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastStamp;
}
let lastSecond = Number.NaN;
let lastStamp = '';

/** RFC 3339 with microseconds (MicroTime: managedFields time is seconds, eventTime/lease times micro). */
export function rfc3339Micro(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-01-01T00:00:00.123Z
  return `${iso.slice(0, 23)}000Z`;
}

/** Parses a start time given as epoch ms or an ISO string. */
export function toEpochMs(time: string | number): number {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${String(time)}`);
  return ms;
}
