// The pod-template-hash a Deployment puts in its ReplicaSets' names, selectors and pod labels.
// Upstream hashes the template with FNV-32a (over Go's object dump, which we cannot reproduce),
// adds status.collisionCount, prints the number in decimal and maps each digit through the
// generateName alphabet — so hashes look the same as real ones: 59bbf76844.
import type { PodTemplate } from './workload-types.ts';

export const podTemplateHashLabel = 'pod-template-hash';

const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with sorted keys, dropping what Go's semantic equality treats as absent (nil/empty). */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v === undefined || v === null) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

function fnv32a(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Upstream's rand.SafeEncodeString: each character mapped into the no-vowels alphabet. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += alphabet[s.charCodeAt(i) % alphabet.length];
  return out;
}

export function computePodTemplateHash(template: PodTemplate, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJSON(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    // Upstream writes the count as 8 little-endian bytes (a uint32 in the low half).
    const c = collisionCount >>> 0;
    h = fnv32a([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0], h);
  }
  return safeEncode(String(h));
}

function withoutHash(template: PodTemplate): PodTemplate {
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels[podTemplateHashLabel];
  return { ...template, metadata: { ...(template.metadata ?? {}), labels } };
}

// Templates of cached (frozen) objects never change, so their canonical form is worked out once.
const canonicalTemplates = new WeakMap<object, string>();

function canonicalTemplate(template: PodTemplate): string {
  let text = canonicalTemplates.get(template);
  if (text === undefined) {
    text = canonicalJSON(withoutHash(template));
    if (Object.isFrozen(template)) canonicalTemplates.set(template, text);
  }
  return text;
}

/** Two templates are the same desired pod if they differ at most in the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplate, b: PodTemplate): boolean {
  return canonicalTemplate(a) === canonicalTemplate(b);
}
