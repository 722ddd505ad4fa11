import { describe, expect, it } from 'vitest';
import { FlagError, firstPositional, parseDuration, parseFlags, type FlagSpec } from './flags.ts';

const specs: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: '' },
  { name: 'output', short: 'o', type: 'string', usage: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: '' },
  { name: 'watch', short: 'w', type: 'bool', usage: '' },
  { name: 'replicas', short: 'r', type: 'int', default: '1', usage: '' },
  { name: 'filename', short: 'f', type: 'stringSlice', usage: '' },
  { name: 'from-literal', type: 'stringArray', usage: '' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage: '' },
  { name: 'timeout', type: 'duration', usage: '' },
];

describe('parseFlags (pflag rules)', () => {
  it('reads long flags with = or a separate value, and short flags every way pflag allows', () => {
    for (const argv of [['-n', 'x'], ['-nx'], ['-n=x'], ['--namespace=x'], ['--namespace', 'x']]) {
      expect(parseFlags(argv, specs).string('namespace')).toBe('x');
    }
    expect(parseFlags(['-oyaml'], specs).string('output')).toBe('yaml');
    expect(parseFlags(['-o=json'], specs).string('output')).toBe('json');
  });

  it('bunches boolean shorthands and lets the last one take a value', () => {
    const f = parseFlags(['-Awnkube-system'], specs);
    expect([f.bool('all-namespaces'), f.bool('watch'), f.string('namespace')]).toEqual([true, true, 'kube-system']);
  });

  it('never lets a boolean swallow the next word', () => {
    const f = parseFlags(['-A', 'pods', '--watch', 'false'], specs);
    expect(f.args).toEqual(['pods', 'false']);
    expect(parseFlags(['--watch=false'], specs).bool('watch')).toBe(false);
  });

  it('keeps positional arguments around flags and after --', () => {
    const f = parseFlags(['job', 'j1', '--image', 'x', '--', 'echo', '-n', 'hi'], [...specs, { name: 'image', type: 'string', usage: '' }]);
    expect(f.args).toEqual(['job', 'j1', 'echo', '-n', 'hi']);
    expect(f.dashAt).toBe(2);
    expect(parseFlags(['-f', '-'], specs).list('filename')).toEqual(['-']);
  });

  it('repeats and splits list flags like StringSlice and StringArray', () => {
    expect(parseFlags(['-f', 'a.yaml,b.yaml', '-f', 'c.yaml'], specs).list('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(parseFlags(['--from-literal=a=b,c', '--from-literal', 'd=e'], specs).list('from-literal')).toEqual(['a=b,c', 'd=e']);
  });

  it('uses defaults, NoOptDefVal, and tracks what changed', () => {
    const f = parseFlags(['--dry-run'], specs);
    expect(f.string('dry-run')).toBe('unchanged');
    expect(f.int('replicas')).toBe(1);
    expect(f.changed('dry-run')).toBe(true);
    expect(f.changed('replicas')).toBe(false);
    expect(parseFlags(['--timeout=1m30s'], specs).duration('timeout')).toBe(90_000);
  });

  it('fails with pflag messages', () => {
    const message = (argv: string[]) => {
      try {
        parseFlags(argv, specs);
      } catch (e) {
        expect(e).toBeInstanceOf(FlagError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(message(['--foo'])).toBe('unknown flag: --foo');
    expect(message(['-z'])).toBe("unknown shorthand flag: 'z' in -z");
    expect(message(['-Az'])).toBe("unknown shorthand flag: 'z' in -Az");
    expect(message(['-n'])).toBe("flag needs an argument: 'n' in -n");
    expect(message(['--namespace'])).toBe('flag needs an argument: --namespace');
    expect(message(['--replicas=x'])).toBe('invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax');
    expect(message(['--watch=maybe'])).toBe('invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(message(['--timeout=soon'])).toBe('invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"');
  });

  it('finds the subcommand past global flags, as cobra does', () => {
    expect(firstPositional(['-n', 'kube-system', 'get', 'pods'], specs)).toBe(2);
    expect(firstPositional(['--namespace=x', 'get'], specs)).toBe(1);
    expect(firstPositional(['-A'], specs)).toBe(-1);
  });

  it('parses Go durations', () => {
    expect(parseDuration('300ms')).toBe(300);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('5')).toBeUndefined();
  });
});
