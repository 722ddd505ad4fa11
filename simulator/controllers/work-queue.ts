// client-go's work queue, for one thread: a FIFO of keys where a key waiting already is not added
// twice (ten pod events for one ReplicaSet cause one reconcile), plus per-key failure counts for
// exponential backoff (5 ms doubling up to 1000 s, as client-go's default rate limiter).

export class WorkQueue {
  #order: string[] = [];
  #head = 0;
  #waiting = new Set<string>();
  #failures = new Map<string, number>();

  add(key: string): void {
    if (this.#waiting.has(key)) return;
    this.#waiting.add(key);
    this.#order.push(key);
  }

  /** The next key, or undefined when empty. The key may be added again while it is processed. */
  next(): string | undefined {
    if (this.#head >= this.#order.length) return undefined;
    const key = this.#order[this.#head++]!;
    this.#waiting.delete(key);
    if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
    return key;
  }

  get length(): number {
    return this.#order.length - this.#head;
  }

  has(key: string): boolean {
    return this.#waiting.has(key);
  }

  /** Counts a failure and says how long to wait before trying this key again. */
  backoffFor(key: string): number {
    const n = this.#failures.get(key) ?? 0;
    this.#failures.set(key, n + 1);
    return Math.min(5 * 2 ** n, 1_000_000);
  }

  /** A success: the next failure starts the backoff afresh. */
  forget(key: string): void {
    this.#failures.delete(key);
  }

  failures(key: string): number {
    return this.#failures.get(key) ?? 0;
  }
}
