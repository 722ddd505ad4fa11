// The shape of a parsed command line. Words keep their parts apart because expansion happens
// when the command runs ($? changes), and quoted parts are never split or globbed.

export type WordPart =
  /** Literal text; quoted text is exempt from field splitting and globbing. */
  | { type: 'text'; value: string; quoted: boolean }
  /** $NAME, ${NAME}, ${NAME:-default}, ${#NAME}, $?, $1 … */
  | { type: 'param'; name: string; quoted: boolean; op?: ParamOp; word?: Word }
  /** ${...} that bash would reject when expanding it: "bad substitution". */
  | { type: 'bad-substitution'; raw: string; quoted: boolean }
  /** $(commands) or `commands`. */
  | { type: 'command'; script: Script; quoted: boolean };

export type ParamOp = ':-' | '-' | ':+' | '+' | ':=' | '=' | 'length';

export interface Word {
  parts: WordPart[];
  /** The text as typed, for messages. */
  raw: string;
}

export type RedirectOp = '<' | '>' | '>>' | '>|' | '<&' | '>&' | '<>' | '<<' | '<<-' | '<<<' | '&>' | '&>>';

export interface Redirect {
  /** The file descriptor redirected; 'both' for &> (stdout and stderr). */
  fd: number | 'both';
  op: RedirectOp;
  /** File name, fd number for >& and <&, delimiter for here-documents, text for <<<. */
  target: Word;
  /** Here-document body, read from the lines after the command. */
  heredoc?: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  /** `a |& b`: this command's stderr goes into the pipe too. */
  stderrToPipe?: boolean;
}

export interface Pipeline {
  commands: SimpleCommand[];
  /** `! cmd` inverts the exit status. */
  negated: boolean;
}

export interface AndOrList {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  /** Ended with `&`. */
  background: boolean;
}

export interface Script {
  lists: AndOrList[];
}
