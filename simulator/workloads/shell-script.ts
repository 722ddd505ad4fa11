// A tiny busybox `sh`: enough to run the commands course manifests and the official examples give
// containers — `sleep 3600`, `echo hello`, `sh -c 'while true; do echo …; sleep 5; done'`,
// `i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done`, `touch /tmp/healthy; sleep 30;
// rm -f /tmp/healthy; sleep 600`, `exit 1`. A script runs on virtual time: `sleep` moves the
// script's clock, output lines and file changes are stamped with it. Running is lazy (a generator),
// so an endless loop costs only the lines someone reads.

import type { ContainerFile } from './container-files.ts';

export type ShellEvent =
  | { atMs: number; kind: 'out'; text: string; stream: 'stdout' | 'stderr' }
  | { atMs: number; kind: 'file'; path: string; exists: boolean; content?: string }
  | { atMs: number; kind: 'exit'; code: number }
  /** One loop iteration passed: lets a reader stop pulling an endless, silent loop. */
  | { atMs: number; kind: 'tick' };

// ---------- words and tokens ----------

interface Segment {
  text: string;
  quote: 'none' | 'single' | 'double';
}
type Word = Segment[];
type Token = { op: string } | { word: Word };

const operators = ['&&', '||', ';;', ';', '&', '|', '\n', '(', ')'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let word: Word | null = null;
  const push = (text: string, quote: Segment['quote']) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.quote === quote) last.text += text;
    else word.push({ text, quote });
  };
  const endWord = () => {
    if (word) out.push({ word });
    word = null;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '#' && !word) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    const op = operators.find((o) => src.startsWith(o, i));
    if (op && !(op === '(' && word) && !(op === ')' && word && isOpenSubst(word))) {
      endWord();
      out.push({ op });
      i += op.length;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      push(src.slice(i + 1, end < 0 ? src.length : end), 'single');
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length && '"\\$`'.includes(src[j + 1]!)) {
          text += src[j + 1] === '$' ? '\\$' : src[j + 1];
          j += 2;
        } else if (src[j] === '$' && src[j + 1] === '(') {
          const end = matchParen(src, j + 1);
          text += src.slice(j, end + 1);
          j = end + 1;
        } else text += src[j++];
      }
      push(text, 'double');
      i = j + 1;
      continue;
    }
    if (c === '$' && src[i + 1] === '(') {
      const end = matchParen(src, i + 1);
      push(src.slice(i, end + 1), 'none');
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      push(`$(${src.slice(i + 1, end < 0 ? src.length : end)})`, 'none');
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (c === '\\' && i + 1 < src.length) {
      push(src[i + 1]!, 'single');
      i += 2;
      continue;
    }
    push(c, 'none');
    i++;
  }
  endWord();
  return out;
}

function isOpenSubst(word: Word): boolean {
  const t = word.map((s) => s.text).join('');
  return (t.match(/\(/g)?.length ?? 0) > (t.match(/\)/g)?.length ?? 0);
}

function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return src.length - 1;
}

// ---------- syntax tree ----------

type Node =
  | { type: 'simple'; assigns: Array<[string, Word]>; words: Word[] }
  | { type: 'list'; items: Array<{ node: Node; op: '&&' | '||' | ';' }> }
  | { type: 'while'; until: boolean; cond: Node; body: Node }
  | { type: 'for'; name: string; items: Word[]; body: Node }
  | { type: 'if'; cond: Node; then: Node; else?: Node }
  | { type: 'pipe'; parts: Node[] };

class Parser {
  pos = 0;
  readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  peekWord(): string | undefined {
    const t = this.tokens[this.pos];
    return t && 'word' in t && t.word.every((s) => s.quote === 'none') ? t.word.map((s) => s.text).join('') : undefined;
  }
  peekOp(): string | undefined {
    const t = this.tokens[this.pos];
    return t && 'op' in t ? t.op : undefined;
  }
  skipSeparators() {
    while (this.peekOp() === ';' || this.peekOp() === '\n' || this.peekOp() === '&') this.pos++;
  }
  expectKeyword(k: string) {
    this.skipSeparators();
    if (this.peekWord() !== k) throw new SyntaxError(`syntax error: expected "${k}"`);
    this.pos++;
  }

  list(stop: string[]): Node {
    const items: Array<{ node: Node; op: '&&' | '||' | ';' }> = [];
    let op: '&&' | '||' | ';' = ';';
    for (;;) {
      this.skipSeparators();
      const w = this.peekWord();
      if (this.pos >= this.tokens.length || (w && stop.includes(w)) || this.peekOp() === ')') break;
      items.push({ node: this.pipeline(), op });
      const next = this.peekOp();
      if (next === '&&' || next === '||') {
        op = next;
        this.pos++;
      } else op = ';';
    }
    return { type: 'list', items };
  }

  pipeline(): Node {
    const parts = [this.command()];
    while (this.peekOp() === '|') {
      this.pos++;
      parts.push(this.command());
    }
    return parts.length === 1 ? parts[0]! : { type: 'pipe', parts };
  }

  command(): Node {
    const w = this.peekWord();
    if (w === 'while' || w === 'until') {
      this.pos++;
      const cond = this.list(['do']);
      this.expectKeyword('do');
      const body = this.list(['done']);
      this.expectKeyword('done');
      return { type: 'while', until: w === 'until', cond, body };
    }
    if (w === 'for') {
      this.pos++;
      const name = this.peekWord() ?? 'i';
      this.pos++;
      const items: Word[] = [];
      if (this.peekWord() === 'in') {
        this.pos++;
        while (this.pos < this.tokens.length && !this.peekOp()) items.push((this.tokens[this.pos++] as { word: Word }).word);
      }
      this.expectKeyword('do');
      const body = this.list(['done']);
      this.expectKeyword('done');
      return { type: 'for', name, items, body };
    }
    if (w === 'if') {
      this.pos++;
      const cond = this.list(['then']);
      this.expectKeyword('then');
      const then = this.list(['else', 'fi']);
      this.skipSeparators();
      let otherwise: Node | undefined;
      if (this.peekWord() === 'else') {
        this.pos++;
        otherwise = this.list(['fi']);
      }
      this.expectKeyword('fi');
      return { type: 'if', cond, then, else: otherwise };
    }
    if (this.peekOp() === '(') {
      this.pos++;
      const inner = this.list([]);
      if (this.peekOp() === ')') this.pos++;
      return inner;
    }
    const assigns: Array<[string, Word]> = [];
    const words: Word[] = [];
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos]!;
      if ('op' in t) break;
      const first = t.word[0];
      const m = words.length === 0 && first?.quote === 'none' ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text) : null;
      if (m) {
        assigns.push([m[1]!, [{ text: first!.text.slice(m[0].length), quote: 'none' }, ...t.word.slice(1)]]);
      } else words.push(t.word);
      this.pos++;
    }
    return { type: 'simple', assigns, words };
  }
}

export function parseScript(src: string): Node {
  return new Parser(tokenize(src)).list([]);
}

// ---------- running ----------

/** A busybox `date` line: `Thu Nov 21 21:52:00 UTC 2024`. */
export function busyboxDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

class ExitSignal {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

export interface ShellEnv {
  vars: Record<string, string>;
  startedAt: number;
  /** Files the script has written (touch, …), by path. */
  files: Map<string, string>;
  /** The image's and the kubelet's files (directories, symlinks, mounted volumes), by absolute path. */
  image?: ReadonlyMap<string, ContainerFile>;
}

/** `/a//b/./c/` → `/a/b/c`; relative paths are taken from `/`, the containers' default working directory. */
export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

function parentDir(p: string): string {
  return p.slice(0, p.lastIndexOf('/')) || '/';
}

type Stat = { kind: 'file'; content: string; mode: number } | { kind: 'dir'; mode: number } | { kind: 'link'; target: string };

/** busybox ls's time column for a recent file: `Jan  1 00:00`. */
function lsTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function modeString(st: Stat): string {
  if (st.kind === 'link') return 'lrwxrwxrwx';
  const bits = st.mode;
  let s = st.kind === 'dir' ? 'd' : '-';
  for (const shift of [6, 3, 0]) {
    const b = (bits >> shift) & 7;
    s += `${b & 4 ? 'r' : '-'}${b & 2 ? 'w' : '-'}${b & 1 ? 'x' : '-'}`;
  }
  // The sticky bit shows in the last column, as on a fresh volume directory (drwxrwxrwt).
  if (bits & 0o1000) s = s.slice(0, -1) + (bits & 1 ? 't' : 'T');
  return s;
}

/** Parses busybox sleep arguments: 5, 0.5, 2m, 1h, infinity. Returns ms (Infinity allowed). */
export function sleepMs(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined;
  if (arg === 'inf' || arg === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

class Shell {
  time = 0;
  status = 0;
  readonly env: ShellEnv;
  constructor(env: ShellEnv) {
    this.env = env;
  }

  expand(word: Word): string[] {
    let out = '';
    let splittable = false;
    for (const seg of word) {
      if (seg.quote === 'single') out += seg.text;
      else {
        const expanded = this.expandText(seg.text, seg.quote === 'double');
        if (seg.quote === 'none' && expanded !== seg.text) splittable = true;
        out += expanded;
      }
    }
    if (splittable) return out.split(/\s+/).filter(Boolean);
    return [out];
  }

  expandText(text: string, inDouble: boolean): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\' && text[i + 1] === '$' && inDouble) {
        out += '$';
        i++;
        continue;
      }
      if (c !== '$') {
        out += c;
        continue;
      }
      if (text.startsWith('$((', i)) {
        const end = text.indexOf('))', i);
        out += String(this.arith(text.slice(i + 3, end)));
        i = end + 1;
        continue;
      }
      if (text[i + 1] === '(') {
        const end = matchParen(text, i + 1);
        out += this.substitute(text.slice(i + 2, end)).replace(/\n+$/, '');
        i = end;
        continue;
      }
      const braced = text[i + 1] === '{' ? /^\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/.exec(text.slice(i + 1)) : null;
      if (braced) {
        out += this.env.vars[braced[1]!] || (braced[2] ?? '');
        i += braced[0].length;
        continue;
      }
      const name = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/.exec(text.slice(i + 1));
      if (name) {
        const n = name[1]!;
        out += n === '?' ? String(this.status) : n === '$' ? '1' : (this.env.vars[n] ?? '');
        i += n.length;
        continue;
      }
      out += '$';
    }
    return out;
  }

  arith(expr: string): number {
    const replaced = expr.replace(/\$?([A-Za-z_][A-Za-z0-9_]*)/g, (_, n: string) => String(Number(this.env.vars[n] ?? 0) || 0));
    if (!/^[\d\s+\-*/%()]*$/.test(replaced)) return 0;
    // Only digits and arithmetic operators reach here.
    const tokens = replaced.match(/\d+|[+\-*/%()]/g) ?? [];
    let pos = 0;
    const primary = (): number => {
      const t = tokens[pos++];
      if (t === '(') {
        const v = sum();
        pos++;
        return v;
      }
      if (t === '-') return -primary();
      return Number(t ?? 0);
    };
    const product = (): number => {
      let v = primary();
      while (tokens[pos] === '*' || tokens[pos] === '/' || tokens[pos] === '%') {
        const op = tokens[pos++];
        const r = primary();
        v = op === '*' ? v * r : op === '/' ? Math.trunc(v / (r || 1)) : v % (r || 1);
      }
      return v;
    };
    const sum = (): number => {
      let v = product();
      while (tokens[pos] === '+' || tokens[pos] === '-') {
        const op = tokens[pos++];
        const r = product();
        v = op === '+' ? v + r : v - r;
      }
      return v;
    };
    return sum();
  }

  /** $(…): runs the inner script now, without advancing time, and captures stdout. */
  substitute(src: string): string {
    const inner = new Shell(this.env);
    inner.time = this.time;
    let out = '';
    try {
      for (const e of inner.run(parseScript(src))) if (e.kind === 'out' && e.stream === 'stdout') out += `${e.text}\n`;
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
    }
    return out;
  }

  *run(node: Node): Generator<ShellEvent, void, void> {
    switch (node.type) {
      case 'list':
        for (const item of node.items) {
          if (item.op === '&&' && this.status !== 0) continue;
          if (item.op === '||' && this.status === 0) continue;
          yield* this.run(item.node);
        }
        return;
      case 'pipe':
        // Output of all but the last command goes into the pipe, not the log.
        for (const [i, part] of node.parts.entries()) {
          if (i === node.parts.length - 1) yield* this.run(part);
          else for (const e of this.run(part)) if (e.kind !== 'out') yield e;
        }
        return;
      case 'while':
        for (;;) {
          const before = this.time;
          yield* this.run(node.cond);
          if ((this.status === 0) === node.until) break;
          yield* this.run(node.body);
          // A loop that never sleeps still takes time on a real CPU; keeps virtual time moving.
          if (this.time === before) this.time += 1;
          yield { atMs: this.time, kind: 'tick' };
        }
        this.status = 0;
        return;
      case 'for': {
        const items = node.items.flatMap((w) => this.expand(w));
        for (const item of items) {
          this.env.vars[node.name] = item;
          yield* this.run(node.body);
        }
        return;
      }
      case 'if':
        yield* this.run(node.cond);
        if (this.status === 0) yield* this.run(node.then);
        else if (node.else) yield* this.run(node.else);
        return;
      case 'simple': {
        for (const [name, w] of node.assigns) this.env.vars[name] = this.expand(w).join(' ');
        const argv = node.words.flatMap((w) => this.expand(w));
        if (argv.length === 0) {
          this.status = 0;
          return;
        }
        yield* this.builtin(argv);
      }
    }
  }

  out(text: string, stream: 'stdout' | 'stderr' = 'stdout'): ShellEvent {
    return { atMs: this.time, kind: 'out', text, stream };
  }

  *builtin(argv: string[]): Generator<ShellEvent, void, void> {
    const [cmd, ...args] = argv as [string, ...string[]];
    const name = cmd.replace(/^\/(usr\/)?s?bin\//, '');
    this.status = 0;
    switch (name) {
      case 'echo': {
        let noNewline = false;
        let escapes = false;
        while (args[0] && /^-[neE]+$/.test(args[0])) {
          const flags = args.shift()!;
          if (flags.includes('n')) noNewline = true;
          if (flags.includes('e')) escapes = true;
        }
        let text = args.join(' ');
        if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        for (const line of text.split('\n')) yield this.out(line);
        void noNewline;
        return;
      }
      case 'printf': {
        let i = 0;
        const fmt = (args[0] ?? '').replace(/%[sd]/g, () => args[++i] ?? '');
        const text = fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) yield this.out(line);
        return;
      }
      case 'sleep': {
        const ms = sleepMs(args[0]);
        if (ms === undefined) {
          yield this.out(args[0] === undefined ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.' : `sleep: invalid number '${args[0]}'`, 'stderr');
          this.status = 1;
          return;
        }
        this.time += ms;
        return;
      }
      case 'exit':
        throw new ExitSignal(args[0] === undefined ? this.status : Number(args[0]) & 255);
      case 'true':
      case ':':
        return;
      case 'false':
        this.status = 1;
        return;
      case 'touch':
        for (const p of args) if (!this.env.files.has(p)) yield this.file(p, true, '');
        return;
      case 'mkdir':
        return;
      case 'rm':
        for (const p of args.filter((a) => !a.startsWith('-'))) {
          if (this.env.files.has(p)) yield this.file(p, false);
          else if (!args.some((a) => a.startsWith('-') && a.includes('f'))) {
            yield this.out(`rm: can't remove '${p}': No such file or directory`, 'stderr');
            this.status = 1;
          }
        }
        return;
      case 'cat':
        for (const p of args) {
          const st = this.stat(p, true);
          if (st?.kind === 'dir') {
            yield this.out('cat: read error: Is a directory', 'stderr');
            this.status = 1;
          } else if (st?.kind !== 'file') {
            yield this.out(`cat: can't open '${p}': No such file or directory`, 'stderr');
            this.status = 1;
          } else if (st.content) for (const line of st.content.replace(/\n$/, '').split('\n')) yield this.out(line);
        }
        return;
      case 'ls':
        yield* this.ls(args);
        return;
      case 'test':
      case '[':
        this.status = this.test(name === '[' ? args.slice(0, -1) : args) ? 0 : 1;
        return;
      case 'date':
        yield this.out(busyboxDate(this.env.startedAt + this.time));
        return;
      case 'hostname':
        yield this.out(this.env.vars.HOSTNAME ?? '');
        return;
      case 'env':
      case 'printenv':
        if (name === 'printenv' && args[0]) {
          const v = this.env.vars[args[0]];
          if (v === undefined) this.status = 1;
          else yield this.out(v);
          return;
        }
        for (const [k, v] of Object.entries(this.env.vars)) yield this.out(`${k}=${v}`);
        return;
      case 'seq': {
        const [a, b] = args.length === 1 ? ['1', args[0]!] : [args[0]!, args[1]!];
        for (let n = Number(a); n <= Number(b) && n - Number(a) < 100_000; n++) yield this.out(String(n));
        return;
      }
      case 'tail':
        if (args.includes('-f')) this.time = Infinity;
        return;
      case 'trap':
      case 'set':
      case 'export':
      case 'cd':
      case 'wait':
        return;
      case 'sh':
        if (args[0]?.startsWith('-') && args[0].includes('c') && args[1] !== undefined) {
          yield* this.run(parseScript(args[1]));
          return;
        }
        return;
      default:
        yield this.out(`sh: ${cmd}: not found`, 'stderr');
        this.status = 127;
    }
  }

  /** Follows symlinks in every component of p (the kubelet's volume keys are links into ..data). */
  resolve(p: string, depth = 0): string {
    let cur = '';
    for (const seg of normalizePath(p).split('/').filter(Boolean)) {
      cur = `${cur}/${seg}`;
      const link = this.env.image?.get(cur)?.link;
      if (link !== undefined && depth < 8) cur = this.resolve(link.startsWith('/') ? link : `${parentDir(cur)}/${link}`, depth + 1);
    }
    return cur || '/';
  }

  /** What is at p: a file the script wrote, or the image's file, directory or link. */
  stat(p: string, follow: boolean): Stat | undefined {
    const written = this.env.files.get(p) ?? this.env.files.get(normalizePath(p));
    if (written !== undefined) return { kind: 'file', content: written, mode: 0o644 };
    const path = follow ? this.resolve(p) : `${this.resolve(parentDir(normalizePath(p)))}/${normalizePath(p).split('/').pop()}`.replace(/^\/\//, '/');
    const f = this.env.image?.get(path);
    if (f?.link !== undefined) return { kind: 'link', target: f.link };
    if (f?.dir || path === '/' || this.children(path).length > 0) return { kind: 'dir', mode: f?.mode ?? 0o755 };
    if (f) return { kind: 'file', content: f.content ?? '', mode: f.mode ?? 0o644 };
    if (path !== normalizePath(p)) return this.env.files.has(path) ? { kind: 'file', content: this.env.files.get(path)!, mode: 0o644 } : undefined;
    return undefined;
  }

  /** The names directly inside dir (an already resolved path). */
  children(dir: string): string[] {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...(this.env.image?.keys() ?? []), ...[...this.env.files.keys()].map(normalizePath)]) {
      if (p.startsWith(prefix) && p.length > prefix.length) names.add(p.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }

  /** busybox ls with -l, -a, -A, -1 (one name a line: its output is never a terminal here). */
  *ls(args: string[]): Generator<ShellEvent, void, void> {
    const flags = new Set(args.filter((a) => /^-[a-zA-Z1]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
    const operands = args.filter((a) => !/^-[a-zA-Z1]+$/.test(a));
    const long = flags.has('l');
    const line = (name: string, st: Stat): string => {
      if (!long) return name;
      const size = st.kind === 'file' ? st.content.length : st.kind === 'link' ? st.target.length : 4096;
      const nlink = st.kind === 'dir' ? 2 : 1;
      const tail = st.kind === 'link' ? `${name} -> ${st.target}` : name;
      return `${modeString(st).padEnd(10)} ${String(nlink).padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${String(size).padStart(9)} ${lsTime(this.env.startedAt)} ${tail}`;
    };
    const files: string[] = [];
    const dirs: string[] = [];
    for (const arg of operands.length ? operands : ['.']) {
      const st = this.stat(arg, !(long && !arg.endsWith('/')));
      const target = st?.kind === 'link' ? this.stat(arg, true) : st;
      if (!st || !target) {
        yield this.out(`ls: ${arg}: No such file or directory`, 'stderr');
        this.status = 1;
      } else if (target.kind === 'dir' && !(long && st.kind === 'link')) dirs.push(arg);
      else files.push(line(arg, st));
    }
    for (const f of files) yield this.out(f);
    for (const [i, arg] of dirs.entries()) {
      if (operands.length > 1) {
        if (i > 0 || files.length) yield this.out('');
        yield this.out(`${arg}:`);
      }
      const dir = this.resolve(arg);
      const names = this.children(dir).filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'));
      if (flags.has('a')) names.unshift('.', '..');
      const entries = names.map((n) => [n, n === '.' || n === '..' ? ({ kind: 'dir', mode: 0o755 } as Stat) : this.stat(`${dir}/${n}`, false)!] as const);
      // busybox counts 1K blocks; a small file takes a 4K block, links and tmpfs directories none.
      if (long) yield this.out(`total ${entries.reduce((t, [, st]) => t + (st.kind === 'file' && st.content ? 4 : 0), 0)}`);
      for (const [n, st] of entries) yield this.out(line(n, st));
    }
  }

  file(path: string, exists: boolean, content?: string): ShellEvent {
    if (exists) this.env.files.set(path, content ?? '');
    else this.env.files.delete(path);
    return { atMs: this.time, kind: 'file', path, exists, content };
  }

  test(args: string[]): boolean {
    if (args.length === 0) return false;
    if (args[0] === '!') return !this.test(args.slice(1));
    if (args.length === 1) return args[0] !== '';
    if (args.length === 2) {
      const [op, v] = args as [string, string];
      const st = this.stat(v, true);
      if (op === '-e') return st !== undefined;
      if (op === '-f') return st?.kind === 'file';
      if (op === '-d') return st?.kind === 'dir';
      if (op === '-n') return v !== '';
      if (op === '-z') return v === '';
      return false;
    }
    const [a, op, b] = args as [string, string, string];
    const x = Number(a);
    const y = Number(b);
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '-eq':
        return x === y;
      case '-ne':
        return x !== y;
      case '-lt':
        return x < y;
      case '-le':
        return x <= y;
      case '-gt':
        return x > y;
      case '-ge':
        return x >= y;
    }
    return false;
  }
}

/** Runs a script lazily: yields its output, file changes and (if it ends) its exit, in time order. */
export function* runScript(src: string, env: ShellEnv): Generator<ShellEvent, void, void> {
  const shell = new Shell(env);
  let tree: Node;
  try {
    tree = parseScript(src);
  } catch (e) {
    yield { atMs: 0, kind: 'out', text: `sh: ${(e as Error).message}`, stream: 'stderr' };
    yield { atMs: 0, kind: 'exit', code: 2 };
    return;
  }
  try {
    yield* shell.run(tree);
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
    if (Number.isFinite(shell.time)) yield { atMs: shell.time, kind: 'exit', code: e.code };
    return;
  }
  if (Number.isFinite(shell.time)) yield { atMs: shell.time, kind: 'exit', code: shell.status };
}

/** One exec (`kubectl exec`, exec probes) against the files the container has at this moment. */
export function runOnce(argv: string[], env: ShellEnv): { exitCode: number; output: string } {
  const shell = new Shell({ ...env, vars: { ...env.vars }, files: new Map(env.files) });
  let output = '';
  let exitCode = 0;
  try {
    for (const e of shell.builtin(argv)) if (e.kind === 'out') output += `${e.text}\n`;
    exitCode = shell.status;
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
    exitCode = e.code;
  }
  return { exitCode, output };
}
