// What every command shares: where to write, and the exit code the run ends with.
import type { CliIO } from './terminal.ts';

export interface CliContext {
  io: CliIO;
  exitCode: number;
  /** Resolves on Ctrl-C (for --watch and sim start). */
  stopped: () => Promise<void>;
}
