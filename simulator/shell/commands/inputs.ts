// Reading the files a command names, with '-' (or nothing) meaning standard input.
import type { CommandContext } from '../command.ts';
import { readLines, type Input } from '../streams.ts';
import { FsError } from '../workspace-fs.ts';

export type Operand = { name: string; text: string; stdin: boolean } | { name: string; error: FsError };

/** Read one operand whole. */
export async function readOperand(ctx: CommandContext, name: string): Promise<Operand> {
  if (name === '-') return { name, text: await ctx.stdin.text(), stdin: true };
  if (name === '/dev/null') return { name, text: '', stdin: false };
  try {
    return { name, text: ctx.fs.readFile(ctx.resolve(name)), stdin: false };
  } catch (error) {
    if (error instanceof FsError) return { name, error };
    throw error;
  }
}

/** The lines of an operand, streamed when it is standard input (so `kubectl get -w | grep` flows). */
export async function* operandLines(ctx: CommandContext, name: string, onError: (error: FsError) => void): AsyncGenerator<string> {
  if (name === '-') {
    yield* readLines(ctx.stdin);
    return;
  }
  const operand = await readOperand(ctx, name);
  if ('error' in operand) {
    onError(operand.error);
    return;
  }
  yield* readLines(textInput(operand.text));
}

function textInput(text: string): Input {
  return {
    isTerminal: false,
    text: async () => text,
    async *[Symbol.asyncIterator]() {
      if (text) yield text;
    },
  };
}

/** Operands, or standard input alone when there are none. */
export function operandsOrStdin(operands: readonly string[]): string[] {
  return operands.length > 0 ? [...operands] : ['-'];
}
