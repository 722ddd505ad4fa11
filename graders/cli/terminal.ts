// How the CLI writes: ✓ ✗ ! marks, colours only on a terminal that wants them (NO_COLOR, non-TTY
// and TERM=dumb turn them off), and a spinner on stderr for slow clusters (TTY only).
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stdout / stderr are terminals. */
  isTTY: boolean;
  errIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function nodeIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

export interface Style {
  pass: (s: string) => string;
  fail: (s: string) => string;
  error: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

export function useColour(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && io.env.TERM !== 'dumb';
}

export function styleFor(io: CliIO): Style {
  const wrap = (open: number, close: number) => (s: string) => (useColour(io) ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { pass: wrap(32, 39), fail: wrap(31, 39), error: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** A spinner on stderr while `work` runs, shown only after `delayMs` and only on a terminal. */
export async function withSpinner<T>(io: CliIO, label: string, work: Promise<T>, delayMs = 300): Promise<T> {
  if (!io.errIsTTY) return work;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let spinning: ReturnType<typeof setInterval> | undefined;
  const delay = setTimeout(() => {
    spinning = setInterval(() => io.err(`\r${frames[frame++ % frames.length]} ${label}`), 80);
  }, delayMs);
  try {
    return await work;
  } finally {
    clearTimeout(delay);
    if (spinning) {
      clearInterval(spinning);
      io.err('\r\x1b[K');
    }
  }
}
