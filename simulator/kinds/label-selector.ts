// metav1.LabelSelector: validation (ValidateLabelSelector) and matching, as ReplicaSets,
// Deployments and the rest use it to claim their Pods.
import type { FieldError } from './strategy.ts';
import { forbidden, invalid, required } from './field-errors.ts';
import { arrayAt, isObject, stringAt } from './json.ts';
import { validateLabels } from './object-meta.ts';
import { isQualifiedName, isValidLabelValue } from './names.ts';

export interface LabelSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(selector)) return errs;
  errs.push(...validateLabels(selector.matchLabels, `${path}.matchLabels`));
  arrayAt(selector, 'matchExpressions').forEach((expr, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const op = stringAt(expr, 'operator') ?? '';
    const values = arrayAt(expr, 'values');
    switch (op) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
        break;
      default:
        errs.push(invalid(`${p}.operator`, op, 'not a valid selector operator'));
    }
    const key = stringAt(expr, 'key') ?? '';
    for (const msg of isQualifiedName(key)) errs.push(invalid(`${p}.key`, key, msg));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(String(v))) errs.push(invalid(`${p}.values[${j}]`, String(v), msg));
    });
  });
  return errs;
}

/** A selector with neither matchLabels nor matchExpressions selects everything (or, for controllers, is refused). */
export function isEmptySelector(selector: unknown): boolean {
  if (!isObject(selector)) return true;
  const labels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  return labels + arrayAt(selector, 'matchExpressions').length === 0;
}

export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (have[k] !== v) return false;
  for (const r of selector.matchExpressions ?? []) {
    const key = r.key ?? '';
    const present = Object.hasOwn(have, key);
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In':
        if (!present || !values.includes(have[key]!)) return false;
        break;
      case 'NotIn':
        if (present && values.includes(have[key]!)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
