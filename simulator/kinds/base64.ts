// Secret and ConfigMap binary data travel as base64 in JSON. Upstream decodes them with Go's
// encoding/base64 (StdEncoding: padded, newlines skipped), so a bad value fails with Go's message,
// `illegal base64 data at input byte N`, before any validation runs.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** The decoded bytes, or the index Go reports as corrupt. */
export function decodeBase64(src: string): { bytes: Uint8Array } | { corruptAt: number } {
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const buf: number[] = [];
    let j = 0;
    let done = false;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: Uint8Array.from(out) };
        // Input ended inside a quantum: StdEncoding requires padding.
        return { corruptAt: si - j };
      }
      const ch = src[si]!;
      si++;
      const v = DECODE.get(ch);
      if (v !== undefined) {
        buf.push(v);
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        j--;
        continue;
      }
      if (ch !== '=') return { corruptAt: si - 1 };
      // Padding: only after two or three symbols.
      if (j === 0 || j === 1) return { corruptAt: si - 1 };
      if (j === 2) {
        while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
        if (si === src.length) return { corruptAt: src.length };
        if (src[si] !== '=') return { corruptAt: si - 1 };
        si++;
      }
      while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
      if (si < src.length) return { corruptAt: si };
      done = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = buf;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    out.push(...bytes.slice(0, done ? j - 1 : 3));
    if (done) break;
  }
  return { bytes: Uint8Array.from(out) };
}

export function base64Error(src: string): string | undefined {
  const r = decodeBase64(src);
  return 'corruptAt' in r ? `illegal base64 data at input byte ${r.corruptAt}` : undefined;
}

export function base64DecodedLength(src: string): number {
  const r = decodeBase64(src);
  return 'bytes' in r ? r.bytes.length : 0;
}

/** base64 of a string's UTF-8 bytes (stringData becomes data). */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

export function decodeBase64Text(src: string): string | undefined {
  const r = decodeBase64(src);
  return 'bytes' in r ? new TextDecoder().decode(r.bytes) : undefined;
}
