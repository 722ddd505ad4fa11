// A POSIX-ish command line parser: words with quotes, escapes and expansions, pipes, && || ;,
// redirections and here-documents. It also tells the terminal when a line is unfinished
// (open quote, trailing | or \, missing heredoc end) so it can prompt '> ' for more.
import type { AndOrList, Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word, WordPart } from './ast.ts';

export type ParseResult =
  | { status: 'complete'; script: Script }
  | { status: 'incomplete' }
  | { status: 'error'; message: string };

export function parse(source: string): ParseResult {
  try {
    return { status: 'complete', script: new Parser(source).parseAll() };
  } catch (error) {
    if (error instanceof Incomplete) return { status: 'incomplete' };
    if (error instanceof ShellSyntaxError) return { status: 'error', message: error.message };
    throw error;
  }
}

/** Thrown when the source ends inside something: the terminal should ask for another line. */
class Incomplete extends Error {}

/** A syntax error worded as bash prints it. */
export class ShellSyntaxError extends Error {}

function unexpected(token: string): ShellSyntaxError {
  return new ShellSyntaxError(`bash: syntax error near unexpected token \`${token}'`);
}

type Token =
  | { kind: 'word'; word: Word }
  | { kind: 'op'; op: string }
  | { kind: 'io'; fd: number }
  | { kind: 'newline' }
  | { kind: 'eof' };

const operators = ['&>>', '<<-', '<<<', '&&', '||', ';;', '<<', '>>', '>&', '<&', '>|', '&>', '|&', '<>', '|', '&', ';', '<', '>', '(', ')'];
const redirectOps = new Set(['<', '>', '>>', '>|', '<&', '>&', '<>', '<<', '<<-', '<<<', '&>', '&>>']);
const metaChars = ' \t\n|&;<>()';
// Compound commands need a real bash; the closers alone are syntax errors there too.
const compoundOpeners = new Set(['if', 'for', 'while', 'until', 'case', 'select', 'function', '{', '[[', '((']);
const compoundClosers = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
}

function tokenText(token: Token): string {
  switch (token.kind) {
    case 'word':
      return token.word.raw;
    case 'op':
      return token.op;
    case 'io':
      return String(token.fd);
    default:
      return 'newline';
  }
}

class Parser {
  private pos = 0;
  private peeked: Token | undefined;
  private pending: PendingHeredoc[] = [];
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  parseAll(): Script {
    const script = this.parseScript(false);
    const token = this.next();
    if (token.kind !== 'eof') throw unexpected(tokenText(token));
    return script;
  }

  // ---- grammar ----

  private parseScript(insideSubstitution: boolean): Script {
    const lists: AndOrList[] = [];
    while (true) {
      while (this.peek().kind === 'newline') this.next();
      const token = this.peek();
      if (token.kind === 'eof') {
        if (insideSubstitution) throw new Incomplete();
        break;
      }
      if (insideSubstitution && token.kind === 'op' && token.op === ')') break;
      const list = this.parseAndOr();
      lists.push(list);
      const after = this.peek();
      if (after.kind === 'op' && (after.op === ';' || after.op === '&')) {
        this.next();
        list.background = after.op === '&';
      } else if (after.kind === 'newline') {
        this.next();
      } else if (after.kind === 'eof') {
        continue;
      } else if (insideSubstitution && after.kind === 'op' && after.op === ')') {
        break;
      } else {
        throw unexpected(tokenText(after));
      }
    }
    return { lists };
  }

  private parseAndOr(): AndOrList {
    const list: AndOrList = { first: this.parsePipeline(), rest: [], background: false };
    while (true) {
      const token = this.peek();
      if (token.kind !== 'op' || (token.op !== '&&' && token.op !== '||')) return list;
      this.next();
      this.skipNewlinesExpectingMore();
      list.rest.push({ op: token.op, pipeline: this.parsePipeline() });
    }
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    const first = this.peek();
    if (first.kind === 'word' && first.word.raw === '!') {
      this.next();
      negated = true;
    }
    const commands = [this.parseCommand()];
    while (true) {
      const token = this.peek();
      if (token.kind !== 'op' || (token.op !== '|' && token.op !== '|&')) break;
      this.next();
      if (token.op === '|&') commands[commands.length - 1]!.stderrToPipe = true;
      this.skipNewlinesExpectingMore();
      commands.push(this.parseCommand());
    }
    return { commands, negated };
  }

  /** After | && ||, the command may continue on the next line; end of input means "type more". */
  private skipNewlinesExpectingMore(): void {
    while (this.peek().kind === 'newline') this.next();
    if (this.peek().kind === 'eof') throw new Incomplete();
  }

  private parseCommand(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [], redirects: [] };
    while (true) {
      const token = this.peek();
      if (token.kind === 'io') {
        this.next();
        const op = this.next();
        if (op.kind !== 'op' || !redirectOps.has(op.op)) throw unexpected(tokenText(op));
        this.parseRedirect(token.fd, op.op as RedirectOp, command);
      } else if (token.kind === 'op' && redirectOps.has(token.op)) {
        this.next();
        this.parseRedirect(undefined, token.op as RedirectOp, command);
      } else if (token.kind === 'word') {
        const atStart = command.words.length === 0;
        const assignment = atStart ? splitAssignment(token.word) : undefined;
        if (assignment) {
          this.next();
          command.assignments.push(assignment);
          continue;
        }
        if (atStart && command.assignments.length === 0 && isPlain(token.word)) {
          if (compoundClosers.has(token.word.raw)) throw unexpected(token.word.raw);
          if (compoundOpeners.has(token.word.raw)) throw compoundUnsupported(token.word.raw);
        }
        this.next();
        command.words.push(token.word);
      } else {
        break;
      }
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) {
      const token = this.peek();
      if (token.kind === 'op' && token.op === '(') throw compoundUnsupported('(');
      throw unexpected(tokenText(token));
    }
    return command;
  }

  private parseRedirect(fd: number | undefined, op: RedirectOp, command: SimpleCommand): void {
    const target = this.next();
    if (target.kind !== 'word') throw unexpected(tokenText(target));
    const defaultFd = op === '&>' || op === '&>>' ? 'both' : op.startsWith('<') ? 0 : 1;
    const redirect: Redirect = { fd: fd ?? defaultFd, op, target: target.word };
    command.redirects.push(redirect);
    if (op === '<<' || op === '<<-') {
      this.pending.push({
        redirect,
        delimiter: literalText(target.word),
        quoted: target.word.parts.some((part) => part.quoted),
        stripTabs: op === '<<-',
      });
    }
  }

  // ---- tokens ----

  private peek(): Token {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  private next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  private lex(): Token {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else break;
    }
    if (this.pos >= src.length) {
      if (this.pending.length > 0) throw new Incomplete();
      return { kind: 'eof' };
    }
    const c = src[this.pos]!;
    if (c === '\n') {
      this.pos++;
      this.readHeredocBodies();
      return { kind: 'newline' };
    }
    for (const op of operators) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'op', op };
      }
    }
    return this.scanWord();
  }

  private scanWord(): Token {
    const src = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (metaChars.includes(c)) break;
      if (c === '\\') {
        if (this.pos + 1 >= src.length) throw new Incomplete();
        if (src[this.pos + 1] !== '\n') pushText(parts, src[this.pos + 1]!, true);
        this.pos += 2;
      } else if (c === "'") {
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete();
        pushText(parts, src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.scanDoubleQuoted(parts);
      } else if (c === '$') {
        this.scanDollar(parts, false);
      } else if (c === '`') {
        this.scanBackticks(parts, false);
      } else {
        pushText(parts, c, false);
        this.pos++;
      }
    }
    const word: Word = { parts, raw: src.slice(start, this.pos) };
    const next = src[this.pos];
    if ((next === '<' || next === '>') && /^\d+$/.test(word.raw)) return { kind: 'io', fd: Number(word.raw) };
    return { kind: 'word', word };
  }

  private scanDoubleQuoted(parts: WordPart[]): void {
    const src = this.src;
    this.pos++; // opening "
    pushText(parts, '', true); // "" is still an argument
    while (true) {
      if (this.pos >= src.length) throw new Incomplete();
      const c = src[this.pos]!;
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === undefined) throw new Incomplete();
        if (n === '\n') this.pos += 2;
        else if ('$`"\\'.includes(n)) {
          pushText(parts, n, true);
          this.pos += 2;
        } else {
          pushText(parts, '\\', true);
          this.pos++;
        }
      } else if (c === '$') {
        this.scanDollar(parts, true);
      } else if (c === '`') {
        this.scanBackticks(parts, true);
      } else {
        pushText(parts, c, true);
        this.pos++;
      }
    }
  }

  private scanDollar(parts: WordPart[], quoted: boolean): void {
    const src = this.src;
    const n = src[this.pos + 1];
    if (n === '{') return this.scanBraced(parts, quoted);
    if (n === '(') {
      if (src[this.pos + 2] === '(') throw new ShellSyntaxError('bash: arithmetic expansion $(( )) is not supported in this terminal');
      this.pos += 2;
      this.peeked = undefined;
      const script = this.parseScript(true);
      const close = this.next();
      if (close.kind !== 'op' || close.op !== ')') throw unexpected(tokenText(close));
      parts.push({ type: 'command', script, quoted });
      return;
    }
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(this.pos + 1))![0];
      parts.push({ type: 'param', name, quoted });
      this.pos += 1 + name.length;
      return;
    }
    if (n !== undefined && /[0-9?$#@*!-]/.test(n)) {
      parts.push({ type: 'param', name: n, quoted });
      this.pos += 2;
      return;
    }
    if (!quoted && n === "'") {
      this.pos += 2;
      pushText(parts, this.scanAnsiC(), true);
      return;
    }
    if (!quoted && n === '"') {
      this.pos++;
      this.scanDoubleQuoted(parts);
      return;
    }
    pushText(parts, '$', quoted);
    this.pos++;
  }

  /** ${NAME}, ${#NAME}, ${NAME:-word} and friends; anything else expands to "bad substitution". */
  private scanBraced(parts: WordPart[], quoted: boolean): void {
    const src = this.src;
    const start = this.pos;
    this.pos += 2;
    const rest = src.slice(this.pos);
    const length = /^#([A-Za-z_][A-Za-z0-9_]*|[0-9?#])\}/.exec(rest);
    if (length) {
      parts.push({ type: 'param', name: length[1]!, quoted, op: 'length' });
      this.pos += length[0].length;
      return;
    }
    const head = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])(\}|:-|:\+|:=|-|\+|=)?/.exec(rest);
    if (head?.[2] === '}') {
      parts.push({ type: 'param', name: head[1]!, quoted });
      this.pos += head[0].length;
      return;
    }
    if (head?.[2]) {
      this.pos += head[0].length;
      const word = this.scanUntilBrace(quoted);
      parts.push({ type: 'param', name: head[1]!, quoted, op: head[2] as ':-', word });
      return;
    }
    const close = src.indexOf('}', this.pos);
    if (close < 0) throw new Incomplete();
    this.pos = close + 1;
    parts.push({ type: 'bad-substitution', raw: src.slice(start, this.pos), quoted });
  }

  /** The word after ${NAME:- up to the closing brace. */
  private scanUntilBrace(quoted: boolean): Word {
    const src = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    while (true) {
      if (this.pos >= src.length) throw new Incomplete();
      const c = src[this.pos]!;
      if (c === '}') break;
      if (c === '\\') {
        if (this.pos + 1 >= src.length) throw new Incomplete();
        pushText(parts, src[this.pos + 1]!, true);
        this.pos += 2;
      } else if (c === "'" && !quoted) {
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete();
        pushText(parts, src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.scanDoubleQuoted(parts);
      } else if (c === '$') {
        this.scanDollar(parts, quoted);
      } else {
        pushText(parts, c, quoted);
        this.pos++;
      }
    }
    const word = { parts, raw: src.slice(start, this.pos) };
    this.pos++; // }
    return word;
  }

  /** $'…' with C escapes (\n, \t, \e, \xHH …). */
  private scanAnsiC(): string {
    const src = this.src;
    let out = '';
    while (true) {
      if (this.pos >= src.length) throw new Incomplete();
      const c = src[this.pos]!;
      if (c === "'") {
        this.pos++;
        return out;
      }
      if (c === '\\' && this.pos + 1 < src.length) {
        const [text, used] = cEscape(src, this.pos + 1);
        out += text;
        this.pos += 1 + used;
      } else {
        out += c;
        this.pos++;
      }
    }
  }

  private scanBackticks(parts: WordPart[], quoted: boolean): void {
    const src = this.src;
    let inner = '';
    let i = this.pos + 1;
    while (true) {
      if (i >= src.length) throw new Incomplete();
      const c = src[i]!;
      if (c === '`') break;
      if (c === '\\' && '$`\\'.includes(src[i + 1] ?? '')) {
        inner += src[i + 1];
        i += 2;
      } else {
        inner += c;
        i++;
      }
    }
    this.pos = i + 1;
    parts.push({ type: 'command', script: new Parser(inner).parseAll(), quoted });
  }

  // ---- here-documents ----

  private readHeredocBodies(): void {
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      const lines: string[] = [];
      while (true) {
        if (this.pos >= this.src.length) throw new Incomplete();
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? this.src.length : nl + 1;
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) break;
        lines.push(line + '\n');
        if (nl < 0) throw new Incomplete();
      }
      const body = lines.join('');
      doc.redirect.heredoc = doc.quoted
        ? { parts: [{ type: 'text', value: body, quoted: true }], raw: body }
        : new Parser(body).scanHeredocBody();
    }
  }

  /** An unquoted here-document body: $ expansions and \$ \` \\ escapes, nothing else special. */
  scanHeredocBody(): Word {
    const src = this.src;
    const parts: WordPart[] = [];
    pushText(parts, '', true);
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === '\\' && '$`\\\n'.includes(src[this.pos + 1] ?? 'x')) {
        if (src[this.pos + 1] !== '\n') pushText(parts, src[this.pos + 1]!, true);
        this.pos += 2;
      } else if (c === '$') {
        this.scanDollar(parts, true);
      } else if (c === '`') {
        this.scanBackticks(parts, true);
      } else {
        pushText(parts, c, true);
        this.pos++;
      }
    }
    return { parts, raw: src };
  }
}

function pushText(parts: WordPart[], value: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last?.type === 'text' && last.quoted === quoted) last.value += value;
  else parts.push({ type: 'text', value, quoted });
}

/** A word with no quotes or expansions: only then is `for` or `{` a keyword. */
function isPlain(word: Word): boolean {
  return word.parts.length === 1 && word.parts[0]!.type === 'text' && !word.parts[0]!.quoted;
}

function literalText(word: Word): string {
  return word.parts.map((part) => (part.type === 'text' ? part.value : part.type === 'param' ? '$' + part.name : '')).join('');
}

function splitAssignment(word: Word): { name: string; value: Word } | undefined {
  const first = word.parts[0];
  if (first?.type !== 'text' || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.value);
  if (!match) return undefined;
  const restText = first.value.slice(match[0].length);
  const parts: WordPart[] = [...(restText ? [{ type: 'text' as const, value: restText, quoted: false }] : []), ...word.parts.slice(1)];
  return { name: match[1]!, value: { parts, raw: word.raw.slice(match[0].length) } };
}

function compoundUnsupported(keyword: string): ShellSyntaxError {
  return new ShellSyntaxError(
    `bash: ${keyword}: compound commands (if, for, while, case, { }, ( )) are not supported in the in-browser terminal — run one command at a time`,
  );
}

/** One C escape after a backslash (shared by $'…', echo -e and printf): [text, chars used]. */
export function cEscape(src: string, i: number): [string, number] {
  const c = src[i];
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', "'": "'", '"': '"' };
  if (c === undefined) return ['\\', 0];
  if (c in simple) return [simple[c]!, 1];
  if (c === 'x') {
    const hex = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 1));
    if (hex) return [String.fromCharCode(parseInt(hex[0], 16)), 1 + hex[0].length];
  }
  if (c === 'u' || c === 'U') {
    const hex = new RegExp(`^[0-9a-fA-F]{1,${c === 'u' ? 4 : 8}}`).exec(src.slice(i + 1));
    if (hex) return [String.fromCodePoint(parseInt(hex[0], 16)), 1 + hex[0].length];
  }
  if (/[0-7]/.test(c)) {
    const oct = /^[0-7]{1,3}/.exec(src.slice(i))!;
    return [String.fromCharCode(parseInt(oct[0], 8) & 0xff), oct[0].length];
  }
  return ['\\' + c, 1];
}
