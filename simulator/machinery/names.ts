// Generated identifiers: uids, generateName suffixes, hex tails. All drawn from the seeded Random.
import type { Random } from './types.ts';

const maxNameLength = 63;
const suffixLength = 5;

/** `generateName: web-` → `web-x7k2p`; the base is cut so the result fits in 63 characters. */
export function generateName(base: string, random: Random): string {
  const cut = base.length > maxNameLength - suffixLength ? base.slice(0, maxNameLength - suffixLength) : base;
  return cut + random.nameSuffix(suffixLength);
}

/** A version-4 UUID, as kube-apiserver gives every object. */
export function newUid(random: Random): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++) {
    let byte = random.int(256);
    if (i === 6) byte = (byte & 0x0f) | 0x40; // version 4
    if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
    hex.push(byte.toString(16).padStart(2, '0'));
  }
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Lowercase hex digits, e.g. the 16 after an Event's object name. */
export function randomHex(random: Random, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += random.int(16).toString(16);
  return s;
}
