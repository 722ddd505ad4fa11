// Glue between xterm.js and the shell: keys go to the LineEditor while the prompt is up. While a
// command runs, the terminal is its stdin, as a tty in canonical mode would be: keys go through a
// second line editor (echo, line editing), each Enter hands the line to the command through a
// pipe, Ctrl-D on an empty line ends its input, and Ctrl-C still interrupts. What the command did
// not read is typed-ahead input for the next prompt, as with bash. Unfinished lines get a '> '
// continuation prompt; output newlines become CRLF for the terminal. The host only wires onData
// and write.
import { shellCompleter } from './completion.ts';
import { LineEditor } from './line-editor.ts';
import { bashPrompt } from './prompt.ts';
import { INTERRUPTED, type Shell } from './shell.ts';
import { Pipe, type Input, type Output } from './streams.ts';

export interface TerminalSessionOptions {
  shell: Shell;
  /** Write to the terminal (xterm.write). */
  write: (text: string) => void;
  /** The prompt text; the host supplies the namespace. Defaults to learner@wheelhouse:~$ */
  prompt?: () => string;
  /** Terminal width in columns (xterm.cols). */
  columns?: () => number;
  /** Called after each command line finishes (the page refreshes its cluster view). */
  onCommandDone?: (line: string, status: number) => void;
}

export class TerminalSession {
  private readonly shell: Shell;
  private readonly editor: LineEditor;
  private readonly opts: TerminalSessionOptions;
  /** Lines typed so far of a command that is not complete yet. */
  private pendingLines: string[] = [];
  private running: AbortController | undefined;
  private typeAhead = '';
  private idleWaiters: (() => void)[] = [];
  /** The running command's stdin, and the editor for the lines typed into it. */
  private stdin: Pipe | undefined;
  private readonly inputEditor: LineEditor;
  private inputHistory: string[] = [];
  /** True when output arrived since the input editor last drew: it restarts after that output. */
  private inputStale = true;
  /** What the terminal's current row shows (after the last newline): the input editor's "prompt". */
  private rowText = '';

  constructor(opts: TerminalSessionOptions) {
    this.opts = opts;
    this.shell = opts.shell;
    this.editor = new LineEditor({
      history: () => this.shell.history(),
      complete: shellCompleter(this.shell),
      columns: () => this.columns,
    });
    this.inputEditor = new LineEditor({ history: () => this.inputHistory, columns: () => this.columns });
  }

  private get columns(): number {
    return this.opts.columns?.() ?? 80;
  }

  private prompt(): string {
    return (
      this.opts.prompt?.() ??
      bashPrompt({ user: this.shell.user, host: this.shell.hostname, directory: this.shell.promptDirectory() })
    );
  }

  /** Show the first prompt. */
  start(): void {
    this.opts.write(this.editor.start(this.prompt()));
  }

  /** True while a command runs. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Terminal input (xterm's onData). */
  input(data: string): void {
    if (this.running) {
      const interrupt = data.indexOf('\x03');
      if (interrupt >= 0) {
        // Like a tty: ^C is echoed, typed-ahead input is discarded, the pipeline is stopped.
        this.typeAhead = '';
        this.inputEditor.start('');
        this.inputStale = true;
        this.stdin?.end();
        this.stdin = undefined;
        this.opts.write('^C\r\n');
        this.running.abort();
      } else {
        this.feedCommand(data);
      }
      return;
    }
    this.feed(data);
  }

  /** Keys for the running command: edited on the current row, sent a line at a time. */
  private feedCommand(data: string): void {
    const stdin = this.stdin;
    if (!stdin) {
      this.typeAhead += data;
      return;
    }
    if (this.inputStale || !this.inputEditor.isActive) {
      // The command wrote since: start again after its output, keeping what was typed so far.
      const pending = this.inputEditor.isActive ? this.inputEditor.line : '';
      this.inputEditor.start(this.rowText);
      this.inputStale = false;
      if (pending) this.echo(this.inputEditor.feed(pending).output);
    }
    const result = this.inputEditor.feed(data);
    this.echo(result.output);
    for (const event of result.events) {
      if (event.type === 'submit') {
        if (event.line.trim() !== '') this.inputHistory.push(event.line);
        this.rowText = '';
        stdin.writer.write(event.line + '\n');
      } else if (event.type === 'eof') {
        this.rowText = '';
        stdin.end();
        this.stdin = undefined;
      }
    }
    if (result.rest) this.feedCommand(result.rest);
  }

  /** The editor's own drawing: on screen, but not the command's output. */
  private echo(text: string): void {
    if (text) this.opts.write(text);
  }

  /** Type a command as if the learner did (a "Run" button in a chapter). Resolves when idle. */
  async type(line: string): Promise<void> {
    this.input(line.replace(/\n/g, '\r') + '\r');
    await this.idle();
  }

  /** Resolves when no command is running. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private feed(data: string): void {
    const result = this.editor.feed(data);
    this.opts.write(result.output);
    for (const event of result.events) {
      if (event.type === 'submit') {
        this.submit(event.line, result.rest);
        return;
      }
      if (event.type === 'interrupt') {
        this.pendingLines = [];
        this.shell.lastStatus = INTERRUPTED;
        this.opts.write(this.editor.start(this.prompt()));
      }
      if (event.type === 'eof') {
        this.pendingLines = [];
        this.opts.write(this.editor.start(this.prompt()));
      }
    }
    if (result.rest) this.feed(result.rest);
  }

  private submit(line: string, rest: string): void {
    this.pendingLines.push(line);
    const source = this.pendingLines.join('\n');
    const parsed = this.shell.parse(source);
    if (parsed.status === 'incomplete') {
      this.opts.write(this.editor.start('> '));
      if (rest) this.feed(rest);
      return;
    }
    this.pendingLines = [];
    this.shell.addHistory(source);
    this.typeAhead = rest;
    void this.execute(source);
  }

  private async execute(source: string): Promise<void> {
    const controller = new AbortController();
    this.running = controller;
    const session = this;
    const out: Output = {
      write: (text) => {
        if (text === '') return;
        this.opts.write(text.replace(/\r?\n/g, '\r\n'));
        this.trackRow(text);
      },
      isTerminal: true,
      get columns() {
        return session.columns;
      },
      closed: false,
    };
    const stdin = (this.stdin = new Pipe());
    this.inputHistory = [];
    this.inputStale = true;
    this.rowText = '';
    this.inputEditor.start('');
    const terminal: Input = {
      isTerminal: true,
      text: () => stdin.reader.text(),
      [Symbol.asyncIterator]: () => stdin.reader[Symbol.asyncIterator](),
    };
    // Lines pasted along with the command are its input first, unechoed, as the tty had them
    // while bash was still reading its line; a trailing partial line is edited as usual.
    const early = this.typeAhead;
    this.typeAhead = '';
    const lastEnter = early.lastIndexOf('\r');
    if (lastEnter >= 0) stdin.writer.write(early.slice(0, lastEnter + 1).replace(/\r/g, '\n'));
    if (early.length > lastEnter + 1) this.feedCommand(early.slice(lastEnter + 1));
    let status: number;
    try {
      status = await this.shell.run(source, { stdin: terminal, stdout: out, stderr: out, signal: controller.signal });
    } catch (error) {
      // A bug in a command must not kill the terminal.
      out.write(`bash: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      status = 1;
      this.shell.lastStatus = 1;
    }
    this.running = undefined;
    // Input the command never read goes to the next prompt, as a tty keeps it for bash.
    const unread = this.stdin ? stdin.drain() : '';
    const partial = this.inputEditor.isActive ? this.inputEditor.line : '';
    this.inputEditor.start('');
    this.stdin = undefined;
    stdin.end();
    this.opts.onCommandDone?.(source, status);
    this.opts.write(this.editor.start(this.prompt()));
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    const typed = unread.replace(/\n/g, '\r') + partial + this.typeAhead;
    this.typeAhead = '';
    if (typed) this.feed(typed);
  }

  /** Follows what the current row shows, so typed input is edited after the command's prompt. */
  private trackRow(text: string): void {
    const nl = text.lastIndexOf('\n');
    this.rowText = nl >= 0 ? text.slice(nl + 1) : this.rowText + text;
    const cr = this.rowText.lastIndexOf('\r');
    if (cr >= 0) this.rowText = this.rowText.slice(cr + 1);
    this.inputStale = true;
  }
}
