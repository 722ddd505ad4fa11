// Command-line flags the way kubectl reads them (spf13/pflag under cobra): long flags with `=`
// or a separate value, short flags alone or bunched (`-Aw`, `-nkube-system`, `-oyaml`, `-n=x`),
// booleans that never swallow the next word, repeatable list flags, and `--` ending the flags.
// Flags may come after the positional arguments, as cobra allows. The errors are pflag's words.

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Default value as pflag shows it in help: 'none', '-1', 'false', '[]'. */
  default?: string;
  /** The value a flag given without `=value` takes (pflag's NoOptDefVal), e.g. --dry-run → unchanged. */
  noOptDefault?: string;
  usage: string;
  hidden?: boolean;
}

/** A bad command line; the message is pflag's, without "error: ". */
export class FlagError extends Error {}

export type FlagValue = string | boolean | number | string[];

export interface ParsedFlags {
  /** Positional arguments, in order, including those after `--`. */
  readonly args: string[];
  /** How many positional arguments came before `--` (cobra's ArgsLenAtDash), or -1 without `--`. */
  readonly dashAt: number;
  /** True when the flag was given on the command line (cobra's Flags().Changed). */
  changed(name: string): boolean;
  string(name: string): string;
  bool(name: string): boolean;
  int(name: string): number;
  list(name: string): string[];
  /** Milliseconds. */
  duration(name: string): number;
}

function defaultOf(spec: FlagSpec): FlagValue {
  switch (spec.type) {
    case 'bool':
      return spec.default === 'true';
    case 'int':
      return spec.default === undefined ? 0 : Number(spec.default);
    case 'duration':
      return spec.default === undefined ? 0 : parseDuration(spec.default) ?? 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    default:
      return spec.default ?? '';
  }
}

function displayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Go's time.ParseDuration for the units people type: 300ms, 5s, 2m30s, 1h. Returns milliseconds. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let sign = 1;
  let at = 0;
  if (text.startsWith('-') || text.startsWith('+')) {
    sign = text.startsWith('-') ? -1 : 1;
    at = 1;
  }
  if (at >= text.length) return undefined;
  let total = 0;
  re.lastIndex = at;
  while (re.lastIndex < text.length) {
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]!]!;
  }
  return sign * total;
}

function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** Go's encoding/csv for one line, as pflag reads string slices: `a,b`, `"a,b",c`. */
function splitCsv(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const spec of specs) {
    byName.set(spec.name, spec);
    if (spec.short) byShort.set(spec.short, spec);
  }
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const args: string[] = [];
  let dashAt = -1;

  const set = (spec: FlagSpec, raw: string) => {
    let value: FlagValue;
    switch (spec.type) {
      case 'bool': {
        const b = parseBool(raw);
        if (b === undefined) throw new FlagError(`invalid argument "${raw}" for "${displayName(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        value = b;
        break;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${displayName(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        value = Number(raw);
        break;
      }
      case 'duration': {
        const ms = parseDuration(raw);
        if (ms === undefined) throw new FlagError(`invalid argument "${raw}" for "${displayName(spec)}" flag: time: invalid duration "${raw}"`);
        value = ms;
        break;
      }
      case 'stringArray':
        value = [...(changed.has(spec.name) ? (values.get(spec.name) as string[]) : []), raw];
        break;
      case 'stringSlice':
        value = [...(changed.has(spec.name) ? (values.get(spec.name) as string[]) : []), ...splitCsv(raw)];
        break;
      default:
        value = raw;
    }
    values.set(spec.name, value);
    changed.add(spec.name);
  };
  const optionalValue = (spec: FlagSpec) => (spec.type === 'bool' ? 'true' : spec.noOptDefault);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      dashAt = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, arg.slice(eq + 1));
      else if (optionalValue(spec) !== undefined) set(spec, optionalValue(spec)!);
      else if (i + 1 < argv.length) set(spec, argv[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      let rest = arg.slice(1);
      while (rest.length > 0) {
        const c = rest[0]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
        if (rest.length > 2 && rest[1] === '=') {
          set(spec, rest.slice(2));
          rest = '';
        } else if (optionalValue(spec) !== undefined) {
          set(spec, optionalValue(spec)!);
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          set(spec, rest.slice(1));
          rest = '';
        } else if (i + 1 < argv.length) {
          set(spec, argv[++i]!);
          rest = '';
        } else {
          throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        }
      }
      continue;
    }
    args.push(arg);
  }

  const get = (name: string): FlagValue => {
    if (values.has(name)) return values.get(name)!;
    const spec = byName.get(name);
    if (!spec) throw new Error(`kubectl: flag --${name} is not defined for this command`);
    return defaultOf(spec);
  };
  return {
    args,
    dashAt,
    changed: (name) => changed.has(name),
    string: (name) => String(get(name)),
    bool: (name) => get(name) === true,
    int: (name) => get(name) as number,
    list: (name) => get(name) as string[],
    duration: (name) => get(name) as number,
  };
}

/** The first positional word, skipping flags (and the values of flags that take one): how cobra
 * finds the subcommand in `kubectl -n kube-system get pods`. Returns its index, or -1. */
export function firstPositional(argv: readonly string[], specs: readonly FlagSpec[]): number {
  const takesValue = (spec: FlagSpec | undefined) => spec !== undefined && spec.type !== 'bool' && spec.noOptDefault === undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return -1;
    if (arg.startsWith('--')) {
      if (!arg.includes('=') && takesValue(specs.find((s) => s.name === arg.slice(2)))) i++;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (arg.length === 2 && takesValue(specs.find((s) => s.short === arg[1]))) i++;
      continue;
    }
    return i;
  }
  return -1;
}
