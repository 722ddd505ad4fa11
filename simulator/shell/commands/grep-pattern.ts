// grep's patterns as JavaScript regular expressions: basic (BRE, the default), extended (-E)
// and fixed strings (-F), with POSIX bracket classes, -w, -x and -i.

const posixClasses: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'a-zA-Z0-9_',
};

export type PatternSyntax = 'basic' | 'extended' | 'fixed';

/** A grep pattern error, worded as GNU grep prints it after "grep: ". */
export class PatternError extends Error {}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Copy a bracket expression starting at p[i] === '['; returns [regexp text, next index]. */
function bracket(p: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (p[j] === '^') {
    out += '^';
    j++;
  }
  if (p[j] === ']') {
    out += '\\]';
    j++;
  }
  while (j < p.length && p[j] !== ']') {
    const cls = /^\[:([a-z]+):\]/.exec(p.slice(j));
    if (cls) {
      const members = posixClasses[cls[1]!];
      if (!members) throw new PatternError('Invalid character class name');
      out += members;
      j += cls[0].length;
      continue;
    }
    const c = p[j]!;
    out += c === '\\' || c === '[' ? '\\' + c : c;
    j++;
  }
  if (j >= p.length) throw new PatternError('Unmatched [, [^, [:, [., or [=');
  return [out + ']', j + 1];
}

function translate(p: string, syntax: 'basic' | 'extended'): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|');
    if (c === '\\') {
      const n = p[i + 1];
      i++;
      if (n === undefined) throw new PatternError('Trailing backslash');
      if (syntax === 'basic' && '(){}|+?'.includes(n)) {
        if (n === '(') depth++;
        if (n === ')' && --depth < 0) throw new PatternError('Unmatched ) or \\)');
        out += n;
      } else if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if ('wWsSbB'.includes(n)) out += '\\' + n;
      else if (/[1-9]/.test(n)) out += '\\' + n;
      else out += escapeRegExp(n);
    } else if (c === '[') {
      const [text, next] = bracket(p, i);
      out += text;
      i = next - 1;
    } else if (syntax === 'basic' && '(){}|+?'.includes(c)) {
      out += '\\' + c;
    } else if (c === '*' && atStart) {
      out += '\\*';
    } else if (syntax === 'extended' && c === '(') {
      depth++;
      out += c;
    } else if (syntax === 'extended' && c === ')') {
      if (--depth < 0) throw new PatternError('Unmatched ) or \\)');
      out += c;
    } else if (syntax === 'extended' && c === '{' && !/^\{\d+(,\d*)?\}/.test(p.slice(i))) {
      out += '\\{';
    } else if (c === '/') {
      out += '\\/';
    } else {
      out += c;
    }
  }
  if (depth > 0) throw new PatternError('Unmatched ( or \\(');
  return out;
}

export interface PatternOptions {
  syntax: PatternSyntax;
  ignoreCase: boolean;
  wholeWord: boolean;
  wholeLine: boolean;
}

/** One regular expression matching any of the patterns (global, for -o). */
export function compilePatterns(patterns: readonly string[], opts: PatternOptions): RegExp {
  const alternatives = patterns.map((p) => (opts.syntax === 'fixed' ? escapeRegExp(p) : translate(p, opts.syntax)));
  let source = alternatives.map((a) => `(?:${a})`).join('|');
  if (opts.wholeLine) source = `^(?:${source})$`;
  else if (opts.wholeWord) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(source, opts.ignoreCase ? 'gi' : 'g');
  } catch {
    throw new PatternError('Invalid regular expression');
  }
}
