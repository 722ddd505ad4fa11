// `-o json` as kubectl prints it: Go's encoding/json with a four-space indent. Objects read from
// the server are unstructured maps, so their keys come out sorted; objects kubectl builds itself
// (`create deployment --dry-run=client -o json`) keep their Go struct order (sortKeys false).
// Go escapes <, > and & (and U+2028/2029) in strings, which is why `\u003c` shows up.

export function toJson(value: unknown, opts: { sortKeys?: boolean; indent?: string } = {}): string {
  return write(value, '', opts.indent ?? '    ', opts.sortKeys ?? true) + '\n';
}

/** Compact JSON with Go's escaping and sorted keys, as json.Marshal of a map gives it. */
export function toCompactJson(value: unknown): string {
  return write(value, '', '', true);
}

export function goJsonString(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || c === '<' || c === '>' || c === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += c;
  }
  return out + '"';
}

/** Go's float formatting in JSON: plain digits unless tiny or huge, then 1e+21 style. */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const [mantissa, exp] = n.toExponential().split('e');
    const sign = exp!.startsWith('-') ? '-' : '+';
    const digits = exp!.replace(/^[+-]/, '');
    return `${mantissa}e${sign}${digits.padStart(2, '0')}`;
  }
  return String(n);
}

function write(value: unknown, indent: string, step: string, sortKeys: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = indent + step;
  const nl = step ? '\n' : '';
  const colon = step ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${nl}${value.map((v) => inner + write(v, inner, step, sortKeys)).join(`,${nl}`)}${nl}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${nl}${entries.map(([k, v]) => `${inner}${goJsonString(k)}${colon}${write(v, inner, step, sortKeys)}`).join(`,${nl}`)}${nl}${indent}}`;
}
