// Kubernetes' int-or-percent values, resolved as the Deployment controller resolves them.

/** `25%` of 4 → 1 (down) or 1 (up); `2` → 2. Undefined or malformed → undefined. */
export function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+)%$/.exec(value.trim());
  if (!match) return /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** Levenshtein distance, for "did you mean …?" when a learner's name is a few keys off. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate nearest to `target` within `maxDistance` edits (ties: the first), if any. */
export function closestName(candidates: string[], target: string, maxDistance: number): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(name, target);
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
