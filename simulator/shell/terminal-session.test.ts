import { describe, expect, it } from 'vitest';
import type { Command } from './command.ts';
import { settle } from './manual-scheduler.ts';
import { bashPrompt } from './prompt.ts';
import { setupShell } from './test-kit.ts';
import { TerminalSession } from './terminal-session.ts';

function session(commands: Command[] = []) {
  const kit = setupShell({ commands });
  let screen = '';
  const term = new TerminalSession({
    shell: kit.shell,
    write: (text) => (screen += text),
    prompt: () => bashPrompt({ user: 'learner', host: 'wheelhouse', directory: kit.shell.promptDirectory(), namespace: 'default' }),
  });
  term.start();
  return { ...kit, term, screen: () => screen, reset: () => (screen = '') };
}

describe('terminal session', () => {
  it('shows the prompt with the namespace, runs a line, and shows the prompt again', async () => {
    const t = session();
    expect(t.screen()).toBe('learner@wheelhouse:~ (default)$ ');
    t.reset();
    await t.term.type('echo hello');
    expect(t.screen()).toBe('echo hello\r\nhello\r\nlearner@wheelhouse:~ (default)$ ');
  });

  it('asks for more with "> " until the command is complete, then runs it once', async () => {
    const t = session();
    t.term.input('cat <<EOF\r');
    expect(t.screen().endsWith('> ')).toBe(true);
    t.term.input('line one\r');
    t.term.input('EOF\r');
    await t.term.idle();
    expect(t.screen()).toContain('> line one\r\n> EOF\r\nline one\r\n');
    expect(t.shell.history()).toEqual(['cat <<EOF\nline one\nEOF']);
  });

  it('puts the prompt right after output that has no final newline, as bash does', async () => {
    const t = session();
    t.reset();
    await t.term.type('echo -n hi');
    expect(t.screen()).toBe('echo -n hi\r\nhilearner@wheelhouse:~ (default)$ ');
  });

  it('prints syntax errors', async () => {
    const t = session();
    await t.term.type('| x');
    expect(t.screen()).toContain("bash: syntax error near unexpected token `|'\r\n");
  });

  it('Ctrl-C stops a running command, prints ^C and sets $? to 130', async () => {
    const t = session();
    t.term.input('sleep 100\r');
    await settle();
    expect(t.term.busy).toBe(true);
    t.term.input('\x03');
    await t.term.idle();
    expect(t.screen()).toContain('sleep 100\r\n^C\r\n');
    expect(t.shell.lastStatus).toBe(130);
  });

  it('keeps keys typed while a command runs and feeds them afterwards', async () => {
    const t = session();
    t.term.input('sleep 1\r');
    t.term.input('echo next\r');
    await t.scheduler.advance(1000);
    await t.term.idle();
    await settle();
    expect(t.screen()).toContain('next\r\n');
  });

  it('Ctrl-C at the prompt abandons the line and sets $? to 130', async () => {
    const t = session();
    t.term.input('kubectl get\x03');
    expect(t.screen()).toContain('kubectl get^C\r\n');
    await t.term.type('echo $?');
    expect(t.screen()).toContain('130\r\n');
  });

  it('records history for Up', async () => {
    const t = session();
    await t.term.type('echo one');
    t.reset();
    t.term.input('\x1b[A');
    expect(t.screen()).toContain('echo one');
  });
});
