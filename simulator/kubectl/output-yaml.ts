// `-o yaml` as kubectl prints it: JSON turned into YAML by sigs.k8s.io/yaml, which hands it to
// go-yaml v2. So map keys come out sorted, lists sit at their parent key's indentation, strings
// that would read back as something else ("2", "true", "", timestamps) are double-quoted, strings
// with line breaks become `|` blocks, and long strings fold at column 80 like go-yaml's emitter.

const BEST_WIDTH = 80;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The whole document for one object (ends with a newline). */
export function toYaml(value: unknown): string {
  const out = new Emitter();
  out.node(value as Json, 0, 'top');
  return out.text();
}

// ---- which style a string needs (go-yaml's resolve + emitter analysis) ----

const yaml11Bools = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const yamlNulls = new Set(['', '~', 'null', 'Null', 'NULL']);
const yamlSpecialFloats = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const timestampForms = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/,
];

/** Go's strconv.ParseInt/ParseUint with base 0 (0x, 0o, 0b, leading-0 octal). */
function goParsesAsInt(text: string): boolean {
  return /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.test(text);
}

/** True when go-yaml would read the plain text back as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (yamlNulls.has(s)) return true;
  const first = s[0]!;
  if ('yYnNtTfFoO~'.includes(first)) return yaml11Bools.has(s);
  if (first === '.') return yamlSpecialFloats.has(s) || (yamlStyleFloat.test(s) && Number.isFinite(Number(s)));
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (yamlSpecialFloats.has(s)) return true;
    if (timestampForms.some((re) => re.test(s))) return true;
    const plain = s.replace(/_/g, '');
    if (goParsesAsInt(plain)) return true;
    if (yamlStyleFloat.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  flowPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string | undefined) => c === ' ';
const isBlankOrEnd = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

/** go-yaml's is_printable: tab and most control characters are not. */
function isPrintable(c: string): boolean {
  const code = c.codePointAt(0)!;
  if (code === 0x0a) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code === 0x85) return true;
  if (code >= 0xa0 && code <= 0xd7ff) return true;
  if (code >= 0xe000 && code <= 0xfffd) return code !== 0xfeff;
  return code >= 0x10000 && code <= 0x10ffff;
}

function analyze(value: string): Analysis {
  const chars = Array.from(value);
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (c === '?' || c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(c)) flowIndicators = true;
      if (c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  });
  const a: Analysis = { multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** Most Kubernetes strings (names, images, keys) are plain; skip the full analysis for them. */
const simplePlain = /^[A-Za-z_\/][A-Za-z0-9._\/-]*$/;

/** The same strings come back in every object (keys, phases, images): remember their style. */
const styleCache = [new Map<string, Style>(), new Map<string, Style>()] as const;
const styleCacheLimit = 20_000;

function cachedStyle(value: string, simpleKey: boolean): Style {
  const cache = styleCache[simpleKey ? 1 : 0];
  let style = cache.get(value);
  if (style === undefined) {
    style = chooseStyle(value, simpleKey);
    if (cache.size >= styleCacheLimit) cache.clear();
    cache.set(value, style);
  }
  return style;
}

function chooseStyle(value: string, simpleKey: boolean): Style {
  if (simplePlain.test(value) && !resolvesToNonString(value)) return 'plain';
  const canUsePlain = !resolvesToNonString(value) && !base60Float.test(value);
  let style: Style = value.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  const a = analyze(value);
  if (simpleKey && a.multiline) return 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (value.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

// ---- numbers as go-yaml writes what came from JSON ----

/** Go's strconv.FormatFloat(f, 'g', -1, 64) for the value JSON carried. */
export function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [mantissa, e] = n.toExponential().split('e');
    const sign = e!.startsWith('-') ? '-' : '+';
    const digits = e!.replace(/^[+-]/, '');
    return `${mantissa}e${sign}${digits.padStart(2, '0')}`;
  }
  return String(n);
}

// ---- the emitter ----

/** Printable ASCII without `"` and `\`: nothing to escape in a double-quoted string. */
const plainAscii = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

const indents: string[] = [];
/** `n` spaces, made once per width. */
function spaces(n: number): string {
  return (indents[n] ??= ' '.repeat(n));
}

class Emitter {
  private out = '';
  private column = 0;

  text(): string {
    return this.out;
  }

  private write(s: string): void {
    this.out += s;
    // Columns count characters; UTF-16 length is close enough outside the astral planes.
    const nl = s.lastIndexOf('\n');
    this.column = nl < 0 ? this.column + s.length : s.length - nl - 1;
  }

  private newline(indent: number): void {
    this.write('\n' + spaces(indent));
  }

  /**
   * Writes a value. `indent` is the column of the mapping keys around it; `at` says where it
   * starts: the document top, after `key:`, or after `- `.
   */
  node(value: Json, indent: number, at: 'top' | 'value' | 'item'): void {
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.write(at === 'value' ? ' []\n' : '[]\n');
        return;
      }
      if (at === 'value') this.write('\n');
      value.forEach((item, i) => {
        if (i > 0 || at === 'value') this.write(spaces(indent));
        this.write('- ');
        this.node(item, indent + 2, 'item');
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      const keys = sortedKeys(value);
      if (keys.length === 0) {
        this.write(at === 'value' ? ' {}\n' : '{}\n');
        return;
      }
      if (at === 'value') this.write('\n');
      keys.forEach((key, i) => {
        if (i > 0 || at === 'value') this.write(spaces(indent));
        this.scalar(key, indent, true);
        this.write(':');
        const child = value[key]!;
        const childIndent = Array.isArray(child) ? indent : indent + 2;
        if (child !== null && typeof child === 'object') this.node(child, childIndent, 'value');
        else {
          this.write(' ');
          this.scalarValue(child, indent + 2);
          this.write('\n');
        }
      });
      return;
    }
    if (at === 'value') this.write(' ');
    this.scalarValue(value, indent);
    this.write('\n');
  }

  private scalarValue(value: null | boolean | number | string, indent: number): void {
    if (value === null) this.write('null');
    else if (typeof value === 'boolean') this.write(value ? 'true' : 'false');
    else if (typeof value === 'number') this.write(goFloat(value));
    else this.scalar(value, indent, false);
  }

  /** A string in the style go-yaml picks; `indent` is where folded continuation lines start. */
  private scalar(value: string, indent: number, simpleKey: boolean): void {
    switch (cachedStyle(value, simpleKey)) {
      case 'plain':
        return this.plain(value, indent, !simpleKey);
      case 'single':
        return this.singleQuoted(value, indent, !simpleKey);
      case 'double':
        return this.doubleQuoted(value, indent, !simpleKey);
      case 'literal':
        return this.literal(value, indent);
    }
  }

  private plain(value: string, indent: number, allowBreaks: boolean): void {
    if (!allowBreaks || this.column + value.length <= BEST_WIDTH || !value.includes(' ')) {
      this.write(value);
      return;
    }
    const chars = Array.from(value);
    let spaces = false;
    let out = '';
    const flush = () => {
      if (out) this.write(out);
      out = '';
    };
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        flush();
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.newline(indent);
        else this.write(' ');
        spaces = true;
      } else {
        out += c;
        spaces = false;
      }
    }
    flush();
  }

  private singleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    if (!value.includes("'") && this.fitsUnbroken(value, allowBreaks)) {
      this.write(`'${value}'`);
      return;
    }
    const chars = Array.from(value);
    this.write("'");
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') this.newline(indent);
        else this.write(' ');
        spaces = true;
      } else {
        this.write(c === "'" ? "''" : c);
        spaces = false;
      }
    }
    this.write("'");
  }

  private doubleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    if (plainAscii.test(value) && this.fitsUnbroken(value, allowBreaks)) {
      this.write(`"${value}"`);
      return;
    }
    const chars = Array.from(value);
    this.write('"');
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\') {
        this.write(escapeChar(c));
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.newline(indent);
          if (chars[i + 1] === ' ') this.write('\\');
        } else this.write(' ');
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.write('"');
  }

  /** No space in a quoted string can fold here: none, or the closing quote stays within the width. */
  private fitsUnbroken(value: string, allowBreaks: boolean): boolean {
    return !allowBreaks || !value.includes(' ') || this.column + value.length + 2 <= BEST_WIDTH;
  }

  private literal(value: string, indent: number): void {
    let chomp = '';
    if (!value.endsWith('\n')) chomp = '-';
    else if (value === '\n' || value.endsWith('\n\n')) chomp = '+';
    const hint = value.startsWith(' ') || value.startsWith('\n') ? '2' : '';
    this.write(`|${hint}${chomp}`);
    const body = chomp === '-' ? value : value.slice(0, -1);
    for (const line of body.split('\n')) {
      if (line === '') this.write('\n');
      else this.write('\n' + spaces(indent) + line);
    }
  }
}

function escapeChar(c: string): string {
  switch (c) {
    case '\0':
      return '\\0';
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\x0b':
      return '\\v';
    case '\f':
      return '\\f';
    case '\r':
      return '\\r';
    case '\x1b':
      return '\\e';
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\u0085':
      return '\\N';
    case '\u00a0':
      return '\\_';
    case '\u2028':
      return '\\L';
    case '\u2029':
      return '\\P';
  }
  const code = c.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** An object's keys in go-yaml's order. Objects of one kind share their key sets (every pod's
 * `metadata`), so the order is remembered per key set. */
const keyOrderCache = new Map<string, string[]>();

function sortedKeys(value: { [key: string]: Json }): string[] {
  const keys = Object.keys(value);
  if (keys.length < 2 || alreadyInLetterOrder(keys)) return keys;
  const signature = keys.join('\0');
  let sorted = keyOrderCache.get(signature);
  if (!sorted) {
    sorted = keys.slice().sort(byGoStringOrder);
    if (keyOrderCache.size >= styleCacheLimit) keyOrderCache.clear();
    keyOrderCache.set(signature, sorted);
  }
  return sorted;
}

/** Keys of ASCII letters only, already ascending (most API objects as stored): nothing to sort. */
function alreadyInLetterOrder(keys: string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    for (let j = 0; j < key.length; j++) if (!asciiLetter(key.charCodeAt(j))) return false;
    if (key.length === 0 || (i > 0 && !(keys[i - 1]! < key))) return false;
  }
  return true;
}

/** go-yaml's key order (keyList.Less): rune by rune, non-letters before letters, and runs of
 * digits compared as numbers, so `a2` sorts before `a10`. */
function byGoStringOrder(a: string, b: string): number {
  if (a === b) return 0;
  return goKeyLess(a, b) ? -1 : 1;
}

const asciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function goKeyLess(a: string, b: string): boolean {
  // Plain ASCII letters (most keys) compare as Go compares runes; no digits or punctuation tricks.
  if (/^[A-Za-z]+$/.test(a) && /^[A-Za-z]+$/.test(b)) return a < b;
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

const isLetter = (c: string) => (c.length === 1 && c.charCodeAt(0) < 128 ? asciiLetter(c.charCodeAt(0)) : /\p{L}/u.test(c));
const isDigit = (c: string) => c >= '0' && c <= '9';
