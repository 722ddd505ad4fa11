import { describe, expect, it } from 'vitest';
import { LineEditor, visibleWidth, type LineCompletion } from './line-editor.ts';
import { parseKeys } from './terminal-keys.ts';

const LEFT = '\x1b[D';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DEL = '\x1b[3~';
const BACKSPACE = '\x7f';

function editor(opts: { history?: string[]; columns?: number; complete?: (line: string, cursor: number) => LineCompletion } = {}) {
  const history = opts.history ?? [];
  const ed = new LineEditor({ history: () => history, columns: () => opts.columns ?? 80, complete: opts.complete });
  ed.start('$ ');
  return ed;
}

/** Feed keys and return the line and the submitted line, if any. */
function type(ed: LineEditor, ...keys: string[]) {
  const events = keys.flatMap((k) => ed.feed(k).events);
  return { line: ed.line, events };
}

describe('keys', () => {
  it('splits input into text, control keys and escape sequences', () => {
    expect(parseKeys('ab\x1b[Dc\r').map((k) => k.key)).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'key', name: 'left' },
      { kind: 'text', text: 'c' },
      { kind: 'key', name: 'enter' },
    ]);
  });

  it('measures prompts without their color codes', () => {
    expect(visibleWidth('\x1b[01;32mlearner@wheelhouse\x1b[00m:~$ ')).toBe('learner@wheelhouse:~$ '.length);
  });
});

describe('editing', () => {
  it('echoes typing at the end of the line', () => {
    const ed = editor();
    expect(ed.feed('ls').output).toBe('ls');
    expect(ed.line).toBe('ls');
  });

  it('submits on Enter', () => {
    const ed = editor();
    const result = ed.feed('kubectl get pods\r');
    expect(result.events).toEqual([{ type: 'submit', line: 'kubectl get pods' }]);
    expect(result.output.endsWith('\r\n')).toBe(true);
    expect(ed.isActive).toBe(false);
  });

  it('returns input after a submitted line as rest (pasted lines)', () => {
    const ed = editor();
    const result = ed.feed('ls\rpwd\r');
    expect(result.events).toEqual([{ type: 'submit', line: 'ls' }]);
    expect(result.rest).toBe('pwd\r');
  });

  it('moves the cursor and inserts in the middle, redrawing the line', () => {
    const ed = editor();
    ed.feed('kubectl get');
    const out = ed.feed(LEFT.repeat(4) + ' pods').output;
    expect(ed.line).toBe('kubectl pods get');
    // Redraw: back to column 0, clear, prompt and line, then cursor back after "pods".
    expect(out.endsWith('\r\x1b[J$ kubectl pods get\r\x1b[14C')).toBe(true);
  });

  it('Backspace, Delete, Home, End', () => {
    const ed = editor();
    expect(type(ed, 'abcd', BACKSPACE).line).toBe('abc');
    expect(type(ed, HOME, DEL).line).toBe('bc');
    expect(type(ed, END, 'x').line).toBe('bcx');
    expect(type(ed, '\x01', 'y', '\x05', 'z').line).toBe('ybcxz');
    ed.feed(HOME);
    expect(ed.feed(BACKSPACE).output).toBe('\x07');
  });

  it('Ctrl-U, Ctrl-K, Ctrl-W and Ctrl-Y', () => {
    const ed = editor();
    expect(type(ed, 'kubectl get pods', '\x17').line).toBe('kubectl get ');
    expect(type(ed, '\x19').line).toBe('kubectl get pods');
    expect(type(ed, LEFT.repeat(5), '\x0b').line).toBe('kubectl get');
    expect(type(ed, '\x15').line).toBe('');
    expect(type(ed, '\x19').line).toBe('kubectl get');
  });

  it('word moves with Alt-B/Alt-F and Ctrl-arrows', () => {
    const ed = editor();
    type(ed, 'kubectl get pods', '\x1bb', 'X');
    expect(ed.line).toBe('kubectl get Xpods');
    type(ed, '\x1b[1;5D', '\x1b[1;5D', 'Y');
    expect(ed.line).toBe('kubectl Yget Xpods');
    type(ed, '\x1b[C', '\x02', '\x06', '\x06', 'Z');
    expect(ed.line).toBe('kubectl YgeZt Xpods');
  });

  it('Ctrl-C abandons the line and prints ^C', () => {
    const ed = editor();
    const result = ed.feed('half typed\x03');
    expect(result.events).toEqual([{ type: 'interrupt' }]);
    expect(result.output.endsWith('^C\r\n')).toBe(true);
  });

  it('Ctrl-L clears the screen and redraws the line', () => {
    const ed = editor();
    ed.feed('ls');
    const result = ed.feed('\x0c');
    expect(result.events).toEqual([{ type: 'clear' }]);
    expect(result.output).toBe('\x1b[H\x1b[2J\r\x1b[J$ ls');
  });

  it('keeps track of wrapped lines', () => {
    const ed = editor({ columns: 10 });
    ed.feed('abcdefghij'); // "$ " + 10 chars = 12 columns: two rows
    const out = ed.feed(HOME).output;
    // Redraw starts one row up, and the cursor ends on row 0, column 2.
    expect(out).toBe('\x1b[1A\r\x1b[J$ abcdefghij\x1b[1A\r\x1b[2C');
  });
});

describe('history', () => {
  it('Up and Down walk the history and keep the line being typed', () => {
    const ed = editor({ history: ['ls', 'kubectl get pods'] });
    type(ed, 'draft');
    expect(type(ed, UP).line).toBe('kubectl get pods');
    expect(type(ed, UP).line).toBe('ls');
    expect(ed.feed(UP).output).toBe('\x07');
    expect(type(ed, DOWN).line).toBe('kubectl get pods');
    expect(type(ed, DOWN).line).toBe('draft');
  });

  it('Ctrl-R finds the newest entry containing the query, Ctrl-R again goes older', () => {
    const ed = editor({ history: ['kubectl get pods', 'ls', 'kubectl get svc'] });
    let out = ed.feed('\x12').output;
    expect(out).toContain("(reverse-i-search)`': ");
    out = ed.feed('kub').output;
    expect(out).toContain("(reverse-i-search)`kub': kubectl get svc");
    expect(ed.line).toBe('kubectl get svc');
    ed.feed('\x12');
    expect(ed.line).toBe('kubectl get pods');
    out = ed.feed('zzz').output;
    expect(out).toContain('(failed reverse-i-search)');
    const result = ed.feed(BACKSPACE.repeat(3) + '\r');
    expect(result.events).toEqual([{ type: 'submit', line: 'kubectl get svc' }]);
  });

  it('Ctrl-G leaves the search and restores the line', () => {
    const ed = editor({ history: ['kubectl get pods'] });
    type(ed, 'mine', '\x12', 'kub', '\x07');
    expect(ed.line).toBe('mine');
  });

  it('another key accepts the match for editing', () => {
    const ed = editor({ history: ['kubectl get pods'] });
    type(ed, '\x12', 'get', END, ' -A');
    expect(ed.line).toBe('kubectl get pods -A');
  });
});

describe('Tab completion', () => {
  const files = ['deploy.yaml', 'deploy-v2.yaml', 'service.yaml'];
  const complete = (line: string, cursor: number): LineCompletion => {
    const start = line.lastIndexOf(' ', cursor - 1) + 1;
    const current = line.slice(start, cursor);
    const names = line.slice(0, start).trim() === '' ? ['kubectl', 'kustomize-not-here'] : [...files, 'my dir/'];
    return {
      start,
      quote: '',
      candidates: names.filter((n) => n.startsWith(current)).map((value) => ({ value, noSpace: value.endsWith('/') })),
    };
  };

  it('completes a single match and adds a space', () => {
    const ed = editor({ complete });
    expect(type(ed, 'cat ser', '\t').line).toBe('cat service.yaml ');
  });

  it('extends to the common prefix, then lists on the second Tab', () => {
    const ed = editor({ complete });
    expect(type(ed, 'cat de', '\t').line).toBe('cat deploy');
    // Like readline, the Tab right after a completion counts as the second one.
    const listed = ed.feed('\t').output;
    expect(listed).toContain('\r\ndeploy-v2.yaml  deploy.yaml\r\n');
    expect(listed.endsWith('$ cat deploy')).toBe(true);
    expect(ed.line).toBe('cat deploy');
  });

  it('escapes special characters and leaves folders open', () => {
    const ed = editor({ complete });
    expect(type(ed, 'ls my', '\t').line).toBe('ls my\\ dir/');
  });

  it('rings the bell on the first Tab when it cannot add anything', () => {
    const ed = editor({ complete });
    ed.feed('cat deploy');
    expect(ed.feed('\t').output).toBe('\x07');
    expect(ed.feed('\t').output).toContain('deploy-v2.yaml  deploy.yaml');
  });

  it('rings the bell when nothing matches', () => {
    const ed = editor({ complete });
    ed.feed('cat zzz');
    expect(ed.feed('\t').output).toBe('\x07');
  });
});
