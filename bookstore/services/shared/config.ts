// Reading settings from the environment: every service is configured the Kubernetes way, through
// env vars set by the Deployment, a ConfigMap or a Secret. A bad value fails loudly at start-up.

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function readString(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

export function readOptionalString(env: Env, name: string): string | undefined {
  return raw(env, name);
}

export function readNumber(env: Env, name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new ConfigError(`${name} must be a number, got "${value}"`);
  if (range.min !== undefined && parsed < range.min) throw new ConfigError(`${name} must be at least ${range.min}, got ${parsed}`);
  if (range.max !== undefined && parsed > range.max) throw new ConfigError(`${name} must be at most ${range.max}, got ${parsed}`);
  return parsed;
}

export function readInteger(env: Env, name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
  const parsed = readNumber(env, name, fallback, range);
  if (!Number.isInteger(parsed)) throw new ConfigError(`${name} must be a whole number, got ${parsed}`);
  return parsed;
}

const truthy = new Set(['true', '1', 'yes', 'on']);
const falsy = new Set(['false', '0', 'no', 'off']);

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (truthy.has(value)) return true;
  if (falsy.has(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

export function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new ConfigError(`${name} must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}
