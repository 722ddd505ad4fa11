import { describe, expect, it } from 'vitest';
import type { ContainerInput } from './container-model.ts';
import { scriptProcess } from './script-process.ts';
import { busyboxDate, sleepMs } from './shell-script.ts';

const T0 = Date.UTC(2024, 10, 21, 21, 52, 0);
const busybox = { entrypoint: [], cmd: ['sh'] };

function input(over: Partial<ContainerInput>): ContainerInput {
  return { image: 'docker.io/library/busybox:latest', env: {}, ports: [], podName: 'box', namespace: 'default', hostname: 'box', podIP: '10.244.1.2', startedAt: T0, ...over };
}

const text = (p: ReturnType<typeof scriptProcess>, to: number) => p.logs(-1, to).map((l) => l.text);

describe('busybox scripts on virtual time', () => {
  it('sleep N runs N seconds then exits 0', () => {
    const p = scriptProcess(input({ command: ['sleep', '30'] }), busybox);
    expect(p.exit).toEqual({ afterMs: 30_000, exitCode: 0 });
    expect(p.onSigterm).toBe('ignore');
  });

  it('sleep infinity and tail -f never exit', () => {
    expect(scriptProcess(input({ command: ['sleep', 'infinity'] }), busybox).exit).toBeUndefined();
    expect(scriptProcess(input({ command: ['tail', '-f', '/dev/null'] }), busybox).exit).toBeUndefined();
  });

  it('the default sh exits at once with 0 (no terminal)', () => {
    expect(scriptProcess(input({}), busybox).exit).toEqual({ afterMs: 0, exitCode: 0 });
  });

  it('exit codes: exit 1, false, true, unknown command 127', () => {
    expect(scriptProcess(input({ command: ['sh', '-c', 'echo boom; exit 1'] }), busybox).exit?.exitCode).toBe(1);
    expect(scriptProcess(input({ command: ['false'] }), busybox).exit?.exitCode).toBe(1);
    expect(scriptProcess(input({ command: ['true'] }), busybox).exit?.exitCode).toBe(0);
    const p = scriptProcess(input({ command: ['sh', '-c', 'nosuch'] }), busybox);
    expect(p.exit?.exitCode).toBe(127);
    expect(text(p, 0)).toEqual(['sh: nosuch: not found']);
  });

  it('a missing binary is a StartError (exit 128) with the runc message', () => {
    const p = scriptProcess(input({ command: ['/app/server'] }), busybox);
    expect(p.exit?.reason).toBe('StartError');
    expect(p.exit?.exitCode).toBe(128);
    expect(p.exit?.message).toContain('exec: "/app/server": executable file not found in $PATH: unknown');
  });

  it('runs the docs counter loop lazily with arithmetic and $(date)', () => {
    const p = scriptProcess(input({ args: ['/bin/sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] }), busybox);
    expect(p.exit).toBeUndefined();
    expect(text(p, 2_000)).toEqual([`0: ${busyboxDate(T0)}`, `1: ${busyboxDate(T0 + 1000)}`, `2: ${busyboxDate(T0 + 2000)}`]);
    expect(p.logs(2_000, 3_500).map((l) => l.atMs)).toEqual([3_000]);
  });

  it('expands env vars and sh -c with args', () => {
    const p = scriptProcess(input({ command: ['sh', '-c'], args: ['echo "hello $NAME" && echo ${GREETING:-hi}'], env: { NAME: 'world' } }), busybox);
    expect(text(p, 0)).toEqual(['hello world', 'hi']);
  });

  it('tracks files over time for exec probes (the docs liveness example)', () => {
    const p = scriptProcess(input({ args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] }), busybox);
    expect(p.exec(['cat', '/tmp/healthy'], 5_000)).toEqual({ exitCode: 0, output: '' });
    expect(p.exec(['cat', '/tmp/healthy'], 31_000)).toEqual({ exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    expect(p.exit).toEqual({ afterMs: 630_000, exitCode: 0 });
  });

  it('for loops, if/else and test', () => {
    const p = scriptProcess(input({ command: ['sh', '-c', 'for i in 1 2 3; do if [ $i -eq 2 ]; then echo two; else echo $i; fi; done'] }), busybox);
    expect(text(p, 0)).toEqual(['1', 'two', '3']);
  });

  it('a trap on TERM makes SIGTERM end it', () => {
    const p = scriptProcess(input({ command: ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"] }), busybox);
    expect(p.onSigterm).toEqual({ afterMs: 0, exitCode: 0 });
  });

  it('parses busybox sleep durations', () => {
    expect(sleepMs('5')).toBe(5000);
    expect(sleepMs('0.5')).toBe(500);
    expect(sleepMs('2m')).toBe(120_000);
    expect(sleepMs('1h')).toBe(3_600_000);
    expect(sleepMs('infinity')).toBe(Infinity);
    expect(sleepMs('x')).toBeUndefined();
  });
});
