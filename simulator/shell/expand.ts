// Word expansion as bash does it, in order: tilde, parameters and $(…), field splitting of
// unquoted results, pathname expansion, quote removal.
import type { Script, Word } from './ast.ts';
import { escapeGlob, glob, unescapeGlob } from './glob.ts';
import type { WorkspaceFs } from './workspace-fs.ts';

export interface ExpansionContext {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Run $(…) and return its standard output. */
  substitute(script: Script): Promise<string>;
  fs: WorkspaceFs;
  cwd: string;
  home: string;
}

/** `${a b}` and friends: bash reports these when it expands them. */
export class ExpansionError extends Error {}

interface Field {
  text: string;
  /** The same text with quoted glob characters escaped. */
  pattern: string;
  glob: boolean;
}

/** Expand words into argv: splitting and globbing apply. */
export async function expandWords(words: readonly Word[], ctx: ExpansionContext): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) out.push(...(await expandWord(word, ctx)));
  return out;
}

export async function expandWord(word: Word, ctx: ExpansionContext): Promise<string[]> {
  const fields: Field[] = [];
  let current: Field | undefined;
  const ensure = (): Field => (current ??= { text: '', pattern: '', glob: false });
  const finish = () => {
    if (current) fields.push(current);
    current = undefined;
  };
  const addQuoted = (text: string) => {
    const field = ensure();
    field.text += text;
    field.pattern += escapeGlob(text);
  };
  const addUnquoted = (text: string) => {
    const field = ensure();
    field.text += text;
    field.pattern += text;
    if (/[*?[]/.test(text)) field.glob = true;
  };
  const addSplit = (value: string) => {
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0) finish();
      if (piece !== '') addUnquoted(piece);
    });
  };

  for (const [index, part] of word.parts.entries()) {
    if (part.type === 'text') {
      let value = part.value;
      if (index === 0 && !part.quoted) value = expandTilde(value, ctx.home);
      if (part.quoted) addQuoted(value);
      else if (value !== part.value) addQuoted(value); // a home path is not a pattern
      else addUnquoted(value);
      continue;
    }
    const value = await expandPart(part, ctx);
    if (part.quoted) addQuoted(value);
    else addSplit(value);
  }
  finish();

  const out: string[] = [];
  for (const field of fields) {
    const matches = field.glob ? glob(field.pattern, ctx.cwd, ctx.fs) : [];
    if (matches.length > 0) out.push(...matches);
    else out.push(field.glob ? unescapeGlob(field.pattern) : field.text);
  }
  return out;
}

/** Expand to one string, no splitting or globbing: assignments, here-documents. */
export async function expandString(word: Word, ctx: ExpansionContext, opts: { tilde?: boolean } = {}): Promise<string> {
  let out = '';
  for (const [index, part] of word.parts.entries()) {
    if (part.type === 'text') out += index === 0 && !part.quoted && opts.tilde ? expandTilde(part.value, ctx.home) : part.value;
    else out += await expandPart(part, ctx);
  }
  return out;
}

function expandTilde(text: string, home: string): string {
  if (text === '~' || text.startsWith('~/')) return home + text.slice(1);
  return text;
}

async function expandPart(part: Word['parts'][number], ctx: ExpansionContext): Promise<string> {
  switch (part.type) {
    case 'text':
      return part.value;
    case 'bad-substitution':
      throw new ExpansionError(`bash: ${part.raw}: bad substitution`);
    case 'command':
      return (await ctx.substitute(part.script)).replace(/\n+$/, '');
    case 'param': {
      const value = ctx.getVar(part.name);
      switch (part.op) {
        case undefined:
          return value ?? '';
        case 'length':
          return String([...(value ?? '')].length);
        case ':-':
          return value ? value : await expandString(part.word!, ctx, { tilde: true });
        case '-':
          return value !== undefined ? value : await expandString(part.word!, ctx, { tilde: true });
        case ':+':
          return value ? await expandString(part.word!, ctx, { tilde: true }) : '';
        case '+':
          return value !== undefined ? await expandString(part.word!, ctx, { tilde: true }) : '';
        case ':=':
        case '=': {
          if (part.op === ':=' ? value : value !== undefined) return value!;
          const assigned = await expandString(part.word!, ctx, { tilde: true });
          ctx.setVar(part.name, assigned);
          return assigned;
        }
      }
    }
  }
}
