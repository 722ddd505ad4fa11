// Kubernetes resource quantities ("100m", "128Mi", "1Gi", "0.5", "1e3"): parsing, comparing and the
// canonical form the API server prints back (`0.5` becomes `500m`, `1024Mi` becomes `1Gi`).

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in nano units (value × 10^9), rounded away from zero as upstream rounds to 1n. */
  nano: bigint;
  format: QuantityFormat;
}

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const NANO = 1_000_000_000n;

/** A cluster's manifests use a handful of distinct quantities ("100m", "128Mi") over and over:
 * each text is parsed once. Bounded, so odd inputs cannot grow it without end. */
const parsed = new Map<string, Readonly<Quantity> | string>();
const parsedLimit = 1024;

/** Parse a quantity from what arrived in JSON (a string or a bare number); an error message when it does not parse. */
export function parseQuantity(raw: unknown): Readonly<Quantity> | string {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined || text.length === 0) return QUANTITY_FORMAT_ERROR;
  let q = parsed.get(text);
  if (q === undefined) {
    if (parsed.size >= parsedLimit) parsed.clear();
    q = parseQuantityText(text);
    parsed.set(text, typeof q === 'string' ? q : Object.freeze(q));
  }
  return q;
}

function parseQuantityText(text: string): Quantity | string {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return QUANTITY_FORMAT_ERROR;
  const negative = m[1] === '-';
  const whole = m[2] || '0';
  const frac = m[3] ?? '';
  const suffix = m[4]!;
  if (!/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(suffix)) return QUANTITY_FORMAT_ERROR;

  let num = BigInt(whole + frac);
  let den = 10n ** BigInt(frac.length);
  let format: QuantityFormat;
  if (suffix in DECIMAL_SUFFIX) {
    format = 'DecimalSI';
    const e = DECIMAL_SUFFIX[suffix]!;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  } else if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    num *= 1024n ** BigInt(BINARY_SUFFIX[suffix]!);
  } else {
    const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
    if (!e) return QUANTITY_SUFFIX_ERROR;
    format = 'DecimalExponent';
    const exp = Number(e[1]);
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  const scaled = num * NANO;
  let nano = scaled / den;
  if (scaled % den !== 0n) nano += 1n; // round up to the next nano, as upstream does
  return { nano: negative ? -nano : nano, format };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

const DECIMAL_BY_EXPONENT: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** The canonical text upstream's Quantity.String() gives. */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0';
  const negative = q.nano < 0n;
  const abs = negative ? -q.nano : q.nano;
  const sign = negative ? '-' : '';
  let format = q.format;
  if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI';
  if (format === 'BinarySI') {
    let value = abs / NANO;
    let power = 0;
    while (value % 1024n === 0n && power < BINARY_BY_POWER.length - 1) {
      value /= 1024n;
      power++;
    }
    return `${sign}${value}${BINARY_BY_POWER[power]}`;
  }
  // Strip factors of ten, then step the exponent down to a multiple of three.
  let value = abs;
  let exponent = -9;
  while (value % 10n === 0n) {
    value /= 10n;
    exponent++;
  }
  const extra = ((exponent % 3) + 3) % 3;
  value *= 10n ** BigInt(extra);
  exponent -= extra;
  if (format === 'DecimalSI' && exponent in DECIMAL_BY_EXPONENT) return `${sign}${value}${DECIMAL_BY_EXPONENT[exponent]}`;
  return exponent === 0 ? `${sign}${value}` : `${sign}${value}e${exponent}`;
}

/** Canonical text of a raw quantity, or the raw text when it does not parse. */
export function canonicalQuantity(raw: unknown): string {
  const q = parseQuantity(raw);
  return typeof q === 'string' ? String(raw) : formatQuantity(q);
}

export function isIntegerQuantity(q: Quantity): boolean {
  return q.nano % NANO === 0n;
}
