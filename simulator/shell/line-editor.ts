// The terminal's line editing, as a pure model: keys in (the strings xterm.js hands to onData),
// ANSI text out to redraw the line, plus events (submit, interrupt, clear). Emacs keys as in
// readline: arrows, Home/End, Ctrl-A/E/B/F/U/K/W/Y, Alt-B/F/D, Up/Down and Ctrl-R history,
// Tab completion (one match completes, a second Tab lists several).
import type { CompletionCandidate } from './completion-types.ts';
import { columnLayout } from './column-layout.ts';
import { parseKeys, type Key } from './terminal-keys.ts';

export type EditorEvent =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' } // Ctrl-C: the line was abandoned
  | { type: 'clear' } // Ctrl-L: the screen was cleared
  | { type: 'eof' }; // Ctrl-D on an empty line

export interface EditorResult {
  /** What to write to the terminal. */
  output: string;
  events: EditorEvent[];
  /** Input after a submitted line (pasted lines): feed it again when the next prompt is up. */
  rest: string;
}

/** The word under the cursor and what could replace it. */
export interface LineCompletion {
  /** Index in the line where the word being completed starts (its opening quote, if any). */
  start: number;
  /** The quote the word opened with, so the completion can close it. */
  quote: '' | '"' | "'";
  candidates: CompletionCandidate[];
}

export interface LineEditorOptions {
  /** Entries for Up/Down and Ctrl-R, oldest first. */
  history?: () => readonly string[];
  complete?: (line: string, cursor: number) => LineCompletion;
  /** Terminal width, for wrapping long lines and listing completions. */
  columns?: () => number;
}

const ansi = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

/** How many columns a prompt takes on screen (escape codes take none). */
export function visibleWidth(text: string): number {
  return [...text.replace(ansi, '')].length;
}

/** Characters that must be escaped to stay one word. */
function escapeWord(text: string): string {
  return text.replace(/[ \t"'\\$&|;<>()*?[\]!`{}#]/g, '\\$&');
}

function commonPrefix(values: string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0]!;
  for (const value of values) while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

interface Search {
  query: string;
  /** Index in history of the current match, or -1. */
  match: number;
  failed: boolean;
  saved: { chars: string[]; cursor: number };
}

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  private prompt = '';
  private active = false;
  /** Rows between the top of the prompt and where the terminal cursor is now. */
  private cursorRow = 0;
  private historyIndex = 0;
  private stash: string[] = [];
  private killed = '';
  private lastKeyWasTab = false;
  private search: Search | undefined;
  private readonly opts: LineEditorOptions;

  constructor(opts: LineEditorOptions = {}) {
    this.opts = opts;
  }

  get line(): string {
    return this.chars.join('');
  }

  get isActive(): boolean {
    return this.active;
  }

  private get width(): number {
    return Math.max(10, this.opts.columns?.() ?? 80);
  }

  private history(): readonly string[] {
    return this.opts.history?.() ?? [];
  }

  /** Begin a new line after this prompt; returns what to write. */
  start(prompt: string): string {
    this.prompt = prompt;
    this.chars = [];
    this.cursor = 0;
    this.cursorRow = 0;
    this.active = true;
    this.search = undefined;
    this.historyIndex = this.history().length;
    this.stash = [];
    this.lastKeyWasTab = false;
    // Only the prompt: the row may already hold output without a final newline (echo -n).
    return this.prompt;
  }

  /** Handle terminal input. Stops at a submitted line; the remaining input comes back as rest. */
  feed(data: string): EditorResult {
    let output = '';
    const events: EditorEvent[] = [];
    let consumed = 0;
    for (const { key, length } of parseKeys(data)) {
      if (!this.active) break;
      consumed += length;
      const wasTab = this.lastKeyWasTab;
      this.lastKeyWasTab = key.kind === 'key' && key.name === 'tab';
      output += this.search ? this.searchKey(key, events) : this.key(key, events, wasTab);
    }
    return { output, events, rest: data.slice(consumed) };
  }

  private key(key: Key, events: EditorEvent[], secondTab: boolean): string {
    if (key.kind === 'text') return this.insert([...key.text]);
    switch (key.name) {
      case 'enter': {
        const out = this.moveToEnd() + '\r\n';
        this.active = false;
        events.push({ type: 'submit', line: this.line });
        return out;
      }
      case 'interrupt': {
        const out = this.moveToEnd() + '^C\r\n';
        this.active = false;
        events.push({ type: 'interrupt' });
        return out;
      }
      case 'eof':
        if (this.chars.length > 0) return this.deleteAt(this.cursor);
        this.active = false;
        events.push({ type: 'eof' });
        return this.moveToEnd() + '\r\n';
      case 'clear':
        events.push({ type: 'clear' });
        this.cursorRow = 0;
        return '\x1b[H\x1b[2J' + this.draw();
      case 'backspace':
        return this.cursor > 0 ? this.deleteAt(--this.cursor) : '\x07';
      case 'delete':
        return this.cursor < this.chars.length ? this.deleteAt(this.cursor) : '';
      case 'left':
        this.cursor = Math.max(0, this.cursor - 1);
        break;
      case 'right':
        this.cursor = Math.min(this.chars.length, this.cursor + 1);
        break;
      case 'home':
        this.cursor = 0;
        break;
      case 'end':
        this.cursor = this.chars.length;
        break;
      case 'word-left':
        this.cursor = this.wordStart(this.cursor, /[A-Za-z0-9]/);
        break;
      case 'word-right':
        this.cursor = this.wordEnd(this.cursor);
        break;
      case 'kill-start':
        this.killed = this.chars.splice(0, this.cursor).join('');
        this.cursor = 0;
        break;
      case 'kill-end':
        this.killed = this.chars.splice(this.cursor).join('');
        break;
      case 'kill-word-back': {
        const start = this.wordStart(this.cursor, /\S/);
        this.killed = this.chars.splice(start, this.cursor - start).join('');
        this.cursor = start;
        break;
      }
      case 'kill-word': {
        const end = this.wordEnd(this.cursor);
        this.killed = this.chars.splice(this.cursor, end - this.cursor).join('');
        break;
      }
      case 'yank':
        return this.insert([...this.killed]);
      case 'up':
        return this.recall(this.historyIndex - 1);
      case 'down':
        return this.recall(this.historyIndex + 1);
      case 'search':
        this.search = { query: '', match: -1, failed: false, saved: { chars: [...this.chars], cursor: this.cursor } };
        return this.draw();
      case 'tab':
        return this.completeWord(secondTab);
      default:
        return '';
    }
    return this.draw();
  }

  private insert(text: string[]): string {
    const atEnd = this.cursor === this.chars.length;
    this.chars.splice(this.cursor, 0, ...text);
    this.cursor += text.length;
    // Typing at the end of a line that does not reach the edge: just echo it.
    if (atEnd && !text.includes('\n') && !this.search) {
      const end = this.layout().end;
      if (end.col !== 0 && end.row === this.cursorRow) return text.join('');
    }
    return this.draw();
  }

  private deleteAt(index: number): string {
    this.chars.splice(index, 1);
    return this.draw();
  }

  /** Start of the word before index: skip non-word characters, then word characters. */
  private wordStart(index: number, word: RegExp): number {
    let i = index;
    while (i > 0 && !word.test(this.chars[i - 1]!)) i--;
    while (i > 0 && word.test(this.chars[i - 1]!)) i--;
    return i;
  }

  private wordEnd(index: number): number {
    let i = index;
    while (i < this.chars.length && !/[A-Za-z0-9]/.test(this.chars[i]!)) i++;
    while (i < this.chars.length && /[A-Za-z0-9]/.test(this.chars[i]!)) i++;
    return i;
  }

  private recall(index: number): string {
    const entries = this.history();
    if (index < 0 || index > entries.length) return '\x07';
    if (this.historyIndex === entries.length) this.stash = [...this.chars];
    this.historyIndex = index;
    this.chars = index === entries.length ? [...this.stash] : [...entries[index]!];
    this.cursor = this.chars.length;
    return this.draw();
  }

  // ---- Ctrl-R ----

  private searchKey(key: Key, events: EditorEvent[]): string {
    const search = this.search!;
    if (key.kind === 'text') {
      search.query += key.text;
      this.findMatch(search.match >= 0 ? search.match : this.history().length - 1);
      return this.draw();
    }
    switch (key.name) {
      case 'search':
        this.findMatch(search.match - 1);
        return this.draw();
      case 'backspace':
        search.query = search.query.slice(0, -1);
        this.findMatch(this.history().length - 1);
        return this.draw();
      case 'cancel':
      case 'escape':
      case 'interrupt':
        this.chars = search.saved.chars;
        this.cursor = search.saved.cursor;
        this.search = undefined;
        return key.name === 'interrupt' ? this.key(key, events, false) : this.draw();
      default: {
        // Any other key accepts the match and then does what it does.
        this.search = undefined;
        const out = this.draw();
        return out + this.key(key, events, false);
      }
    }
  }

  /** The newest entry at or before `from` containing the query. */
  private findMatch(from: number): void {
    const search = this.search!;
    const entries = this.history();
    for (let i = Math.min(from, entries.length - 1); i >= 0; i--) {
      const at = entries[i]!.lastIndexOf(search.query);
      if (at >= 0) {
        search.match = i;
        search.failed = false;
        this.chars = [...entries[i]!];
        this.cursor = [...entries[i]!.slice(0, at)].length;
        return;
      }
    }
    search.failed = search.query !== '';
  }

  // ---- completion ----

  private completeWord(secondTab: boolean): string {
    if (!this.opts.complete) return this.insert(['\t']);
    const line = this.line;
    const cursorIndex = this.chars.slice(0, this.cursor).join('').length;
    const { start, quote, candidates } = this.opts.complete(line, cursorIndex);
    if (candidates.length === 0) return '\x07';
    const escape = (text: string) => (quote ? text : escapeWord(text));
    const replace = (text: string) => {
      const before = [...line.slice(0, start)];
      this.chars = [...before, ...text, ...this.chars.slice(this.cursor)];
      this.cursor = before.length + [...text].length;
      return this.draw();
    };
    if (candidates.length === 1) {
      const only = candidates[0]!;
      return replace(quote + escape(only.value) + (only.noSpace ? '' : quote + ' '));
    }
    const prefix = commonPrefix(candidates.map((c) => c.value));
    const typed = line.slice(start + quote.length, cursorIndex);
    if (escape(prefix) !== typed && prefix.length > 0 && escape(prefix).length > typed.length) return replace(quote + escape(prefix));
    if (!secondTab) return '\x07';
    // Second Tab: list the possibilities under the line, then draw the line again.
    const names = candidates.map((c) => c.display ?? c.value).sort();
    const list = columnLayout(names, this.width).replace(/\n/g, '\r\n');
    const out = this.moveToEnd() + '\r\n' + list;
    this.cursorRow = 0;
    return out + this.draw();
  }

  // ---- drawing ----

  private displayPrompt(): string {
    const search = this.search;
    if (!search) return this.prompt;
    return `(${search.failed ? 'failed ' : ''}reverse-i-search)\`${search.query}': `;
  }

  /** Where each character lands, wrapping at the terminal width; '\n' continues with '> '. */
  private layout(): { cursor: { row: number; col: number }; end: { row: number; col: number } } {
    const width = this.width;
    let row = 0;
    let col = 0;
    const advance = (n: number) => {
      for (let i = 0; i < n; i++) {
        col++;
        if (col === width) {
          row++;
          col = 0;
        }
      }
    };
    advance(visibleWidth(this.displayPrompt()));
    let cursor = { row, col };
    this.chars.forEach((c, i) => {
      if (i === this.cursor) cursor = { row, col };
      if (c === '\n') {
        row++;
        col = 0;
        advance(2);
      } else advance(1);
    });
    if (this.cursor === this.chars.length) cursor = { row, col };
    return { cursor, end: { row, col } };
  }

  /** Redraw prompt and line from the prompt's first row, and put the cursor in place. */
  private draw(): string {
    let out = (this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '') + '\r\x1b[J';
    out += this.displayPrompt() + this.chars.join('').replace(/\n/g, '\r\n> ');
    const { cursor, end } = this.layout();
    // Leave the terminal's pending-wrap state so cursor rows match the layout.
    if (end.col === 0 && end.row > 0 && this.chars[this.chars.length - 1] !== '\n') out += '\r\n';
    if (end.row > cursor.row) out += `\x1b[${end.row - cursor.row}A`;
    if (end.row !== cursor.row || end.col !== cursor.col) out += '\r' + (cursor.col > 0 ? `\x1b[${cursor.col}C` : '');
    this.cursorRow = cursor.row;
    return out;
  }

  /** Put the terminal cursor after the last character (before printing below the line). */
  private moveToEnd(): string {
    const { cursor, end } = this.layout();
    let out = '';
    if (end.row > cursor.row) out += `\x1b[${end.row - cursor.row}B`;
    if (end.row !== cursor.row || end.col !== cursor.col) out += '\r' + (end.col > 0 ? `\x1b[${end.col}C` : '');
    this.cursorRow = end.row;
    return out;
  }
}
