// Go's %#v rendering of the few structured values upstream puts in error messages. A learner
// sees these verbatim (`map[string]string{"app":"x"}`), so they must read exactly as Go prints them.

/** Go's %q for a string (close enough: JSON escaping agrees with Go for printable text). */
export function goString(s: string): string {
  return JSON.stringify(s);
}

/** map[string]string{"a":"1", "b":"2"} — fmt sorts map keys; nil map prints as map[string]string(nil). */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const parts = Object.keys(m)
    .sort()
    .map((k) => `${goString(k)}:${goString(String(m[k]))}`);
  return `map[string]string{${parts.join(', ')}}`;
}

/** []string{"a", "b"}; nil prints as []string(nil). */
export function goStringSlice(values: readonly string[] | undefined): string {
  if (values === undefined || values === null) return '[]string(nil)';
  return `[]string{${values.map(goString).join(', ')}}`;
}

/** intstr.IntOrString{Type:0, IntVal:80, StrVal:""} — the struct form, since IntOrString's String() has a pointer receiver. */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goString(v)}}`;
  const n = typeof v === 'number' ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}

interface SelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

/** v1.LabelSelector{MatchLabels:…, MatchExpressions:…} as printed for an immutable selector. */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: SelectorRequirement[] } | undefined): string {
  if (!sel) return '(*v1.LabelSelector)(nil)';
  const exprs = sel.matchExpressions;
  const exprText =
    exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (r) =>
              `v1.LabelSelectorRequirement{Key:${goString(r.key ?? '')}, Operator:${goString(r.operator ?? '')}, Values:${goStringSlice(r.values)}}`,
          )
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprText}}`;
}
