// Stable stand-ins for content digests: the same image name always gets the same sha256-looking
// digest, so imageIDs in pod status are realistic and identical on every run.

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 64 hex characters derived from text (not a real SHA-256: a deterministic look-alike). */
export function fakeSha256(text: string): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += fnv1a(`${i}:${text}`, i * 0x9e3779b1).toString(16).padStart(8, '0');
  return out;
}
