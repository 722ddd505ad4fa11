// A stable content hash for OpenAPI documents, in pure TypeScript so the page can use it too.
// kubectl only needs the hash to change when a document changes (it keys its HTTP cache on the URL).

/** Two 32-bit FNV-1a passes with different offsets, as 16 upper-case hex digits. Not cryptographic. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return hex(a) + hex(b);
}
