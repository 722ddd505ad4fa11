import { describe, expect, it } from 'vitest';
import { FsError, WorkspaceFs, type FsChange } from './workspace-fs.ts';

describe('workspace filesystem', () => {
  it('starts with a home folder and /tmp', () => {
    const fs = new WorkspaceFs();
    expect(fs.isDirectory('/home/learner')).toBe(true);
    expect(fs.readdir('/')).toEqual(['home', 'tmp']);
  });

  it('reads, writes and appends files', () => {
    const fs = new WorkspaceFs();
    fs.writeFile('/home/learner/a.txt', 'one\n');
    fs.appendFile('/home/learner/a.txt', 'two\n');
    expect(fs.readFile('/home/learner/a.txt')).toBe('one\ntwo\n');
    expect(fs.stat('/home/learner/a.txt')).toMatchObject({ type: 'file', size: 8 });
    expect(fs.stat('/home/learner/../learner/a.txt')?.type).toBe('file');
  });

  it('counts sizes in UTF-8 bytes', () => {
    const fs = new WorkspaceFs();
    fs.writeFile('/tmp/u', 'é✓');
    expect(fs.stat('/tmp/u')?.size).toBe(5);
  });

  it('raises errno-style errors', () => {
    const fs = new WorkspaceFs();
    fs.writeFile('/tmp/f', '');
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof FsError ? error.code : 'other';
      }
      return 'none';
    };
    expect(code(() => fs.readFile('/tmp/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/tmp'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/tmp/f/x', ''))).toBe('ENOTDIR');
    expect(code(() => fs.writeFile('/nope/x', ''))).toBe('ENOENT');
    expect(code(() => fs.mkdir('/tmp'))).toBe('EEXIST');
    expect(code(() => fs.remove('/home'))).toBe('ENOTEMPTY');
  });

  it('tells subscribers about changes, and stops when unsubscribed', () => {
    const fs = new WorkspaceFs();
    const changes: FsChange[] = [];
    const unsubscribe = fs.subscribe((c) => changes.push(c));
    fs.mkdir('/home/learner/app');
    fs.writeFile('/home/learner/app/a.yaml', 'x');
    fs.rename('/home/learner/app/a.yaml', '/home/learner/app/b.yaml');
    fs.remove('/home/learner/app', { recursive: true });
    unsubscribe();
    fs.writeFile('/tmp/ignored', '');
    expect(changes).toEqual([
      { type: 'mkdir', path: '/home/learner/app' },
      { type: 'write', path: '/home/learner/app/a.yaml' },
      { type: 'rename', path: '/home/learner/app/b.yaml', from: '/home/learner/app/a.yaml' },
      { type: 'remove', path: '/home/learner/app' },
    ]);
  });

  it('round-trips through a JSON snapshot', () => {
    let now = 1000;
    const fs = new WorkspaceFs({ now: () => now });
    fs.mkdir('/home/learner/app/base', { recursive: true });
    fs.writeFile('/home/learner/app/base/pod.yaml', 'kind: Pod\n');
    now = 2000;
    fs.writeFile('/home/learner/notes.txt', 'hi');
    const json = JSON.stringify(fs.snapshot());

    const restored = new WorkspaceFs();
    const changes: FsChange[] = [];
    restored.subscribe((c) => changes.push(c));
    restored.restore(JSON.parse(json));
    expect(restored.snapshot()).toEqual(fs.snapshot());
    expect(restored.readFile('/home/learner/app/base/pod.yaml')).toBe('kind: Pod\n');
    expect(restored.stat('/home/learner/notes.txt')?.mtime).toBe(2000);
    expect(changes).toEqual([{ type: 'restore', path: '/' }]);
  });
});
