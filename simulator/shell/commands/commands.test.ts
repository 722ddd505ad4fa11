import { describe, expect, it } from 'vitest';
import { setupShell } from '../test-kit.ts';

const pods = 'NAME    READY   STATUS    RESTARTS\nweb-1   1/1     Running   0\nweb-2   0/1     Pending   0\ndb-0    1/1     Running   3\n';

describe('echo and printf', () => {
  it('echo joins arguments, -n drops the newline, -e reads escapes', async () => {
    const { run } = setupShell();
    expect((await run('echo a  b')).out).toBe('a b\n');
    expect((await run('echo -n hi')).out).toBe('hi');
    expect((await run("echo -e 'a\\tb\\nc'")).out).toBe('a\tb\nc\n');
    expect((await run("echo 'a\\tb'")).out).toBe('a\\tb\n');
    expect((await run("echo -e 'stop\\chere'")).out).toBe('stop');
    expect((await run('echo -x')).out).toBe('-x\n');
  });

  it('printf formats and reuses its format', async () => {
    const { run } = setupShell();
    expect((await run("printf '%s=%d\\n' a 1 b 2")).out).toBe('a=1\nb=2\n');
    expect((await run("printf '%5s|%-5s|%05.1f|%x\\n' ab cd 3.14159 255")).out).toBe('   ab|cd   |003.1|ff\n');
    expect((await run("printf '%s\\n'")).out).toBe('\n');
    const bad = await run("printf '%d\\n' abc");
    expect(bad).toEqual({ out: '0\n', err: 'bash: printf: abc: invalid number\n', status: 1 });
  });
});

describe('files', () => {
  it('mkdir -p, touch, ls, rm -r', async () => {
    const { run, fs } = setupShell();
    expect((await run('mkdir app/base')).err).toBe('mkdir: cannot create directory ‘app/base’: No such file or directory\n');
    expect((await run('mkdir -p app/base && touch app/base/kustomization.yaml app/pod.yaml')).status).toBe(0);
    expect((await run('ls app')).out).toBe('base\npod.yaml\n');
    expect((await run('mkdir app')).err).toBe('mkdir: cannot create directory ‘app’: File exists\n');
    expect((await run('rm app')).err).toBe("rm: cannot remove 'app': Is a directory\n");
    expect((await run('rm -r app')).status).toBe(0);
    expect(fs.exists('/home/learner/app')).toBe(false);
    expect(await run('rm gone')).toEqual({ out: '', err: "rm: cannot remove 'gone': No such file or directory\n", status: 1 });
    expect((await run('rm -f gone')).status).toBe(0);
    expect((await run('rm')).err).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect((await run('touch nope/x')).err).toBe("touch: cannot touch 'nope/x': No such file or directory\n");
  });

  it('ls: hidden files, -a, -1, missing files, invalid options', async () => {
    const { run } = setupShell({ files: { 'b.yaml': 'x', 'a.yaml': '', '.env': '' } });
    expect((await run('ls')).out).toBe('a.yaml\nb.yaml\n');
    expect((await run('ls -a')).out).toBe('.\n..\n.env\na.yaml\nb.yaml\n');
    expect((await run('ls -A')).out).toBe('.env\na.yaml\nb.yaml\n');
    expect(await run('ls nope')).toEqual({ out: '', err: "ls: cannot access 'nope': No such file or directory\n", status: 2 });
    expect(await run('ls -z')).toEqual({ out: '', err: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", status: 2 });
  });

  it('ls prints columns on the terminal and colors folders', async () => {
    const { shell, fs } = setupShell({ files: { 'alpha.yaml': '', 'beta.yaml': '', 'gamma.yaml': '' } });
    fs.mkdir('/home/learner/dir');
    const chunks: string[] = [];
    const out = { write: (t: string) => chunks.push(t), isTerminal: true, columns: 80, closed: false };
    await shell.run('ls', { stdout: out, stderr: out });
    expect(chunks.join('')).toBe('alpha.yaml  beta.yaml  \x1b[01;34mdir\x1b[0m  gamma.yaml\n');
    chunks.length = 0;
    await shell.run('ls', { stdout: { ...out, columns: 24 }, stderr: out });
    expect(chunks.join('')).toBe('alpha.yaml  \x1b[01;34mdir\x1b[0m\nbeta.yaml   gamma.yaml\n');
  });

  it('ls -l prints the long format with a total', async () => {
    const { run, fs } = setupShell({ files: { 'pod.yaml': 'kind: Pod\n', 'big.txt': 'x'.repeat(5000) } });
    fs.mkdir('/home/learner/app');
    expect((await run('ls -l')).out).toBe(
      'total 16\n' +
        'drwxr-xr-x 2 learner learner 4096 Jan 15 09:30 app\n' +
        '-rw-r--r-- 1 learner learner 5000 Jan 15 09:30 big.txt\n' +
        '-rw-r--r-- 1 learner learner   10 Jan 15 09:30 pod.yaml\n',
    );
    expect((await run('ls -lh big.txt')).out).toBe('-rw-r--r-- 1 learner learner 4.9K Jan 15 09:30 big.txt\n');
  });

  it('ls lists several operands with headers', async () => {
    const { run } = setupShell({ files: { 'a/x': '', 'b/y': '', 'f.txt': '' } });
    expect((await run('ls f.txt a b')).out).toBe('f.txt\n\na:\nx\n\nb:\ny\n');
  });

  it('cat: files, stdin, -n, errors', async () => {
    const { run, fs } = setupShell({ files: { 'a.txt': 'one\ntwo\n' } });
    fs.mkdir('/home/learner/dir');
    expect((await run('cat a.txt')).out).toBe('one\ntwo\n');
    expect((await run('cat -n a.txt')).out).toBe('     1\tone\n     2\ttwo\n');
    expect((await run('cat - a.txt', 'zero\n')).out).toBe('zero\none\ntwo\n');
    expect(await run('cat nope dir a.txt')).toEqual({
      out: 'one\ntwo\n',
      err: 'cat: nope: No such file or directory\ncat: dir: Is a directory\n',
      status: 1,
    });
  });

  it('cp and mv', async () => {
    const { run, fs } = setupShell({ files: { 'a.txt': 'A', 'app/b.txt': 'B' } });
    fs.mkdir('/home/learner/backup');
    await run('cp a.txt c.txt');
    expect(fs.readFile('/home/learner/c.txt')).toBe('A');
    await run('cp a.txt c.txt backup');
    expect(fs.readdir('/home/learner/backup')).toEqual(['a.txt', 'c.txt']);
    expect((await run('cp app x')).err).toBe("cp: -r not specified; omitting directory 'app'\n");
    await run('cp -r app app2');
    expect(fs.readFile('/home/learner/app2/b.txt')).toBe('B');
    expect((await run('cp nope x')).err).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect((await run('cp a.txt')).err).toBe("cp: missing destination file operand after 'a.txt'\nTry 'cp --help' for more information.\n");
    await run('mv c.txt d.txt');
    expect(fs.exists('/home/learner/c.txt')).toBe(false);
    expect(fs.readFile('/home/learner/d.txt')).toBe('A');
    await run('mv d.txt app');
    expect(fs.readFile('/home/learner/app/d.txt')).toBe('A');
    expect((await run('mv app app/sub')).err).toBe("mv: cannot move 'app' to a subdirectory of itself, 'app/sub'\n");
    expect((await run('mv a.txt c.txt backup/nope/')).err).toBe("mv: target 'backup/nope/' is not a directory\n");
  });
});

describe('head and tail', () => {
  const text = Array.from({ length: 15 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  it('head and tail default to 10 lines and take -n, -N and +N', async () => {
    const { run } = setupShell({ files: { 'f.txt': text } });
    expect((await run('head f.txt')).out.split('\n')).toHaveLength(11);
    expect((await run('head -n 2 f.txt')).out).toBe('line 1\nline 2\n');
    expect((await run('head -3 f.txt | tail -1')).out).toBe('line 3\n');
    expect((await run('tail -n 2 f.txt')).out).toBe('line 14\nline 15\n');
    expect((await run('tail -n +14 f.txt')).out).toBe('line 14\nline 15\n');
    expect((await run('head -n -13 f.txt')).out).toBe('line 1\nline 2\n');
    expect((await run('cat f.txt | tail -n 1')).out).toBe('line 15\n');
  });

  it('prints headers for several files and reports errors', async () => {
    const { run } = setupShell({ files: { 'a': '1\n', 'b': '2\n' } });
    expect((await run('head a b')).out).toBe('==> a <==\n1\n\n==> b <==\n2\n');
    expect((await run('tail nope')).err).toBe("tail: cannot open 'nope' for reading: No such file or directory\n");
    expect((await run('head -n x a')).err).toBe('head: invalid number of lines: ‘x’\n');
  });
});

describe('grep', () => {
  it('filters lines with -i, -v, -n, -c', async () => {
    const { run } = setupShell({ files: { 'pods.txt': pods } });
    expect((await run('grep Running pods.txt')).out).toBe('web-1   1/1     Running   0\ndb-0    1/1     Running   3\n');
    expect((await run('grep -c running pods.txt')).out).toBe('0\n');
    expect((await run('grep -ic running pods.txt')).out).toBe('2\n');
    expect((await run('grep -vn Running pods.txt')).out).toBe('1:NAME    READY   STATUS    RESTARTS\n3:web-2   0/1     Pending   0\n');
  });

  it('exits 1 when nothing matches and 2 on errors', async () => {
    const { run } = setupShell({ files: { 'pods.txt': pods } });
    expect(await run('grep Failed pods.txt')).toEqual({ out: '', err: '', status: 1 });
    expect(await run('grep x nope.txt')).toEqual({ out: '', err: 'grep: nope.txt: No such file or directory\n', status: 2 });
    expect((await run('grep')).err).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect((await run('grep -E "(a" pods.txt')).err).toBe('grep: Unmatched ( or \\(\n');
  });

  it('speaks basic and extended regular expressions', async () => {
    const { run } = setupShell({ files: { 'pods.txt': pods } });
    expect((await run("grep -E 'web-(1|2)' pods.txt | wc -l")).out).toBe('2\n');
    expect((await run("grep 'web-\\(1\\|2\\)' pods.txt | wc -l")).out).toBe('2\n');
    expect((await run("grep 'web-(1|2)' pods.txt | wc -l")).out).toBe('0\n');
    expect((await run("grep '^db' pods.txt")).out).toBe('db-0    1/1     Running   3\n');
    expect((await run("grep -E '[[:digit:]]/1 ' pods.txt | wc -l")).out).toBe('3\n');
  });

  it('-w, -o, -F and -e', async () => {
    const { run } = setupShell({ files: { 'f': 'web\nwebapp\na.b\naxb\n' } });
    expect((await run('grep -w web f')).out).toBe('web\n');
    expect((await run('grep -o "we[a-z]" f')).out).toBe('web\nweb\n');
    expect((await run('grep -F a.b f')).out).toBe('a.b\n');
    expect((await run('grep a.b f')).out).toBe('a.b\naxb\n');
    expect((await run('grep -e axb -e webapp f')).out).toBe('webapp\naxb\n');
  });

  it('prints context with -A, -B, -C and -- between groups', async () => {
    const lines = ['a', 'match 1', 'b', 'c', 'd', 'match 2', 'e'].join('\n') + '\n';
    const { run } = setupShell({ files: { 'f': lines } });
    expect((await run('grep -A1 match f')).out).toBe('match 1\nb\n--\nmatch 2\ne\n');
    expect((await run('grep -B1 -n match f')).out).toBe('1-a\n2:match 1\n--\n5-d\n6:match 2\n');
    expect((await run('grep -C2 match f')).out).toBe('a\nmatch 1\nb\nc\nd\nmatch 2\ne\n');
  });

  it('names files when searching several, and -r walks folders', async () => {
    const { run } = setupShell({ files: { 'app/a.yaml': 'image: nginx\n', 'app/b.yaml': 'image: redis\n', 'c.txt': 'nginx\n' } });
    expect((await run('grep nginx app/a.yaml c.txt')).out).toBe('app/a.yaml:image: nginx\nc.txt:nginx\n');
    expect((await run('grep -r image app')).out).toBe('app/a.yaml:image: nginx\napp/b.yaml:image: redis\n');
    expect((await run('grep -l image app/*.yaml')).out).toBe('app/a.yaml\napp/b.yaml\n');
    expect((await run('grep image app')).err).toBe('grep: app: Is a directory\n');
  });
});

describe('wc, sort, uniq, cut, tr, tee', () => {
  it('wc counts like GNU and pads like GNU', async () => {
    const { run } = setupShell({ files: { 'pods.txt': pods, 'one.txt': 'hello world\n' } });
    expect((await run('wc -l pods.txt')).out).toBe('4 pods.txt\n');
    expect((await run('wc one.txt')).out).toBe(' 1  2 12 one.txt\n');
    expect((await run('cat one.txt | wc')).out).toBe('      1       2      12\n');
    expect((await run('wc -l pods.txt one.txt')).out).toBe('  4 pods.txt\n  1 one.txt\n  5 total\n');
    expect((await run('wc -w nope')).err).toBe('wc: nope: No such file or directory\n');
  });

  it('sort: plain, -r, -n, -k, -t, -u', async () => {
    const { run } = setupShell({ files: { 'n': '10\n9\n100\n9\n', 'csv': 'b,3\na,10\nc,2\n' } });
    expect((await run('sort n')).out).toBe('10\n100\n9\n9\n');
    expect((await run('sort -n n')).out).toBe('9\n9\n10\n100\n');
    expect((await run('sort -nr n')).out).toBe('100\n10\n9\n9\n');
    expect((await run('sort -nu n')).out).toBe('9\n10\n100\n');
    expect((await run('sort -t, -k2 -n csv')).out).toBe('c,2\nb,3\na,10\n');
    expect((await run('sort -t , -k1,1r csv')).out).toBe('c,2\nb,3\na,10\n');
  });

  it('sort -k on whitespace-aligned columns (kubectl output)', async () => {
    const { run } = setupShell({ files: { 'pods.txt': pods } });
    expect((await run('tail -n +2 pods.txt | sort -k4 -n | cut -c1-5')).out).toBe('web-1\nweb-2\ndb-0 \n');
    expect((await run('tail -n +2 pods.txt | sort -k3,3 | cut -c1-5')).out).toBe('web-2\ndb-0 \nweb-1\n');
  });

  it('uniq collapses adjacent lines; -c counts, -d keeps repeats', async () => {
    const { run } = setupShell({ files: { 'f': 'a\na\nb\na\n' } });
    expect((await run('uniq f')).out).toBe('a\nb\na\n');
    expect((await run('sort f | uniq -c')).out).toBe('      3 a\n      1 b\n');
    expect((await run('sort f | uniq -d')).out).toBe('a\n');
  });

  it('cut fields and characters', async () => {
    const { run } = setupShell({ files: { 'passwd': 'root:x:0\nlearner:x:1000\nnocolon\n' } });
    expect((await run('cut -d: -f1,3 passwd')).out).toBe('root:0\nlearner:1000\nnocolon\n');
    expect((await run('cut -d: -f1 -s passwd')).out).toBe('root\nlearner\n');
    expect((await run('cut -c1-4 passwd')).out).toBe('root\nlear\nnoco\n');
    expect((await run('cut passwd')).err).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
  });

  it('tr translates, deletes and squeezes', async () => {
    const { run } = setupShell();
    expect((await run('echo hello | tr a-z A-Z')).out).toBe('HELLO\n');
    expect((await run("echo hello | tr '[:lower:]' '[:upper:]'")).out).toBe('HELLO\n');
    expect((await run('echo hello | tr -d l')).out).toBe('heo\n');
    expect((await run("echo 'a   b' | tr -s ' '")).out).toBe('a b\n');
    expect((await run("echo a,b | tr , '\\n'")).out).toBe('a\nb\n');
    expect((await run('tr a')).err).toBe("tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  });

  it('tee copies to a file and to stdout', async () => {
    const { run, fs } = setupShell();
    expect((await run('echo hi | tee out.txt')).out).toBe('hi\n');
    await run('echo again | tee -a out.txt > /dev/null');
    expect(fs.readFile('/home/learner/out.txt')).toBe('hi\nagain\n');
  });
});

describe('base64', () => {
  it('encodes and decodes UTF-8 text (Secrets)', async () => {
    const { run } = setupShell();
    expect((await run('echo -n admin | base64')).out).toBe('YWRtaW4=\n');
    expect((await run('echo YWRtaW4= | base64 -d')).out).toBe('admin');
    expect((await run("echo -n 'pässwörd✓' | base64 | base64 -d")).out).toBe('pässwörd✓');
    expect((await run('echo -n abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz | base64')).out).toBe(
      'YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5emFiY2Rl\nZmdoaWprbG1ub3BxcnN0dXZ3eHl6\n',
    );
    expect(await run('echo "not base64!" | base64 -d')).toEqual({ out: '', err: 'base64: invalid input\n', status: 1 });
  });
});

describe('shell builtins', () => {
  it('which finds commands but not builtins', async () => {
    const { run } = setupShell();
    expect(await run('which ls grep')).toEqual({ out: '/usr/bin/ls\n/usr/bin/grep\n', err: '', status: 0 });
    expect((await run('which cd')).status).toBe(1);
    expect((await run('type cd ls')).out).toBe('cd is a shell builtin\nls is /usr/bin/ls\n');
  });

  it('history lists what was added, numbered as bash does', async () => {
    const { run, shell } = setupShell();
    shell.addHistory('ls');
    shell.addHistory('ls'); // duplicates collapse
    shell.addHistory('kubectl get pods');
    expect((await run('history')).out).toBe('    1  ls\n    2  kubectl get pods\n');
    expect((await run('history 1')).out).toBe('    2  kubectl get pods\n');
    await run('history -c');
    expect(shell.history()).toEqual([]);
  });

  it('clear clears the screen', async () => {
    const { run } = setupShell();
    expect((await run('clear')).out).toBe('\x1b[H\x1b[2J\x1b[3J');
  });

  it('env runs a command with extra variables', async () => {
    const { run } = setupShell();
    expect((await run('env FOO="a b" printf %s "$FOO"')).out).toBe('');
    expect((await run("env FOO='a b' sh")).err).toContain('sh: not available');
  });

  it('help lists commands by group and says what is not here', async () => {
    const { run } = setupShell();
    const { out } = await run('help');
    expect(out).toMatch(/Files: +cat {2}cd {2}cp {2}ls {2}mkdir {2}mv {2}pwd {2}rm {2}touch/);
    expect(out).toContain('docker');
    expect((await run('help grep')).out).toContain('grep: find lines');
  });
});
