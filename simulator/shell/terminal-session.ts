// Glue between xterm.js and the shell: keys go to the LineEditor while the prompt is up, and
// to Ctrl-C handling while a command runs. Unfinished lines get a '> ' continuation prompt;
// output newlines become CRLF for the terminal. The host only wires onData and write.
import { shellCompleter } from './completion.ts';
import { LineEditor } from './line-editor.ts';
import { bashPrompt } from './prompt.ts';
import { INTERRUPTED, type Shell } from './shell.ts';
import type { Output } from './streams.ts';

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

  constructor(opts: TerminalSessionOptions) {
    this.opts = opts;
    this.shell = opts.shell;
    this.editor = new LineEditor({
      history: () => this.shell.history(),
      complete: shellCompleter(this.shell),
      columns: () => this.columns,
    });
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
        this.opts.write('^C\r\n');
        this.running.abort();
      } else {
        this.typeAhead += data;
      }
      return;
    }
    this.feed(data);
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
      write: (text) => this.opts.write(text.replace(/\r?\n/g, '\r\n')),
      isTerminal: true,
      get columns() {
        return session.columns;
      },
      closed: false,
    };
    let status: number;
    try {
      status = await this.shell.run(source, { stdout: out, stderr: out, signal: controller.signal });
    } catch (error) {
      // A bug in a command must not kill the terminal.
      out.write(`bash: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      status = 1;
      this.shell.lastStatus = 1;
    }
    this.running = undefined;
    this.opts.onCommandDone?.(source, status);
    this.opts.write(this.editor.start(this.prompt()));
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    const typed = this.typeAhead;
    this.typeAhead = '';
    if (typed) this.feed(typed);
  }
}
