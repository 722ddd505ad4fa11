// GNU-style option parsing for the coreutils-like commands: clustered short flags (-rf),
// values attached or separate (-n5, -n 5), long options (--lines=5), '--', and options after
// operands (GNU getopt permutes them, so `ls dir -l` works).
import type { Output } from '../streams.ts';

export interface OptionSpec {
  /** Short options without a value: 'lai1'. */
  flags?: string;
  /** Short options that take a value: 'nk'. */
  values?: string;
  /** Long names mapped to their short letter (or to themselves when there is none). */
  long?: Record<string, { key: string; value?: boolean }>;
  /** `head -5` means `head -n 5`: the option a bare -NUM stands for. */
  numberOption?: string;
  /** Options end at the first operand (watch, env): the rest belongs to the command they run. */
  stopAtOperand?: boolean;
}

export interface ParsedOptions {
  /** How often each flag was given (-vv counts twice). */
  flags: Map<string, number>;
  /** Every value of each valued option, in order. */
  values: Map<string, string[]>;
  operands: string[];
  has(flag: string): boolean;
  last(option: string): string | undefined;
}

/** A bad command line; `message` is what follows "cmd: ". */
export class UsageError extends Error {}

export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const flags = new Map<string, number>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const flagSet = spec.flags ?? '';
  const valueSet = spec.values ?? '';
  const addValue = (key: string, value: string) => values.set(key, [...(values.get(key) ?? []), value]);
  const addFlag = (key: string) => flags.set(key, (flags.get(key) ?? 0) + 1);

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(spec.long ?? {}).filter((long) => long.startsWith(name));
      const exact = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (!exact) {
        throw new UsageError(matches.length > 1 ? `option '${arg}' is ambiguous` : `unrecognized option '${arg}'`);
      }
      const option = spec.long![exact]!;
      if (option.value) {
        if (eq >= 0) addValue(option.key, arg.slice(eq + 1));
        else if (i + 1 < args.length) addValue(option.key, args[++i]!);
        else throw new UsageError(`option '--${exact}' requires an argument`);
      } else {
        if (eq >= 0) throw new UsageError(`option '--${exact}' doesn't allow an argument`);
        addFlag(option.key);
      }
      continue;
    }
    if (arg.length < 2 || !arg.startsWith('-')) {
      if (spec.stopAtOperand) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    if (spec.numberOption && /^-\d+$/.test(arg)) {
      addValue(spec.numberOption, arg.slice(1));
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (valueSet.includes(c)) {
        const attached = arg.slice(j + 1);
        if (attached !== '') addValue(c, attached);
        else if (i + 1 < args.length) addValue(c, args[++i]!);
        else throw new UsageError(`option requires an argument -- '${c}'`);
        break;
      }
      if (!flagSet.includes(c)) throw new UsageError(`invalid option -- '${c}'`);
      addFlag(c);
    }
  }
  return {
    flags,
    values,
    operands,
    has: (flag) => flags.has(flag),
    last: (option) => values.get(option)?.at(-1),
  };
}

/** Print a usage error as coreutils does and return its exit status. */
export function reportUsage(stderr: Output, command: string, error: UsageError, status = 1, usageLine?: string): number {
  stderr.write(`${command}: ${error.message}\n${usageLine ? usageLine + '\n' : ''}Try '${command} --help' for more information.\n`);
  return status;
}
