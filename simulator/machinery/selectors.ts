// Label selectors: the string syntax of `kubectl get -l` and `?labelSelector=` (parsed like
// apimachinery's labels.Parse, with its error wording) and the LabelSelector objects in specs
// (matchLabels + matchExpressions). Both become a Selector: a list of requirements, all of which
// must hold.
import { badRequest } from './errors.ts';
import { isQualifiedName, isValidLabelValue } from '../kinds/names.ts';

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface Selector {
  readonly requirements: readonly Requirement[];
  /** True when every requirement holds for these labels. */
  matches(labels: Record<string, string> | undefined): boolean;
  /** True for the selector that selects everything (no requirements). */
  readonly empty: boolean;
  /** Upstream's canonical string form. */
  toString(): string;
}

/** Thrown (as an ApiError 400) when a selector string does not parse. */
export class SelectorParseError extends Error {}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key]! : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value!);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      const actual = Number(value);
      const bound = Number(r.values[0]);
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

function requirementString(r: Requirement): string {
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
      return `${r.key} in (${r.values.join(',')})`;
    case 'notin':
      return `${r.key} notin (${r.values.join(',')})`;
    case 'gt':
      return `${r.key}>${r.values[0]}`;
    case 'lt':
      return `${r.key}<${r.values[0]}`;
    default:
      return `${r.key}${r.operator}${r.values[0]}`;
  }
}

export function selectorOf(requirements: Requirement[]): Selector {
  // Upstream sorts by key so the string form is deterministic.
  const sorted = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    requirements: sorted,
    empty: sorted.length === 0,
    matches(labels) {
      const l = labels ?? {};
      for (const r of sorted) if (!requirementMatches(r, l)) return false;
      return true;
    },
    toString() {
      return sorted.map(requirementString).join(',');
    },
  };
}

export const everything: Selector = selectorOf([]);

/** A selector that matches nothing: what a null LabelSelector means in specs. */
export const nothing: Selector = {
  requirements: [],
  empty: false,
  matches: () => false,
  toString: () => '<none>',
};

// ---- the string syntax ----

type Token =
  | 'ident'
  | 'end'
  | 'comma'
  | 'open'
  | 'close'
  | 'in'
  | 'notin'
  | 'eq'
  | 'eqeq'
  | 'neq'
  | 'not'
  | 'gt'
  | 'lt'
  | 'error';
interface Item {
  tok: Token;
  lit: string;
}

const symbols: Record<string, Token> = { ',': 'comma', '(': 'open', ')': 'close', '=': 'eq', '==': 'eqeq', '!=': 'neq', '!': 'not', '>': 'gt', '<': 'lt' };
const special = new Set(['=', '!', '(', ')', ',', '>', '<']);
const space = new Set([' ', '\t', '\r', '\n']);

function lex(input: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  for (;;) {
    while (i < input.length && space.has(input[i]!)) i++;
    if (i >= input.length) {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    if (special.has(input[i]!)) {
      // Longest run of symbol characters that still names an operator.
      let buffer = '';
      let last: Item | undefined;
      while (i < input.length && special.has(input[i]!)) {
        buffer += input[i];
        const tok = symbols[buffer];
        if (tok) last = { tok, lit: buffer };
        else if (last) break;
        i++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
      continue;
    }
    let word = '';
    while (i < input.length && !special.has(input[i]!) && !space.has(input[i]!)) word += input[i++];
    items.push({ tok: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'ident', lit: word });
  }
}

class Parser {
  #items: Item[];
  #pos = 0;
  constructor(input: string) {
    this.#items = lex(input);
  }
  // In value position 'in' and 'notin' are ordinary words: `x in (in, notin)`.
  #peek(values = true): Item {
    const item = this.#items[this.#pos]!;
    return values && (item.tok === 'in' || item.tok === 'notin') ? { tok: 'ident', lit: item.lit } : item;
  }
  #next(values = true): Item {
    const item = this.#peek(values);
    this.#pos++;
    return item;
  }

  parse(): Requirement[] {
    const out: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.#peek();
      if (tok === 'end') return out;
      if (tok !== 'ident' && tok !== 'not') fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        out.push(this.#requirement());
      } catch (e) {
        if (e instanceof SelectorParseError) fail(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.#next();
      if (after.tok === 'end') return out;
      if (after.tok !== 'comma') fail(`found '${after.lit}', expected: ',' or 'end of string'`);
      const following = this.#peek();
      if (following.tok !== 'ident' && following.tok !== 'not') fail(`found '${following.lit}', expected: identifier after ','`);
    }
  }

  #requirement(): Requirement {
    let first = this.#next();
    let negated = false;
    if (first.tok === 'not') {
      negated = true;
      first = this.#next();
    }
    if (first.tok !== 'ident') fail(`found '${first.lit}', expected: identifier`);
    const key = first.lit;
    const keyErrors = isQualifiedName(key);
    if (keyErrors.length) fail(`<nil>: Invalid value: ${JSON.stringify(key)}: ${keyErrors.join('; ')}`);
    const ahead = this.#peek();
    // `!key` takes no operator; anything after it is reported by the caller (`!a=b` → found '=').
    if (negated || ahead.tok === 'end' || ahead.tok === 'comma') {
      return { key, operator: negated ? '!' : 'exists', values: [] };
    }
    const op = this.#next(false);
    let operator: Operator;
    switch (op.tok) {
      case 'in':
        operator = 'in';
        break;
      case 'notin':
        operator = 'notin';
        break;
      case 'eq':
        operator = '=';
        break;
      case 'eqeq':
        operator = '==';
        break;
      case 'neq':
        operator = '!=';
        break;
      case 'gt':
        operator = 'gt';
        break;
      case 'lt':
        operator = 'lt';
        break;
      default:
        fail(`found '${op.lit}', expected: ${binaryOperators}`);
    }
    const values = operator === 'in' || operator === 'notin' ? this.#setValues() : this.#exactValue();
    for (const v of values) {
      const errs = isValidLabelValue(v);
      if (errs.length) fail(`[${key}]: Invalid value: ${JSON.stringify(v)}: ${errs.join('; ')}`);
    }
    if ((operator === 'gt' || operator === 'lt') && !/^-?\d+$/.test(values[0] ?? '')) {
      fail(`[${key}]: Invalid value: ${JSON.stringify(values[0] ?? '')}: for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    return { key, operator, values: [...new Set(values)].sort() };
  }

  #setValues(): string[] {
    const open = this.#next();
    if (open.tok !== 'open') fail(`found '${open.lit}' expected: '('`);
    const first = this.#peek();
    if (first.tok === 'close') {
      this.#next();
      return [''];
    }
    if (first.tok !== 'ident' && first.tok !== 'comma') fail(`found '${first.lit}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const item = this.#next();
      if (item.tok === 'ident') {
        values.add(item.lit);
        const after = this.#peek();
        if (after.tok === 'comma') continue;
        if (after.tok === 'close') break;
        fail(`found '${after.lit}', expected: ',' or ')'`);
      } else if (item.tok === 'comma') {
        // Empty strings between commas are values too: `x in (a,,b)`.
        if (values.size === 0) values.add('');
        const after = this.#peek();
        if (after.tok === 'close' || after.tok === 'comma') values.add('');
        if (after.tok === 'close') break;
      } else {
        fail(`found '${item.lit}', expected: ',', or identifier`);
      }
    }
    this.#next(); // ')'
    return [...values];
  }

  #exactValue(): string[] {
    const ahead = this.#peek();
    if (ahead.tok === 'end' || ahead.tok === 'comma') return [''];
    const item = this.#next();
    if (item.tok !== 'ident') fail(`found '${item.lit}', expected: identifier`);
    return [item.lit];
  }
}

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

function fail(message: string): never {
  throw new SelectorParseError(message);
}

/** Parses `app=web,tier in (a,b),!canary`. Throws a 400 ApiError with upstream's wording when it does not parse. */
export function parseLabelSelector(text: string | undefined): Selector {
  if (text === undefined || text.trim() === '') return everything;
  try {
    return selectorOf(new Parser(text).parse());
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(e.message);
    throw e;
  }
}

// ---- LabelSelector objects (spec.selector of Deployments, ReplicaSets, …) ----

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const objectOperators: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** A spec's LabelSelector as a Selector: null/undefined selects nothing, {} selects everything
 * (metav1.LabelSelectorAsSelector). Throws a 400 ApiError for an unknown operator. */
export function selectorFromLabelSelector(sel: LabelSelector | null | undefined): Selector {
  if (sel === null || sel === undefined) return nothing;
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, operator: '=', values: [String(value)] });
  for (const expr of sel.matchExpressions ?? []) {
    const operator = objectOperators[expr.operator];
    if (!operator) throw badRequest(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    reqs.push({ key: expr.key, operator, values: operator === 'exists' || operator === '!' ? [] : [...(expr.values ?? [])].sort() });
  }
  return selectorOf(reqs);
}

/** The selector string kubectl shows for a LabelSelector (e.g. in `kubectl get rs -o wide`). */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  if (sel === null || sel === undefined) return '<none>';
  const s = selectorFromLabelSelector(sel);
  return s.empty ? '<none>' : s.toString();
}

/** matchLabels alone as a selector: what Services and ReplicationControllers use. */
export function selectorFromSet(labels: Record<string, string> | undefined): Selector {
  return selectorOf(Object.entries(labels ?? {}).map(([key, value]) => ({ key, operator: '=' as const, values: [value] })));
}
