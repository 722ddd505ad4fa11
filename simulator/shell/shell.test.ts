import { describe, expect, it } from 'vitest';
import type { Command } from './command.ts';
import { untilAborted } from './scheduler.ts';
import { settle } from './manual-scheduler.ts';
import { setupShell } from './test-kit.ts';

/** A stand-in for `kubectl apply -f -`: reports what arrived on stdin. */
const fakeApply: Command = {
  name: 'fakectl',
  group: 'kubernetes',
  async run(ctx) {
    if (ctx.args.join(' ') !== 'apply -f -') {
      ctx.stderr.write('fakectl: expected apply -f -\n');
      return 1;
    }
    const text = await ctx.stdin.text();
    ctx.stdout.write(`received ${text.split('\n').filter(Boolean).length} lines: ${JSON.stringify(text)}\n`);
    return 0;
  },
};

/** A stand-in for `kubectl get pods -w`: one line per virtual second until stopped. */
const fakeWatch: Command = {
  name: 'podwatch',
  async run(ctx) {
    for (let i = 1; !ctx.signal.aborted; i++) {
      ctx.stdout.write(`pod-${i} ${i % 2 ? 'Running' : 'Pending'}\n`);
      await ctx.scheduler.sleep(1000, ctx.signal);
    }
    return 0;
  },
};

describe('running commands', () => {
  it('prints bash\'s message and 127 for an unknown command', async () => {
    const { run } = setupShell();
    expect(await run('frobnicate --now')).toEqual({ out: '', err: 'bash: frobnicate: command not found\n', status: 127 });
  });

  it('explains commands the terminal does not have, instead of faking them', async () => {
    const { run } = setupShell();
    const docker = await run('docker ps');
    expect(docker.status).toBe(127);
    expect(docker.err).toBe('docker: not available in the in-browser terminal — run it on your own machine (see "Use your own cluster")\n');
    expect((await run('vim deploy.yaml')).err).toContain('edit files with the editor panel instead');
  });

  it('lets a registered command replace an unavailable one', async () => {
    const helm: Command = { name: 'helm', run: (ctx) => (ctx.stdout.write('helm here\n'), 0) };
    const { run } = setupShell({ commands: [helm] });
    expect((await run('helm')).out).toBe('helm here\n');
  });

  it('tracks $? and follows && and ||', async () => {
    const { run } = setupShell();
    expect((await run('false; echo $?')).out).toBe('1\n');
    expect((await run('true && echo yes || echo no')).out).toBe('yes\n');
    expect((await run('false && echo yes || echo no')).out).toBe('no\n');
    expect((await run('nope 2>/dev/null; echo $?')).out).toBe('127\n');
    expect((await run('! false && echo negated')).out).toBe('negated\n');
  });

  it('reports a syntax error with status 2', async () => {
    const { run } = setupShell();
    expect(await run('ls | | wc')).toEqual({ out: '', err: "bash: syntax error near unexpected token `|'\n", status: 2 });
  });
});

describe('variables and expansion', () => {
  it('expands variables, splitting unquoted ones but not quoted ones', async () => {
    const { run } = setupShell();
    await run('X="a   b"');
    expect((await run('printf "[%s]" $X')).out).toBe('[a][b]');
    expect((await run('printf "[%s]" "$X"')).out).toBe('[a   b]');
    expect((await run('printf "[%s]" $UNSET')).out).toBe('[]');
    expect((await run('echo ${UNSET:-fallback} ${#X}')).out).toBe('fallback 5\n');
  });

  it('export makes a variable visible to commands; a plain assignment does not', async () => {
    const { run } = setupShell();
    await run('NS=shop');
    expect((await run('env')).out).not.toContain('NS=shop');
    await run('export NS');
    expect((await run('env')).out).toContain('NS=shop\n');
    expect((await run('export 1x=2')).err).toBe("bash: export: `1x=2': not a valid identifier\n");
  });

  it('gives prefix assignments to that command only', async () => {
    const { run } = setupShell();
    expect((await run('GREETING=hi env')).out).toContain('GREETING=hi');
    expect((await run('echo "[$GREETING]"')).out).toBe('[]\n');
  });

  it('expands ~ to the home folder', async () => {
    const { run } = setupShell();
    expect((await run('echo ~ ~/app "~"')).out).toBe('/home/learner /home/learner/app ~\n');
  });

  it('runs command substitutions', async () => {
    const { run } = setupShell({ files: { 'name.txt': 'web-1\n' } });
    expect((await run('echo pod/$(cat name.txt) "$(echo a; echo b)"')).out).toBe('pod/web-1 a\nb\n');
  });

  it('globs workspace files, leaving unmatched patterns as typed', async () => {
    const { run } = setupShell({ files: { 'b.yaml': '', 'a.yaml': '', 'notes.txt': '', 'app/c.yaml': '', '.hidden.yaml': '' } });
    expect((await run('echo *.yaml')).out).toBe('a.yaml b.yaml\n');
    expect((await run('echo */*.yaml')).out).toBe('app/c.yaml\n');
    expect((await run('echo ?.yaml "*.yaml" *.json')).out).toBe('a.yaml b.yaml *.yaml *.json\n');
  });

  it('reports a bad substitution', async () => {
    const { run } = setupShell();
    expect(await run('echo ${a b}')).toEqual({ out: '', err: 'bash: ${a b}: bad substitution\n', status: 1 });
  });
});

describe('cd and pwd', () => {
  it('moves inside the workspace and back', async () => {
    const { run, fs, shell } = setupShell();
    fs.mkdir('/home/learner/app/base', { recursive: true });
    expect((await run('cd app/base && pwd')).out).toBe('/home/learner/app/base\n');
    expect(shell.promptDirectory()).toBe('~/app/base');
    expect((await run('cd .. && pwd')).out).toBe('/home/learner/app\n');
    expect((await run('cd - && pwd')).out).toBe('/home/learner/app/base\n/home/learner/app/base\n');
    expect((await run('cd && pwd')).out).toBe('/home/learner\n');
    expect(shell.promptDirectory()).toBe('~');
  });

  it('complains as bash does', async () => {
    const { run } = setupShell({ files: { 'file.txt': '' } });
    expect((await run('cd nowhere')).err).toBe('bash: cd: nowhere: No such file or directory\n');
    expect((await run('cd file.txt')).err).toBe('bash: cd: file.txt: Not a directory\n');
    expect((await run('cd a b')).err).toBe('bash: cd: too many arguments\n');
  });
});

describe('pipelines', () => {
  it('counts matching lines: cat f | grep x | wc -l', async () => {
    const { run } = setupShell({ files: { 'pods.txt': 'web-1 Running\nweb-2 Pending\ndb-0 Running\n' } });
    expect(await run('cat pods.txt | grep Running | wc -l')).toEqual({ out: '2\n', err: '', status: 0 });
  });

  it('returns the status of the last command', async () => {
    const { run } = setupShell();
    expect((await run('false | true')).status).toBe(0);
    expect((await run('true | false')).status).toBe(1);
  });

  it('streams: grep sees lines while the writer is still running, and head stops it', async () => {
    const { run, scheduler } = setupShell({ commands: [fakeWatch] });
    const running = run('podwatch | grep Running | head -n 2');
    await scheduler.advance(10_000);
    expect(await running).toEqual({ out: 'pod-1 Running\npod-3 Running\n', err: '', status: 0 });
  });

  it('sends stderr into the pipe with 2>&1 and |&', async () => {
    const { run } = setupShell();
    expect((await run('cat missing 2>&1 | wc -l')).out).toBe('1\n');
    expect((await run('cat missing |& grep -c No')).out).toBe('1\n');
    expect((await run('cat missing 2>/dev/null | wc -l')).out).toBe('0\n');
  });
});

describe('redirection into the workspace', () => {
  it('writes, appends and reads files', async () => {
    const { run, fs } = setupShell();
    await run('echo one > notes.txt');
    await run('echo two >> notes.txt');
    expect(fs.readFile('/home/learner/notes.txt')).toBe('one\ntwo\n');
    expect((await run('wc -l < notes.txt')).out).toBe('2\n');
    await run('> empty.txt');
    expect(fs.readFile('/home/learner/empty.txt')).toBe('');
  });

  it('splits stdout and stderr into separate files', async () => {
    const { run, fs } = setupShell({ files: { 'a.txt': 'A\n' } });
    const result = await run('cat a.txt nope > out.txt 2> err.txt');
    expect(result).toEqual({ out: '', err: '', status: 1 });
    expect(fs.readFile('/home/learner/out.txt')).toBe('A\n');
    expect(fs.readFile('/home/learner/err.txt')).toBe('cat: nope: No such file or directory\n');
  });

  it('sends both to one file with &> and > f 2>&1', async () => {
    const { run, fs } = setupShell({ files: { 'a.txt': 'A\n' } });
    await run('cat a.txt nope &> all.txt');
    expect(fs.readFile('/home/learner/all.txt')).toBe('A\ncat: nope: No such file or directory\n');
    await run('cat nope a.txt > both.txt 2>&1');
    expect(fs.readFile('/home/learner/both.txt')).toBe('cat: nope: No such file or directory\nA\n');
  });

  it('fails like bash when the target cannot be opened', async () => {
    const { run, fs } = setupShell();
    fs.mkdir('/home/learner/dir');
    expect(await run('echo x > no/such/file')).toEqual({ out: '', err: 'bash: no/such/file: No such file or directory\n', status: 1 });
    expect((await run('echo x > dir')).err).toBe('bash: dir: Is a directory\n');
    expect((await run('cat < missing')).err).toBe('bash: missing: No such file or directory\n');
    expect((await run('X="a b"; echo hi > $X')).err).toBe('bash: $X: ambiguous redirect\n');
  });

  it('supports here-strings', async () => {
    const { run } = setupShell();
    expect((await run('tr a-z A-Z <<< "hello $USER"')).out).toBe('HELLO LEARNER\n');
  });
});

describe('here-documents', () => {
  it('cat <<EOF | cmd -f - delivers the heredoc text on stdin', async () => {
    const { run } = setupShell({ commands: [fakeApply] });
    const result = await run('cat <<EOF | fakectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: $USER\nEOF');
    expect(result).toEqual({ out: 'received 4 lines: "apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: learner\\n"\n', err: '', status: 0 });
  });

  it("keeps $ literal with <<'EOF'", async () => {
    const { run } = setupShell();
    expect((await run("cat <<'EOF'\nname: $USER\nEOF")).out).toBe('name: $USER\n');
  });

  it('writes a heredoc into a file', async () => {
    const { run, fs } = setupShell();
    await run('cat > pod.yaml <<EOF\nkind: Pod\nEOF');
    expect(fs.readFile('/home/learner/pod.yaml')).toBe('kind: Pod\n');
  });
});

describe('Ctrl-C', () => {
  it('aborts a streaming pipeline with status 130 and stops its output', async () => {
    const { shell, scheduler } = setupShell({ commands: [fakeWatch] });
    const controller = new AbortController();
    const chunks: string[] = [];
    const out = { write: (t: string) => chunks.push(t), isTerminal: true, columns: 80, closed: false };
    const running = shell.run('podwatch | grep pod', { stdout: out, stderr: out, signal: controller.signal });
    await scheduler.advance(2500);
    controller.abort();
    expect(await running).toBe(130);
    expect(chunks.join('')).toBe('pod-1 Running\npod-2 Pending\npod-3 Running\n');
    expect(shell.lastStatus).toBe(130);
    await scheduler.advance(5000);
    expect(chunks).toHaveLength(3);
  });

  it('does not run the rest of the line after an interrupt', async () => {
    const { shell, scheduler } = setupShell();
    const controller = new AbortController();
    const out = { write: () => {}, isTerminal: true, columns: 80, closed: false };
    const lines: string[] = [];
    const running = shell.run('sleep 10; echo after', { stdout: { ...out, write: (t) => lines.push(t) }, stderr: out, signal: controller.signal });
    await scheduler.advance(1000);
    controller.abort();
    expect(await running).toBe(130);
    expect(lines).toEqual([]);
  });

  it('stops a command that ignores the signal from being heard', async () => {
    const stubborn: Command = {
      name: 'stubborn',
      async run(ctx) {
        await untilAborted(ctx.signal);
        await settle();
        ctx.stdout.write('too late\n');
        return 0;
      },
    };
    const { shell } = setupShell({ commands: [stubborn] });
    const controller = new AbortController();
    const lines: string[] = [];
    const out = { write: (t: string) => lines.push(t), isTerminal: true, columns: 80, closed: false };
    const running = shell.run('stubborn', { stdout: out, stderr: out, signal: controller.signal });
    await settle();
    controller.abort();
    expect(await running).toBe(130);
    await settle();
    expect(lines).toEqual([]);
  });
});

describe('sleep, date and watch on the virtual clock', () => {
  it('sleep waits virtual time', async () => {
    const { run, scheduler } = setupShell();
    let done = false;
    const running = run('sleep 1.5').then((r) => ((done = true), r));
    await scheduler.advance(1000);
    expect(done).toBe(false);
    await scheduler.advance(600);
    expect(done).toBe(true);
    expect((await running).status).toBe(0);
    expect((await run('sleep')).err).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect((await run('sleep soon')).err).toBe("sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n");
  });

  it('date reads the host clock', async () => {
    const { run } = setupShell();
    expect((await run('date')).out).toBe('Wed Jan 15 09:30:00 UTC 2025\n');
    expect((await run('date +%Y-%m-%dT%H:%M:%S')).out).toBe('2025-01-15T09:30:00\n');
    expect((await run('date -u +%s')).out).toBe(`${Date.UTC(2025, 0, 15, 9, 30) / 1000}\n`);
    expect((await run('date -I')).out).toBe('2025-01-15\n');
  });

  it('watch reruns the command every -n seconds with the procps header until Ctrl-C', async () => {
    let runs = 0;
    const counter: Command = { name: 'counter', run: (ctx) => (ctx.stdout.write(`run ${++runs}\n`), 0) };
    const { shell, scheduler } = setupShell({ commands: [counter] });
    const controller = new AbortController();
    const chunks: string[] = [];
    const out = { write: (t: string) => chunks.push(t), isTerminal: true, columns: 80, closed: false };
    const running = shell.run('watch -n 1 counter', { stdout: out, stderr: out, signal: controller.signal });
    await scheduler.advance(2500);
    expect(runs).toBe(3);
    const screens = chunks.join('').split('\x1b[H\x1b[2J');
    expect(screens[0]).toBe('\x1b[?1049h');
    const header = 'Every 1.0s: counter';
    const right = 'wheelhouse: Wed Jan 15 09:30:02 2025';
    expect(screens[3]).toBe(header + ' '.repeat(80 - header.length - right.length) + right + '\n\nrun 3');
    controller.abort();
    expect(await running).toBe(130);
    expect(chunks.at(-1)).toBe('\x1b[?1049l');
  });
});
