// Tab completion for the shell: command names for the first word, the command's own completer
// for its arguments (kubectl plugs in kinds and object names), file names otherwise.
import type { Command, CommandRegistry } from './command.ts';
import type { CompletionCandidate, CompletionRequest } from './completion-types.ts';
import type { LineCompletion } from './line-editor.ts';
import { resolvePath } from './paths.ts';
import type { WorkspaceFs } from './workspace-fs.ts';

/** What the completer needs to know about the shell it completes for. */
export interface CompletionShell {
  readonly commands: CommandRegistry;
  readonly fs: WorkspaceFs;
  readonly cwd: string;
  environment(): Record<string, string>;
}

interface WordsBeforeCursor {
  words: string[];
  current: string;
  start: number;
  quote: '' | '"' | "'";
  /** The word follows a redirection operator, so it names a file. */
  afterRedirect: boolean;
}

/** Split the line up to the cursor into the current command's words, forgivingly. */
export function wordsBeforeCursor(line: string): WordsBeforeCursor {
  let words: string[] = [];
  let current = '';
  let start = 0;
  let inWord = false;
  let quote: '' | '"' | "'" = '';
  let wordQuote: '' | '"' | "'" = '';
  let afterRedirect = false;
  let redirectPending = false;
  const endWord = () => {
    if (inWord) {
      if (!redirectPending) words.push(current);
      redirectPending = false;
    }
    inWord = false;
    current = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      continue;
    }
    if ('|;&()'.includes(c)) {
      endWord();
      words = [];
      redirectPending = false;
      continue;
    }
    if (c === '<' || c === '>') {
      if (inWord && /^\d+$/.test(current)) {
        inWord = false;
        current = '';
      } else endWord();
      redirectPending = true;
      continue;
    }
    if (!inWord) {
      inWord = true;
      start = i;
      wordQuote = c === '"' || c === "'" ? c : '';
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < line.length) current += line[++i];
    else current += c;
  }
  afterRedirect = redirectPending;
  if (!inWord) {
    start = line.length;
    wordQuote = '';
  }
  // Assignments before the command name are not words of the command.
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words.shift();
  return { words, current, start, quote: wordQuote, afterRedirect };
}

/** Files and folders whose names start with the partial path; folders end in '/'. */
export function completeFiles(fs: WorkspaceFs, cwd: string, partial: string, onlyDirectories = false): CompletionCandidate[] {
  const slash = partial.lastIndexOf('/');
  const dirPart = slash >= 0 ? partial.slice(0, slash + 1) : '';
  const base = partial.slice(slash + 1);
  const dir = resolvePath(cwd, dirPart === '' ? '.' : dirPart, fs.home);
  if (!fs.isDirectory(dir)) return [];
  const candidates: CompletionCandidate[] = [];
  for (const name of fs.readdir(dir)) {
    if (!name.startsWith(base)) continue;
    if (name.startsWith('.') && !base.startsWith('.')) continue;
    const isDir = fs.isDirectory(`${dir === '/' ? '' : dir}/${name}`);
    if (onlyDirectories && !isDir) continue;
    const suffix = isDir ? '/' : '';
    candidates.push({ value: dirPart + name + suffix, display: name + suffix, noSpace: isDir });
  }
  return candidates;
}

function completeCommands(commands: CommandRegistry, partial: string): CompletionCandidate[] {
  return commands
    .names()
    .filter((name) => name.startsWith(partial))
    .map((value) => ({ value }));
}

/** A completer for the LineEditor over this shell's commands and workspace. */
export function shellCompleter(shell: CompletionShell): (line: string, cursor: number) => LineCompletion {
  return (line, cursor) => {
    const parsed = wordsBeforeCursor(line.slice(0, cursor));
    const { words, current, start, quote } = parsed;
    const env = shell.environment();
    const done = (candidates: CompletionCandidate[]): LineCompletion => ({ start, quote, candidates: dedupe(candidates) });

    if (current.startsWith('$') && !quote) {
      const name = current.slice(1).replace(/^\{/, '');
      return done(Object.keys(env).filter((n) => n.startsWith(name)).sort().map((n) => ({ value: '$' + n })));
    }
    if (parsed.afterRedirect) return done(completeFiles(shell.fs, shell.cwd, current));
    if (words.length === 0) {
      if (current.includes('/')) return done(completeFiles(shell.fs, shell.cwd, current));
      return done(completeCommands(shell.commands, current));
    }
    const command: Command | undefined = shell.commands.get(words[0]!);
    if (words[0] === 'cd') return done(completeFiles(shell.fs, shell.cwd, current, true));
    if (words[0] === 'help' || words[0] === 'which' || words[0] === 'type' || (words[0] === 'watch' && words.length === 1) || words[0] === 'sudo') {
      return done(completeCommands(shell.commands, current));
    }
    if (command?.complete) {
      const request: CompletionRequest = { words, current, cwd: shell.cwd, env };
      const own = command.complete(request);
      if (own !== undefined) return done(own.filter((c) => c.value.startsWith(current)));
    }
    return done(completeFiles(shell.fs, shell.cwd, current));
  };
}

function dedupe(candidates: CompletionCandidate[]): CompletionCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.value) && seen.add(c.value));
}
