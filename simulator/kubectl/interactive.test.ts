// The lab terminal passes the learner's typing to a running command: `kubectl exec -it POD -- sh`
// and `kubectl run --rm -it … -- sh` give the container's prompt until `exit`, keys fed one by one
// through TerminalSession as xterm.js would.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import { createLabShell } from '../lab-shell.ts';
import { TerminalSession } from '../shell/terminal-session.ts';
import { flush } from './test-kit.ts';

async function terminal() {
  const cluster = createCluster({ seed: 5 });
  const lab = createLabShell({ cluster });
  let screen = '';
  const session = new TerminalSession({ shell: lab.shell, write: (text) => (screen += text), prompt: () => '$ ' });
  session.start();
  /** Keys, one call per key as xterm sends them, with the cluster moving on a little after each. */
  async function keys(...typed: string[]) {
    for (const k of typed) {
      session.input(k);
      for (let i = 0; i < 3; i++) {
        cluster.advance(100);
        await flush();
      }
    }
  }
  const typeLine = (line: string) => keys(...[...line], '\r');
  async function until(done: () => boolean, maxMs = 120_000) {
    for (let t = 0; t < maxMs && !done(); t += 200) {
      cluster.advance(200);
      await flush();
    }
  }
  return { cluster, session, keys, typeLine, until, screen: () => screen, clear: () => (screen = '') };
}

describe('interactive stdin in the lab terminal', () => {
  it('kubectl exec -it POD -- sh: the container prompt, echo, line editing, until exit', async () => {
    const t = await terminal();
    await t.typeLine('kubectl run box --image=busybox -- sleep 3600');
    await t.typeLine('kubectl wait --for=condition=Ready pod/box');
    await t.until(() => !t.session.busy);
    t.clear();
    await t.typeLine('kubectl exec -it box -- sh');
    expect(t.screen()).toBe('kubectl exec -it box -- sh\r\n/ # ');
    expect(t.session.busy).toBe(true);
    // Typing is echoed after the container prompt; Backspace edits the line before Enter sends it.
    await t.keys('e', 'c', 'h', 'x', '\x7f', 'o', ' ', 'h', 'i');
    expect(t.screen().endsWith('/ # echo hi')).toBe(true);
    await t.keys('\r');
    expect(t.screen().endsWith('/ # echo hi\r\nhi\r\n/ # ')).toBe(true);
    await t.typeLine('cat /etc/hostname');
    expect(t.screen().endsWith('cat /etc/hostname\r\nbox\r\n/ # ')).toBe(true);
    await t.typeLine('exit');
    await t.until(() => !t.session.busy);
    expect(t.screen().endsWith('/ # exit\r\n$ ')).toBe(true);
    // The lab shell is back in charge.
    t.clear();
    await t.typeLine('echo $?');
    expect(t.screen()).toBe('echo $?\r\n0\r\n$ ');
  });

  it('kubectl run --rm -it … -- sh: attach, work in the container, exit deletes the pod', async () => {
    const t = await terminal();
    await t.typeLine('kubectl run tmp --rm -it --restart=Never --image=busybox -- sh');
    await t.until(() => t.screen().endsWith('/ # '));
    expect(t.screen()).toContain("If you don't see a command prompt, try pressing enter.\r\n");
    await t.typeLine('echo $HOSTNAME');
    expect(t.screen().endsWith('echo $HOSTNAME\r\ntmp\r\n/ # ')).toBe(true);
    await t.typeLine('exit 3');
    await t.until(() => !t.session.busy);
    expect(t.screen()).toContain('/ # exit 3\r\npod "tmp" deleted\r\npod default/tmp terminated (Error)\r\n$ ');
    t.clear();
    await t.typeLine('echo $?');
    expect(t.screen()).toBe('echo $?\r\n3\r\n$ ');
  });

  it('Ctrl-D on an empty line ends the input; Ctrl-C still interrupts', async () => {
    const t = await terminal();
    await t.typeLine('cat');
    expect(t.session.busy).toBe(true);
    await t.typeLine('one');
    expect(t.screen().endsWith('one\r\none\r\n')).toBe(true);
    await t.keys('\x04');
    await t.until(() => !t.session.busy);
    expect(t.screen().endsWith('one\r\none\r\n\r\n$ ')).toBe(true);
    t.clear();
    await t.typeLine('grep x');
    await t.keys('a', 'b');
    await t.keys('\x03');
    await t.until(() => !t.session.busy);
    expect(t.screen()).toBe('grep x\r\nab^C\r\n$ ');
  });

  it('what a command did not read becomes typed-ahead input for the next prompt', async () => {
    const t = await terminal();
    await t.typeLine('sleep 2');
    await t.typeLine('echo later');
    await t.until(() => t.screen().includes('later\r\n$ '));
    expect(t.screen()).toContain('$ echo later\r\nlater\r\n$ ');
  });
});
