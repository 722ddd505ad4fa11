// Pathname expansion over the workspace (*.yaml, app/*, ?, [ab]). Patterns arrive with quoted
// characters backslash-escaped, so "*.yaml" in quotes stays literal.
import { resolvePath } from './paths.ts';
import type { WorkspaceFs } from './workspace-fs.ts';

export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** A regular expression for one path segment of a glob. */
export function globSegmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) {
      re += escapeRegExp(segment[++i]!);
    } else if (c === '*') {
      re += '.*';
    } else if (c === '?') {
      re += '.';
    } else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += '[' + (negate ? '^' : '') + body.replace(/[\\\]^]/g, '\\$&') + ']';
      i = close;
    } else {
      re += escapeRegExp(c);
    }
  }
  return new RegExp('^' + re + '$', 's');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Files matching a pattern, sorted, spelled as the learner wrote the pattern (relative stays
 * relative). Empty when nothing matches: bash then keeps the word as it was.
 */
export function glob(pattern: string, cwd: string, fs: WorkspaceFs): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  // Each candidate: how the learner sees it, and where it is.
  let candidates: { shown: string; path: string }[] = [{ shown: absolute ? '/' : '', path: absolute ? '/' : cwd }];
  const start = absolute ? 1 : 0;
  for (let i = start; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    const next: typeof candidates = [];
    for (const candidate of candidates) {
      const join = (name: string) => ({
        shown: candidate.shown === '' ? name : candidate.shown.endsWith('/') ? candidate.shown + name : candidate.shown + '/' + name,
        path: resolvePath(candidate.path, name, fs.home),
      });
      if (!hasGlobChars(segment)) {
        const entry = join(unescapeGlob(segment));
        if (last ? fs.exists(entry.path) : fs.isDirectory(entry.path)) next.push(entry);
        continue;
      }
      if (!fs.isDirectory(candidate.path)) continue;
      const re = globSegmentRegExp(segment);
      const dotOk = segment.startsWith('.') || segment.startsWith('\\.');
      for (const name of fs.readdir(candidate.path)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const entry = join(name);
        if (last || fs.isDirectory(entry.path)) next.push(entry);
      }
    }
    candidates = next;
  }
  if (pattern.endsWith('/')) candidates = candidates.filter((c) => fs.isDirectory(c.path)).map((c) => ({ ...c, shown: c.shown + '/' }));
  return candidates.map((c) => c.shown).sort();
}
