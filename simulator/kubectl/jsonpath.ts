// kubectl's JSONPath (k8s.io/client-go/util/jsonpath): a template of plain text and {actions}.
// Actions walk the object: `.field`, `['field']`, `[0]`, `[-1]`, `[1:3]`, `[*]`, `..field`
// (recursive descent), `[?(@.type=="Ready")]` filters, `{range .items[*]}…{end}` loops and
// `{"\n"}` literals. Several results of one action print separated by spaces; maps and lists
// print as compact JSON; missing fields print nothing (kubectl allows missing keys by default).
import { toCompactJson, toJson } from './output-json.ts';

type Node =
  | { type: 'text'; text: string }
  | { type: 'list'; nodes: Node[] } // one action: a path made of steps
  | { type: 'field'; names: string[] } // .a or ['a','b']
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'array'; specs: SliceSpec[] }
  | { type: 'filter'; left: Node[]; op: string; right: Node[] }
  | { type: 'literal'; value: unknown }
  | { type: 'range'; path: Node[]; body: Node[] }
  | { type: 'root' }
  | { type: 'current' };

interface SliceSpec {
  start?: number;
  end?: number;
  step?: number;
  /** `[2]` means `[2:3]`: the end was derived, not written. */
  single: boolean;
}

export class JsonPathError extends Error {}

// ---- parsing ----

export interface JsonPathTemplate {
  readonly source: string;
  readonly nodes: Node[];
}

export function parseJsonPath(source: string): JsonPathTemplate {
  const nodes: Node[] = [];
  const stack: { range: Extract<Node, { type: 'range' }>; outer: Node[] }[] = [];
  let current = nodes;
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{', at);
    if (open < 0) {
      current.push({ type: 'text', text: source.slice(at) });
      break;
    }
    if (open > at) current.push({ type: 'text', text: source.slice(at, open) });
    const close = findActionEnd(source, open + 1);
    if (close < 0) throw new JsonPathError('unclosed action');
    const inside = source.slice(open + 1, close).trim();
    at = close + 1;
    if (inside === 'end') {
      const frame = stack.pop();
      if (!frame) throw new JsonPathError('not in range, nothing to end');
      current = frame.outer;
      continue;
    }
    if (inside.startsWith('range ') || inside === 'range') {
      const range: Extract<Node, { type: 'range' }> = { type: 'range', path: parseAction(inside.slice(5).trim()), body: [] };
      current.push(range);
      stack.push({ range, outer: current });
      current = range.body;
      continue;
    }
    current.push({ type: 'list', nodes: parseAction(inside) });
  }
  if (stack.length) throw new JsonPathError('unclosed range');
  return { source, nodes };
}

/** The index of the `}` closing an action that starts at `from`, skipping quoted strings. */
function findActionEnd(source: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

const isFieldChar = (c: string | undefined) => c !== undefined && (/[\p{L}\p{N}_-]/u.test(c) || c === '\\');
/** client-go's isTerminator: after a '.', a field name runs until one of these (unless escaped),
 * so `.metadata.annotations.kubectl\.kubernetes\.io/restartedAt` names one key with dots and a slash. */
const isTerminator = (c: string | undefined) => c === undefined || ' \t\r\n.,[]$@{}'.includes(c);

function parseAction(text: string): Node[] {
  const p = new ActionParser(text);
  return p.parsePath(() => p.done());
}

class ActionParser {
  at = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  done(): boolean {
    return this.at >= this.text.length;
  }

  peek(offset = 0): string | undefined {
    return this.text[this.at + offset];
  }

  fail(message: string): never {
    throw new JsonPathError(message);
  }

  /** Steps until stop() says the path ends (end of action, or an operator inside a filter). */
  parsePath(stop: () => boolean): Node[] {
    const nodes: Node[] = [];
    while (!stop()) {
      const c = this.peek()!;
      if (c === ' ') {
        this.at++;
        continue;
      }
      if (c === '$') {
        this.at++;
        nodes.push({ type: 'root' });
      } else if (c === '@') {
        this.at++;
        nodes.push({ type: 'current' });
      } else if (c === '.' && this.peek(1) === '.') {
        this.at += 2;
        nodes.push({ type: 'recursive' });
        if (isFieldChar(this.peek()) || this.peek() === '*') nodes.push(this.field());
      } else if (c === '.') {
        this.at++;
        if (this.peek() === '*') {
          this.at++;
          nodes.push({ type: 'wildcard' });
        } else if (this.done() || this.peek() === '[') continue;
        else if (!isTerminator(this.peek())) nodes.push(this.field());
        else this.fail(`unrecognized character in action: ${goRune(this.peek()!)}`);
      } else if (c === '[') {
        nodes.push(this.bracket());
      } else if (c === '"' || c === "'") {
        nodes.push({ type: 'literal', value: this.quoted() });
      } else if (/[-0-9]/.test(c)) {
        const m = /^-?\d+(\.\d+)?/.exec(this.text.slice(this.at))!;
        this.at += m[0].length;
        nodes.push({ type: 'literal', value: Number(m[0]) });
      } else if (this.text.startsWith('true', this.at) || this.text.startsWith('false', this.at)) {
        const value = this.text.startsWith('true', this.at);
        this.at += value ? 4 : 5;
        nodes.push({ type: 'literal', value });
      } else if (isFieldChar(c)) {
        // kubectl's relaxed form: `metadata.name` without the leading dot.
        nodes.push(this.field());
      } else {
        this.fail(`unrecognized character in action: ${goRune(c)}`);
      }
    }
    return nodes;
  }

  private field(): Node {
    let name = '';
    if (this.peek() === '*') {
      this.at++;
      return { type: 'wildcard' };
    }
    while (!isTerminator(this.peek())) {
      if (this.peek() === '\\') {
        name += this.peek(1) ?? '';
        this.at += 2;
      } else {
        name += this.peek();
        this.at++;
      }
    }
    return { type: 'field', names: [name] };
  }

  quoted(): string {
    const quote = this.peek()!;
    let end = this.at + 1;
    while (end < this.text.length && this.text[end] !== quote) end += this.text[end] === '\\' ? 2 : 1;
    if (end >= this.text.length) this.fail('unterminated quoted string');
    const raw = this.text.slice(this.at + 1, end);
    this.at = end + 1;
    return raw.replace(/\\(.)/g, (_, ch: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" })[ch] ?? `\\${ch}`);
  }

  private bracket(): Node {
    const close = this.matchingBracket();
    const inner = this.text.slice(this.at + 1, close).trim();
    this.at = close + 1;
    if (inner === '*') return { type: 'wildcard' };
    if (inner.startsWith('?')) return this.filter(inner);
    if (inner.startsWith("'") || inner.startsWith('"')) {
      const names: string[] = [];
      const p = new ActionParser(inner);
      while (!p.done()) {
        if (p.peek() === ',' || p.peek() === ' ') {
          p.at++;
          continue;
        }
        if (p.peek() !== "'" && p.peek() !== '"') p.fail(`invalid array index ${inner}`);
        names.push(p.quoted());
      }
      return { type: 'field', names };
    }
    const specs = inner.split(',').map((part) => this.sliceSpec(part.trim(), inner));
    return { type: 'array', specs };
  }

  private matchingBracket(): number {
    let depth = 0;
    let quote: string | undefined;
    for (let i = this.at; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i;
    }
    this.fail('unterminated array');
  }

  private sliceSpec(part: string, whole: string): SliceSpec {
    const pieces = part.split(':');
    if (pieces.length > 3 || pieces.some((p) => p.trim() !== '' && !/^-?\d+$/.test(p.trim()))) this.fail(`invalid array index ${whole}`);
    const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s));
    if (pieces.length === 1) {
      const index = num(pieces[0]);
      if (index === undefined) this.fail(`invalid array index ${whole}`);
      return { start: index, single: true };
    }
    return { start: num(pieces[0]), end: num(pieces[1]), step: num(pieces[2]), single: false };
  }

  private filter(inner: string): Node {
    const m = /^\?\((.*)\)$/s.exec(inner);
    if (!m) this.fail('unterminated filter');
    const body = m[1]!.trim();
    const opMatch = /(==|!=|<=|>=|<|>)/.exec(stripQuoted(body));
    if (!opMatch) return { type: 'filter', left: parseAction(body), op: 'exists', right: [] };
    return {
      type: 'filter',
      left: parseAction(body.slice(0, opMatch.index).trim()),
      op: opMatch[1]!,
      right: parseAction(body.slice(opMatch.index + opMatch[1]!.length).trim()),
    };
  }
}

/** The text with quoted parts blanked, so operators inside string literals are not found. */
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (s) => ' '.repeat(s.length));
}

function goRune(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}

// ---- evaluation ----

type Value = unknown;

const isMap = (v: Value): v is Record<string, Value> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface JsonPathOptions {
  allowMissingKeys?: boolean;
  /** jsonpath-as-json: each action prints its results as one indented JSON array. */
  outputJson?: boolean;
}

/** Runs a template against data and returns the text kubectl prints. */
export function executeJsonPath(template: JsonPathTemplate, data: Value, opts: JsonPathOptions = {}): string {
  const ctx = { root: data, allowMissing: opts.allowMissingKeys ?? true, outputJson: opts.outputJson ?? false };
  return runNodes(template.nodes, data, ctx);
}

/** Every value a relaxed path (`.metadata.name` or `{.metadata.name}`) finds: --sort-by and custom-columns. */
export function findJsonPathValues(template: JsonPathTemplate, data: Value, allowMissing = true): Value[] {
  const ctx = { root: data, allowMissing, outputJson: false };
  const out: Value[] = [];
  for (const node of template.nodes) if (node.type === 'list') out.push(...evalPath(node.nodes, [data], ctx));
  return out;
}

/** kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b` or `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expression: string): string {
  const trimmed = expression.trim();
  if (trimmed === '') return trimmed;
  const m = /^\{(.*)\}$/s.exec(trimmed);
  const inner = m ? m[1]! : trimmed;
  return `{${inner.startsWith('.') || inner.startsWith('[') ? inner : `.${inner}`}}`;
}

interface EvalContext {
  root: Value;
  allowMissing: boolean;
  outputJson: boolean;
}

function runNodes(nodes: Node[], current: Value, ctx: EvalContext): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'range') {
      for (const item of evalPath(node.path, [current], ctx)) out += runNodes(node.body, item, ctx);
    } else if (node.type === 'list') out += printResults(evalPath(node.nodes, [current], ctx), ctx);
  }
  return out;
}

function printResults(results: Value[], ctx: EvalContext): string {
  if (ctx.outputJson) return toJson(results);
  return results.map((r) => (r !== null && typeof r === 'object' ? toCompactJson(r) : textOf(r))).join(' ');
}

function textOf(v: Value): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

function evalPath(nodes: Node[], input: Value[], ctx: EvalContext): Value[] {
  let values = input;
  for (const node of nodes) values = evalStep(node, values, ctx);
  return values;
}

function evalStep(node: Node, input: Value[], ctx: EvalContext): Value[] {
  switch (node.type) {
    case 'root':
      return [ctx.root];
    case 'current':
      return input;
    case 'literal':
      return [node.value];
    case 'field': {
      const out: Value[] = [];
      for (const v of input) {
        if (!isMap(v)) continue;
        for (const name of node.names) if (name in v) out.push(v[name]);
      }
      if (out.length === 0 && !ctx.allowMissing && input.length > 0) throw new JsonPathError(`${node.names.join(',')} is not found`);
      return out;
    }
    case 'wildcard': {
      const out: Value[] = [];
      for (const v of input) {
        if (Array.isArray(v)) out.push(...v);
        else if (isMap(v)) for (const key of Object.keys(v).sort()) out.push(v[key]);
      }
      return out;
    }
    case 'recursive':
      return input.flatMap((v) => descend(v));
    case 'array': {
      const out: Value[] = [];
      for (const v of input) {
        if (!Array.isArray(v)) continue;
        for (const spec of node.specs) out.push(...slice(v, spec));
      }
      return out;
    }
    case 'filter': {
      const out: Value[] = [];
      for (const v of input) {
        const items = Array.isArray(v) ? v : [];
        for (const item of items) if (filterMatches(node, item, ctx)) out.push(item);
      }
      return out;
    }
    default:
      return [];
  }
}

/** The value and everything under it that has children, in client-go's order (keys sorted). */
function descend(v: Value): Value[] {
  const children = Array.isArray(v) ? v : isMap(v) ? Object.keys(v).sort().map((k) => v[k]) : [];
  if (children.length === 0) return [];
  return [v, ...children.flatMap((c) => descend(c))];
}

function slice(list: Value[], spec: SliceSpec): Value[] {
  const len = list.length;
  let start = spec.start ?? 0;
  if (start < 0) start += len;
  let end: number;
  if (spec.single) end = start + 1;
  else {
    end = spec.end ?? len;
    if (end < 0) end += len;
  }
  if (end === start) return [];
  if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
  if (end > len || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
  if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
  const step = spec.step ?? 1;
  if (step <= 0) throw new JsonPathError('step must be > 0');
  const out: Value[] = [];
  for (let i = start; i < end; i += step) out.push(list[i]);
  return out;
}

function filterMatches(node: Extract<Node, { type: 'filter' }>, item: Value, ctx: EvalContext): boolean {
  const inner = { ...ctx, allowMissing: true };
  const lefts = evalPath(node.left, [item], inner);
  if (node.op === 'exists') return lefts.length > 0;
  const rights = evalPath(node.right, [item], inner);
  if (lefts.length === 0 || rights.length === 0) return false;
  const a = lefts[0];
  const b = rights[0];
  switch (node.op) {
    case '==':
      return a === b || (typeof a === 'number' && typeof b === 'number' && a === b);
    case '!=':
      return a !== b;
    default: {
      if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
      const x = a as number | string;
      const y = b as number | string;
      if (node.op === '<') return x < y;
      if (node.op === '>') return x > y;
      if (node.op === '<=') return x <= y;
      return x >= y;
    }
  }
}
