import { describe, expect, it } from 'vitest';
import type { SimpleCommand, Word } from './ast.ts';
import { parse } from './parser.ts';

function script(source: string) {
  const result = parse(source);
  if (result.status !== 'complete') throw new Error(`expected complete, got ${JSON.stringify(result)}`);
  return result.script;
}

function firstCommand(source: string): SimpleCommand {
  return script(source).lists[0]!.first.commands[0]!;
}

/** A word's literal text when it has no expansions. */
function literal(word: Word): string {
  return word.parts.map((p) => (p.type === 'text' ? p.value : `<${p.type}>`)).join('');
}

describe('words and quotes', () => {
  it('splits on blanks and keeps quoted blanks', () => {
    const cmd = firstCommand(`echo  a "b c" 'd  e' f\\ g`);
    expect(cmd.words.map(literal)).toEqual(['echo', 'a', 'b c', 'd  e', 'f g']);
  });

  it('keeps empty quoted strings as words', () => {
    expect(firstCommand(`echo "" ''`).words.map(literal)).toEqual(['echo', '', '']);
  });

  it('treats backslash inside double quotes as bash does', () => {
    expect(literal(firstCommand(`echo "a\\"b \\$x \\n"`).words[1]!)).toBe('a"b $x \\n');
  });

  it('leaves single quotes literal, including $ and backslash', () => {
    const word = firstCommand(`echo '$HOME \\n'`).words[1]!;
    expect(word.parts).toEqual([{ type: 'text', value: '$HOME \\n', quoted: true }]);
  });

  it('parses $VAR, ${VAR}, $? and ${VAR:-default}', () => {
    const words = firstCommand('echo $A ${B} $? ${C:-x}').words;
    expect(words[1]!.parts).toEqual([{ type: 'param', name: 'A', quoted: false }]);
    expect(words[2]!.parts).toEqual([{ type: 'param', name: 'B', quoted: false }]);
    expect(words[3]!.parts).toEqual([{ type: 'param', name: '?', quoted: false }]);
    expect(words[4]!.parts[0]).toMatchObject({ type: 'param', name: 'C', op: ':-' });
  });

  it('parses $(…) and backticks as command substitutions', () => {
    const words = firstCommand('echo $(kubectl get pods -o name) `date`').words;
    expect(words[1]!.parts[0]!.type).toBe('command');
    expect(words[2]!.parts[0]!.type).toBe('command');
  });

  it('takes $ before nothing special literally', () => {
    expect(literal(firstCommand('echo $ a$').words[1]!)).toBe('$');
  });

  it('reads ANSI-C $\'…\' strings', () => {
    expect(literal(firstCommand("echo $'a\\tb\\n'").words[1]!)).toBe('a\tb\n');
  });

  it('strips comments but not # inside words', () => {
    const cmd = firstCommand('echo a#b # a comment');
    expect(cmd.words.map(literal)).toEqual(['echo', 'a#b']);
  });

  it('joins lines continued with a backslash', () => {
    expect(firstCommand('kubectl get \\\n pods').words.map(literal)).toEqual(['kubectl', 'get', 'pods']);
  });

  it('recognises assignments only before the command name', () => {
    const cmd = firstCommand('A=1 B="x y" env C=2');
    expect(cmd.assignments.map((a) => [a.name, literal(a.value)])).toEqual([
      ['A', '1'],
      ['B', 'x y'],
    ]);
    expect(cmd.words.map(literal)).toEqual(['env', 'C=2']);
  });
});

describe('operators', () => {
  it('builds pipelines and and-or lists', () => {
    const s = script('a | b | c && d || e; f');
    expect(s.lists).toHaveLength(2);
    expect(s.lists[0]!.first.commands).toHaveLength(3);
    expect(s.lists[0]!.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('parses redirections with and without fd numbers', () => {
    const cmd = firstCommand('cmd <in >out 2>err >>log 2>&1 &>all');
    expect(cmd.redirects.map((r) => [r.fd, r.op, literal(r.target)])).toEqual([
      [0, '<', 'in'],
      [1, '>', 'out'],
      [2, '>', 'err'],
      [1, '>>', 'log'],
      [2, '>&', '1'],
      ['both', '&>', 'all'],
    ]);
  });

  it('does not take a quoted number as an fd', () => {
    const cmd = firstCommand('echo "2">x');
    expect(cmd.words.map(literal)).toEqual(['echo', '2']);
    expect(cmd.redirects[0]!.fd).toBe(1);
  });

  it('parses ! as negation', () => {
    expect(script('! grep x f').lists[0]!.first.negated).toBe(true);
  });
});

describe('here-documents', () => {
  it('reads the body up to the delimiter', () => {
    const cmd = firstCommand('cat <<EOF\nhello $USER\nbye\nEOF');
    const body = cmd.redirects[0]!.heredoc!;
    expect(body.parts.some((p) => p.type === 'param')).toBe(true);
    expect(literal(body)).toBe('hello <param>\nbye\n');
  });

  it('keeps the body literal when the delimiter is quoted', () => {
    const cmd = firstCommand("cat <<'EOF'\nhello $USER\nEOF\n");
    expect(cmd.redirects[0]!.heredoc!.parts).toEqual([{ type: 'text', value: 'hello $USER\n', quoted: true }]);
  });

  it('strips leading tabs with <<-', () => {
    const cmd = firstCommand('cat <<-END\n\t\tindented\n\tEND');
    expect(literal(cmd.redirects[0]!.heredoc!)).toBe('indented\n');
  });

  it('lets the command continue after the heredoc operator, including a pipe', () => {
    const s = script('cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF\necho done');
    expect(s.lists).toHaveLength(2);
    expect(s.lists[0]!.first.commands).toHaveLength(2);
    expect(literal(s.lists[0]!.first.commands[0]!.redirects[0]!.heredoc!)).toBe('kind: Pod\n');
  });

  it('reads two heredocs on one line in order', () => {
    const s = script('a <<A; b <<B\none\nA\ntwo\nB');
    expect(literal(s.lists[0]!.first.commands[0]!.redirects[0]!.heredoc!)).toBe('one\n');
    expect(literal(s.lists[1]!.first.commands[0]!.redirects[0]!.heredoc!)).toBe('two\n');
  });
});

describe('incomplete lines (the terminal shows "> ")', () => {
  it.each([
    ["echo 'abc", 'open single quote'],
    ['echo "abc', 'open double quote'],
    ['kubectl get pods |', 'trailing pipe'],
    ['true &&', 'trailing &&'],
    ['false ||', 'trailing ||'],
    ['echo \\', 'trailing backslash'],
    ['cat <<EOF', 'heredoc with no body yet'],
    ['cat <<EOF\nline one', 'heredoc without its delimiter'],
    ['echo $(date', 'open command substitution'],
    ['echo ${HOME', 'open brace'],
    ['echo `date', 'open backtick'],
  ])('%s (%s)', (source) => {
    expect(parse(source)).toEqual({ status: 'incomplete' });
  });

  it('is complete once the continuation arrives', () => {
    expect(parse("echo 'abc\ndef'").status).toBe('complete');
    expect(parse('kubectl get pods |\ngrep web').status).toBe('complete');
    expect(parse('cat <<EOF\nline\nEOF').status).toBe('complete');
  });
});

describe('syntax errors worded as bash', () => {
  it.each([
    ['| grep x', '|'],
    ['ls | | wc', '|'],
    ['&& ls', '&&'],
    ['ls ;;', ';;'],
    ['; ls', ';'],
    ['echo >', 'newline'],
    ['cat < | x', '|'],
    ['echo )', ')'],
    ['done', 'done'],
  ])('%s', (source, token) => {
    expect(parse(source)).toEqual({ status: 'error', message: `bash: syntax error near unexpected token \`${token}'` });
  });

  it('says plainly that compound commands are not supported', () => {
    const result = parse('for i in 1 2; do echo $i; done');
    expect(result.status).toBe('error');
    expect(result.status === 'error' && result.message).toContain('not supported in the in-browser terminal');
  });

  it('accepts blank lines and comments as an empty script', () => {
    expect(script('   # nothing here').lists).toEqual([]);
    expect(script('').lists).toEqual([]);
  });
});
