// Label maps and label selectors written the way kubectl writes them in columns and in describe.

export type Labels = Record<string, string> | undefined | null;

export interface LabelSelectorRequirement {
  key: string;
  operator: string; // In | NotIn | Exists | DoesNotExist
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** `a=1,b=2` with keys sorted, or `<none>` (labels.FormatLabels). */
export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',');
}

/** Selector syntax (`app=web,tier in (a,b),!canary`) with requirements sorted by key; '' selects everything. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const parts: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    parts.push({ key, text: `${key}=${value}` });
  }
  for (const req of selector.matchExpressions ?? []) {
    const values = [...new Set(req.values ?? [])].sort().join(',');
    let text: string;
    switch (req.operator) {
      case 'In':
        text = `${req.key} in (${values})`;
        break;
      case 'NotIn':
        text = `${req.key} notin (${values})`;
        break;
      case 'Exists':
        text = req.key;
        break;
      case 'DoesNotExist':
        text = `!${req.key}`;
        break;
      default:
        text = `${req.key} ${req.operator} (${values})`;
    }
    parts.push({ key: req.key, text });
  }
  // Upstream sorts requirements by key, stably.
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parts.map((p) => p.text).join(',');
}

/** metav1.FormatLabelSelector: like selectorString but `<none>` when it selects everything. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const text = selectorString(selector);
  return text === '' ? '<none>' : text;
}

interface ContainerLike {
  name?: string;
  image?: string;
}

/** The wide CONTAINERS and IMAGES cells: names and images joined with commas. */
export function containerCells(containers: ContainerLike[] | undefined): { names: string; images: string } {
  const list = containers ?? [];
  return {
    names: list.map((c) => c.name ?? '').join(','),
    images: list.map((c) => c.image ?? '').join(','),
  };
}
