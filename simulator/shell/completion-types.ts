// What Tab completion asks and answers. The shell completes command and file names; a command
// (kubectl) plugs in completion for its own arguments by implementing Command.complete.

export interface CompletionRequest {
  /** Words before the one being completed, from the start of the current simple command. */
  readonly words: readonly string[];
  /** The partial word under the cursor, quotes and escapes removed ('' after a space). */
  readonly current: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface CompletionCandidate {
  /** The whole word that replaces the partial one. */
  value: string;
  /** What the list shows (file completions show the last path part). Defaults to value. */
  display?: string;
  /** Leave the cursor right after the word (directories ending in '/', flags ending in '='). */
  noSpace?: boolean;
}
