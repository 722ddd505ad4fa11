// IP address checks with upstream's wording (IsValidIP, ValidateNonSpecialIP).
import type { FieldError } from './strategy.ts';
import { invalid } from './field-errors.ts';

export function parseIPv4(ip: string): number[] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

function isIPv6(ip: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(ip) || !ip.includes(':')) return false;
  const double = ip.split('::').length - 1;
  if (double > 1) return false;
  const groups = ip.split(':').filter((g) => g !== '');
  return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g) || parseIPv4(g) !== undefined) && (double === 1 ? groups.length < 8 : groups.length === 8);
}

export function isValidIP(ip: string): boolean {
  return parseIPv4(ip) !== undefined || isIPv6(ip);
}

export function validateIP(ip: string, path: string): FieldError[] {
  return isValidIP(ip) ? [] : [invalid(path, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** Endpoints may not point at addresses that only make sense on the node itself. */
export function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const v4 = parseIPv4(ip);
  if (!v4) return [];
  const [a, b, c] = v4 as [number, number, number, number];
  if (v4.every((x) => x === 0)) return [invalid(path, ip, 'may not be unspecified (0.0.0.0)')];
  if (a === 127) return [invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  if (a === 169 && b === 254) return [invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  if (a === 224 && b === 0 && c === 0) return [invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')];
  return [];
}
