// The controller manager: for every controller, watch what it watches, turn each change into keys
// (keysFor), queue them without duplicates, and call reconcile(key) until the queues are empty.
// Time moves only when the caller says so: advance(ms) walks the virtual clock from timer to timer
// (requeueAfter, backoffs), draining the queues at each step; tick(nowMs) does the same from a
// real-time driver the page or the HTTP server runs with its own setInterval.
// A reconcile that throws is retried with backoff; it never stops the others.
import { ApiError } from '../machinery/errors.ts';
import type { VirtualClock } from '../machinery/clock.ts';
import type { ApiClient, Random, WatchEvent } from '../machinery/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { ClientEventRecorder, type RecorderState } from './event-recorder.ts';
import { WorkQueue } from './work-queue.ts';

export interface RuntimeOptions {
  client: ApiClient;
  clock: VirtualClock;
  random: Random;
  /** Most reconciles one runUntilIdle may run before it gives up on a hot loop. */
  maxReconcilesPerRun?: number;
  /** Extra fields every ControllerContext carries (the cluster adds its fault switches). */
  contextExtras?: object;
}

export interface RunReport {
  reconciles: number;
  /** False when the budget ran out with work still queued: some controller is probably looping. */
  idle: boolean;
  /** When not idle: the controllers that still had work, with their queue lengths. */
  busy?: Array<{ controller: string; queued: number }>;
}

export interface RuntimeState {
  controllers: Record<string, unknown>;
  events?: RecorderState;
}

export interface ReconcileFailure {
  controller: string;
  key: string;
  error: unknown;
  at: number;
}

interface Running {
  controller: Controller;
  queue: WorkQueue;
  context: ControllerContext;
  /** Keys waiting on the clock, with when they are due (earliest wins, like client-go's AddAfter). */
  delayed: Map<string, { at: number; timer: number }>;
  stops: Array<() => void>;
}

export class ControllerRuntime {
  readonly #client: ApiClient;
  readonly #clock: VirtualClock;
  readonly #random: Random;
  readonly #recorder: ClientEventRecorder;
  readonly #running: Running[] = [];
  readonly #maxReconciles: number;
  readonly #extras: object;
  #started = false;
  #cursor = 0;
  /** The last failures (bounded), for tests and the page's diagnostics. */
  readonly failures: ReconcileFailure[] = [];
  reconcileCount = 0;

  constructor(options: RuntimeOptions) {
    this.#client = options.client;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#maxReconciles = options.maxReconcilesPerRun ?? 50_000;
    this.#extras = options.contextExtras ?? {};
    this.#recorder = new ClientEventRecorder(options.client, options.clock, 'wheelhouse');
  }

  get controllers(): readonly Controller[] {
    return this.#running.map((r) => r.controller);
  }

  add(controller: Controller): void {
    const running: Running = {
      controller,
      queue: new WorkQueue(),
      delayed: new Map(),
      stops: [],
      context: undefined as unknown as ControllerContext,
    };
    running.context = {
      ...this.#extras,
      client: this.#client,
      clock: this.#clock,
      random: this.#random,
      recorder: this.#recorder.forComponent(controller.name),
      requeueAfter: (key, delayMs) => this.#requeueAfter(running, key, delayMs),
    };
    this.#running.push(running);
    if (this.#started) this.#subscribe(running);
  }

  /** The memory controllers cannot rebuild from the API (see Controller.saveState), as JSON. */
  saveState(): RuntimeState {
    const controllers: Record<string, unknown> = {};
    for (const { controller } of this.#running) if (controller.saveState) controllers[controller.name] = controller.saveState();
    return { controllers, events: this.#recorder.saveState() };
  }

  /** Gives controllers back their memory; call before start(). */
  restoreState(state: RuntimeState): void {
    for (const { controller } of this.#running) controller.restoreState?.(state.controllers[controller.name]);
    this.#recorder.restoreState(state.events);
  }

  /** Subscribes every controller's watches: each gets ADDED for what exists, like an informer's list. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const r of this.#running) this.#subscribe(r);
  }

  /** Unsubscribes and forgets queued work and timers (before a restore, or when a cluster is thrown away). */
  stop(): void {
    this.#started = false;
    for (const r of this.#running) {
      for (const stop of r.stops) stop();
      r.stops = [];
      for (const { timer } of r.delayed.values()) this.#clock.cancel(timer);
      r.delayed.clear();
      r.queue = new WorkQueue();
    }
  }

  /** Keys queued across all controllers. */
  pending(): number {
    return this.#running.reduce((n, r) => n + r.queue.length, 0);
  }

  /** Reconciles until every queue is empty (or the budget runs out: see RunReport.idle). */
  runUntilIdle(): RunReport {
    let reconciles = 0;
    while (reconciles < this.#maxReconciles) {
      const r = this.#nextWithWork();
      if (!r) return { reconciles, idle: true };
      const key = r.queue.next()!;
      this.#reconcile(r, key);
      reconciles++;
    }
    const busy = this.#running.filter((r) => r.queue.length > 0).map((r) => ({ controller: r.controller.name, queued: r.queue.length }));
    return busy.length ? { reconciles, idle: false, busy } : { reconciles, idle: true };
  }

  /** Moves virtual time forward by ms, firing timers in order and draining the queues at each. */
  advance(ms: number): RunReport {
    const target = this.#clock.now() + Math.max(0, ms);
    let total = this.runUntilIdle();
    for (;;) {
      if (!total.idle) break;
      const next = this.#clock.nextTimerAt();
      if (next === undefined || next > target) break;
      this.#clock.setTime(next);
      this.#clock.fireDue();
      const step = this.runUntilIdle();
      total = { ...step, reconciles: total.reconciles + step.reconciles };
    }
    this.#clock.setTime(target);
    return total;
  }

  /** Real-time driving: catch the virtual clock up with the caller's clock. */
  tick(nowMs: number): RunReport {
    return this.advance(Math.max(0, nowMs - this.#clock.now()));
  }

  #nextWithWork(): Running | undefined {
    // Round-robin, so one busy controller cannot starve the others; controllers that coalesce
    // bursts wait until the rest are idle (time does not move in between, so nothing is late).
    for (const late of [false, true]) {
      for (let i = 0; i < this.#running.length; i++) {
        const r = this.#running[(this.#cursor + i) % this.#running.length]!;
        if (r.queue.length > 0 && (r.controller.coalesceBursts === true) === late) {
          this.#cursor = (this.#cursor + i + 1) % this.#running.length;
          return r;
        }
      }
    }
    return undefined;
  }

  #reconcile(r: Running, key: string): void {
    this.reconcileCount++;
    try {
      r.controller.reconcile(key, r.context);
      r.queue.forget(key);
    } catch (error) {
      this.failures.push({ controller: r.controller.name, key, error, at: this.#clock.now() });
      if (this.failures.length > 200) this.failures.shift();
      // Conflicts and the like are normal: try again after a backoff. So are bugs, but they are kept in failures.
      this.#requeueAfter(r, key, r.queue.backoffFor(key));
      if (!(error instanceof ApiError)) this.#bug(r.controller.name, key, error);
    }
  }

  /** Called when a reconcile throws something that is not an API error (a bug in a controller). */
  onBug?: (controller: string, key: string, error: unknown) => void;

  /** Where bugs go from a runtime without its own onBug. The test setup sets it, so that a bug
   * anywhere in a simulated cluster fails the test even when the test only looks at the result. */
  static reportBug?: (controller: string, key: string, error: unknown) => void;

  #bug(controller: string, key: string, error: unknown): void {
    (this.onBug ?? ControllerRuntime.reportBug)?.(controller, key, error);
  }

  #requeueAfter(r: Running, key: string, delayMs: number): void {
    if (!(delayMs > 0)) {
      r.queue.add(key);
      return;
    }
    const at = this.#clock.now() + delayMs;
    const existing = r.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) this.#clock.cancel(existing.timer);
    const timer = this.#clock.schedule(at, () => {
      r.delayed.delete(key);
      r.queue.add(key);
    });
    r.delayed.set(key, { at, timer });
  }

  #subscribe(r: Running): void {
    for (const w of r.controller.watches) {
      const onEvent = (event: WatchEvent) => {
        if (event.type === 'ERROR') {
          // The watch expired (e.g. after a restore): list again from scratch, as an informer does.
          r.stops.push(this.#client.watch(w.resource, {}, onEvent));
          return;
        }
        let keys: string[] = [];
        try {
          keys = w.keysFor(event);
        } catch (error) {
          this.failures.push({ controller: r.controller.name, key: `keysFor(${event.type})`, error, at: this.#clock.now() });
          if (this.failures.length > 200) this.failures.shift();
          this.#bug(r.controller.name, `keysFor(${event.type})`, error);
          return;
        }
        for (const k of keys) r.queue.add(k);
      };
      r.stops.push(this.#client.watch(w.resource, {}, onEvent));
    }
  }
}
