// Absolute, normalised paths for the workspace: '/home/learner/app/../x' → '/home/learner/x'.

export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Resolve a path typed by the learner against the working directory; '~' means home. */
export function resolvePath(cwd: string, path: string, home: string): string {
  if (path === '~' || path.startsWith('~/')) return normalizePath(home + path.slice(1));
  if (path.startsWith('/')) return normalizePath(path);
  return normalizePath(cwd + '/' + path);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? trimmed : trimmed.slice(i + 1) || '/';
}

/** How bash shows a directory in the prompt: home as '~'. */
export function tildePath(path: string, home: string): string {
  if (path === home) return '~';
  if (path.startsWith(home + '/')) return '~' + path.slice(home.length);
  return path;
}
