// The byte-free plumbing between commands: text in, text out. A pipe is an unbounded queue
// of chunks so a streaming command (kubectl get -w) can feed grep while it is still running.

/** What a command reads. Iterate it for chunks as they arrive, or await text() for everything. */
export interface Input extends AsyncIterable<string> {
  /** True when stdin is the terminal (what the learner types while the command runs). */
  readonly isTerminal: boolean;
  /** Everything until end of input. */
  text(): Promise<string>;
}

/** Where a command writes. Writing never blocks; a pipe whose reader has exited drops the text. */
export interface Output {
  write(text: string): void;
  /** True when this is the learner's terminal (ls prints columns, colors are allowed). */
  readonly isTerminal: boolean;
  /** Terminal width in columns, when isTerminal. */
  readonly columns: number;
  /** True once nobody will read any more (the next command in the pipe has exited). */
  readonly closed: boolean;
}

export function stringInput(text: string, isTerminal = false): Input {
  return {
    isTerminal,
    async text() {
      return text;
    },
    async *[Symbol.asyncIterator]() {
      if (text !== '') yield text;
    },
  };
}

/** A terminal stdin that is already at end of input: for runs with no one typing (tests, graders,
 * `$(…)`). The lab terminal's TerminalSession passes the learner's typing instead. */
export function terminalInput(): Input {
  return stringInput('', true);
}

export function collectOutput(opts: { isTerminal?: boolean; columns?: number } = {}): Output & { text(): string } {
  const chunks: string[] = [];
  return {
    write(text: string) {
      chunks.push(text);
    },
    isTerminal: opts.isTerminal ?? false,
    columns: opts.columns ?? 80,
    closed: false,
    text: () => chunks.join(''),
  };
}

export function callbackOutput(write: (text: string) => void, opts: { isTerminal?: boolean; columns?: number } = {}): Output {
  return { write, isTerminal: opts.isTerminal ?? false, columns: opts.columns ?? 80, closed: false };
}

/** Drops everything: /dev/null. */
export const nullOutput: Output = { write() {}, isTerminal: false, columns: 80, closed: false };

/**
 * A pipe between two commands of a pipeline. The writer side ends with end(); the reader side
 * is abandoned with abandon() when the reading command exits, which is what SIGPIPE tells the
 * writer in a real shell: the shell uses onAbandoned to stop the writer.
 */
export class Pipe {
  private chunks: string[] = [];
  private ended = false;
  private abandoned = false;
  private wake: (() => void) | undefined;
  private abandonListeners: (() => void)[] = [];
  readonly writer: Output;
  readonly reader: Input;

  constructor() {
    const pipe = this;
    this.writer = {
      write(text: string) {
        if (pipe.ended || pipe.abandoned || text === '') return;
        pipe.chunks.push(text);
        pipe.notify();
      },
      isTerminal: false,
      columns: 80,
      get closed() {
        return pipe.abandoned;
      },
    };
    this.reader = {
      isTerminal: false,
      text: async () => {
        let all = '';
        for await (const chunk of this.reader) all += chunk;
        return all;
      },
      [Symbol.asyncIterator]: () => this.iterate(),
    };
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async *iterate(): AsyncGenerator<string> {
    while (true) {
      if (this.chunks.length > 0) {
        yield this.chunks.shift()!;
        continue;
      }
      if (this.ended || this.abandoned) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Takes what was written and not read yet (the terminal hands it on as typed-ahead input). */
  drain(): string {
    const text = this.chunks.join('');
    this.chunks = [];
    return text;
  }

  /** The writer is done: the reader sees end of input once it has drained the queue. */
  end(): void {
    this.ended = true;
    this.notify();
  }

  /** The reader is gone: further writes are dropped and the writer is told to stop. */
  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    this.chunks = [];
    this.notify();
    for (const listener of this.abandonListeners) listener();
  }

  onAbandoned(listener: () => void): void {
    this.abandonListeners.push(listener);
  }
}

/** Lines of an input as they arrive, without their newline. A last line without newline is kept. */
export async function* readLines(input: Input): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of input) {
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  }
  if (pending !== '') yield pending;
}

/** Split text into lines the way line-oriented tools see them: a final newline ends the last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
