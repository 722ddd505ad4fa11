// Seeded randomness (mulberry32): the same seed gives the same uids, generated names and IPs, so a
// lab replays identically and snapshots can carry the generator's state.
import type { Random } from './types.ts';

/** The alphabet upstream's name generator draws from: no vowels (no accidental words), no 0/1/3. */
export const nameAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

export class SeededRandom implements Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * Math.max(0, Math.floor(maxExclusive)));
  }

  nameSuffix(length = 5): string {
    let s = '';
    for (let i = 0; i < length; i++) s += nameAlphabet[this.int(nameAlphabet.length)];
    return s;
  }

  get state(): number {
    return this.#state;
  }

  set state(value: number) {
    this.#state = value >>> 0;
  }
}
