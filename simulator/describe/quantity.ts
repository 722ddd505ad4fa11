// Resource quantities ("250m", "64Mi", "1") as describe needs them: parsed exactly, added up, and
// printed back in upstream's canonical form (resource.Quantity.String()), so that two requests of
// 250m print as 500m and 64Mi + 64Mi as 128Mi.

/** A quantity as an exact number of nano-units plus the notation it was written in. */
export interface Quantity {
  nanos: bigint;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const NANO = 1_000_000_000n;

const BINARY: Record<string, bigint> = {
  Ki: 1024n,
  Mi: 1024n ** 2n,
  Gi: 1024n ** 3n,
  Ti: 1024n ** 4n,
  Pi: 1024n ** 5n,
  Ei: 1024n ** 6n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

function pow10(exp: number): bigint {
  return 10n ** BigInt(exp);
}

/** Scale a decimal string (e.g. "1.5") by 10^exp into nanos, rounding any finer digits up as upstream does. */
function decimalToNanos(digits: string, exp: number): bigint {
  const negative = digits.startsWith('-');
  const body = digits.replace(/^[+-]/, '');
  const [whole, frac = ''] = body.split('.');
  const mantissa = BigInt((whole || '0') + frac);
  const scale = exp + 9 - frac.length; // nanos = mantissa * 10^scale
  let nanos: bigint;
  if (scale >= 0) nanos = mantissa * pow10(scale);
  else {
    const div = pow10(-scale);
    nanos = mantissa / div + (mantissa % div === 0n ? 0n : 1n);
  }
  return negative ? -nanos : nanos;
}

export function parseQuantity(text: string | number | undefined | null): Quantity {
  if (text === undefined || text === null || text === '') return { nanos: 0n, format: 'DecimalSI' };
  const s = String(text).trim();
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E))?$/.exec(s);
  if (!m) return { nanos: 0n, format: 'DecimalSI' };
  const [, number, binary, exponent, decimal] = m;
  if (binary) {
    return { nanos: decimalToNanos(number, 0) * BINARY[binary], format: 'BinarySI' };
  }
  if (exponent) {
    return { nanos: decimalToNanos(number, Number(exponent.slice(1))), format: 'DecimalExponent' };
  }
  return { nanos: decimalToNanos(number, DECIMAL[decimal ?? '']), format: 'DecimalSI' };
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n && a.format === 'DecimalSI' ? b.format : a.format };
}

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** The smallest whole number of units not below the quantity (Quantity.Value()). */
export function quantityValue(q: Quantity): number {
  const whole = q.nanos / NANO;
  return Number(q.nanos > 0n && q.nanos % NANO !== 0n ? whole + 1n : whole);
}

/** Thousandths, rounded up (Quantity.MilliValue()). */
export function quantityMilliValue(q: Quantity): number {
  const div = 1_000_000n;
  const whole = q.nanos / div;
  return Number(q.nanos > 0n && q.nanos % div !== 0n ? whole + 1n : whole);
}

const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };

/** Canonical text: the largest suffix that keeps the number whole. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const negative = q.nanos < 0n;
  const abs = negative ? -q.nanos : q.nanos;
  const sign = negative ? '-' : '';
  const isWhole = abs % NANO === 0n;
  if (q.format === 'BinarySI' && isWhole && abs / NANO >= 1024n) {
    const units = abs / NANO;
    const suffixes = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];
    for (const suffix of suffixes) {
      const size = BINARY[suffix];
      if (units % size === 0n) return `${sign}${units / size}${suffix}`;
    }
    return `${sign}${units}`;
  }
  // Decimal: pick the largest exponent (a multiple of 3, from n up) whose mantissa is whole.
  let exp = -9;
  let mantissa = abs;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') {
    return exp === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exp}`;
  }
  return `${sign}${mantissa}${DECIMAL_SUFFIX[exp]}`;
}

/** Parse and print back: "0.5" → "500m", "1000m" → "1". */
export function canonicalQuantity(text: string | number | undefined | null): string {
  return formatQuantity(parseQuantity(text));
}
