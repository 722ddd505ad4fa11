// The learner's files: an in-memory tree shared by the terminal and the page's editor. The
// editor subscribes to changes and persists snapshots, so a learner's work survives a reload.
// Paths here are absolute and normalised; commands resolve what the learner typed first.
import { basename, dirname, normalizePath } from './paths.ts';

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL';

const messages: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
};

/** A failed file operation; message is the strerror text coreutils prints after the path. */
export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;
  constructor(code: FsErrorCode, path: string) {
    super(messages[code]);
    this.code = code;
    this.path = path;
  }
}

interface FileNode {
  type: 'file';
  content: string;
  mtime: number;
}
interface DirNode {
  type: 'dir';
  children: Map<string, Node>;
  mtime: number;
}
type Node = FileNode | DirNode;

export interface FsStat {
  type: 'file' | 'dir';
  /** Bytes of UTF-8 for files; 4096 for directories, as ext4 shows them. */
  size: number;
  mtime: number;
}

export type FsChange =
  | { type: 'write'; path: string } // created or changed file
  | { type: 'mkdir'; path: string }
  | { type: 'remove'; path: string } // file or whole folder
  | { type: 'rename'; path: string; from: string }
  | { type: 'restore'; path: '/' };

export interface WorkspaceSnapshot {
  version: 1;
  entries: { path: string; type: 'file' | 'dir'; content?: string; mtime: number }[];
}

const encoder = new TextEncoder();

export class WorkspaceFs {
  readonly home: string;
  private root: DirNode;
  private now: () => number;
  private listeners = new Set<(change: FsChange) => void>();

  constructor(opts: { home?: string; now?: () => number } = {}) {
    this.home = normalizePath(opts.home ?? '/home/learner');
    this.now = opts.now ?? (() => 0);
    this.root = this.emptyTree();
  }

  private emptyTree(): DirNode {
    const root: DirNode = { type: 'dir', children: new Map(), mtime: this.now() };
    this.root = root;
    this.mkdir(this.home, { recursive: true, quiet: true });
    this.mkdir('/tmp', { recursive: true, quiet: true });
    return root;
  }

  /** Follow a path; undefined if any part is missing or not a directory. */
  private lookup(path: string): Node | undefined {
    let node: Node = this.root;
    for (const part of normalizePath(path).split('/').filter(Boolean)) {
      if (node.type !== 'dir') return undefined;
      const child: Node | undefined = node.children.get(part);
      if (!child) return undefined;
      node = child;
    }
    return node;
  }

  /** The directory that holds path, with errors as the kernel reports them. */
  private parentOf(path: string): DirNode {
    const parentPath = dirname(path);
    const parent = this.lookup(parentPath);
    if (!parent) {
      // ENOTDIR when some ancestor is a file, ENOENT when it is missing.
      throw new FsError(this.ancestorIsFile(parentPath) ? 'ENOTDIR' : 'ENOENT', path);
    }
    if (parent.type !== 'dir') throw new FsError('ENOTDIR', path);
    return parent;
  }

  private ancestorIsFile(path: string): boolean {
    let node: Node = this.root;
    for (const part of path.split('/').filter(Boolean)) {
      if (node.type !== 'dir') return true;
      const child: Node | undefined = node.children.get(part);
      if (!child) return false;
      node = child;
    }
    return node.type !== 'dir';
  }

  private emit(change: FsChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  /** Be told about every change (the editor refreshes its tree and saves). Returns unsubscribe. */
  subscribe(listener: (change: FsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stat(path: string): FsStat | undefined {
    const node = this.lookup(path);
    if (!node) return undefined;
    if (node.type === 'dir') return { type: 'dir', size: 4096, mtime: node.mtime };
    return { type: 'file', size: encoder.encode(node.content).length, mtime: node.mtime };
  }

  exists(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  isDirectory(path: string): boolean {
    return this.lookup(path)?.type === 'dir';
  }

  isFile(path: string): boolean {
    return this.lookup(path)?.type === 'file';
  }

  readFile(path: string): string {
    const node = this.lookup(path);
    if (!node) throw new FsError(this.ancestorIsFile(dirname(normalizePath(path))) ? 'ENOTDIR' : 'ENOENT', path);
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    return node.content;
  }

  /** Create or replace a file. The folder must exist, as with open(O_CREAT). */
  writeFile(path: string, content: string): void {
    path = normalizePath(path);
    const parent = this.parentOf(path);
    const name = basename(path);
    const existing = parent.children.get(name);
    if (existing?.type === 'dir') throw new FsError('EISDIR', path);
    if (path === '/') throw new FsError('EISDIR', path);
    const now = this.now();
    parent.children.set(name, { type: 'file', content, mtime: now });
    if (!existing) parent.mtime = now;
    this.emit({ type: 'write', path });
  }

  appendFile(path: string, content: string): void {
    path = normalizePath(path);
    const node = this.lookup(path);
    if (node?.type === 'file') {
      node.content += content;
      node.mtime = this.now();
      this.emit({ type: 'write', path });
    } else {
      this.writeFile(path, content);
    }
  }

  /** Bump a file's time, creating it empty if missing (touch). */
  touch(path: string): void {
    const node = this.lookup(path);
    if (node) {
      node.mtime = this.now();
      this.emit({ type: node.type === 'dir' ? 'mkdir' : 'write', path: normalizePath(path) });
    } else {
      this.writeFile(path, '');
    }
  }

  mkdir(path: string, opts: { recursive?: boolean; quiet?: boolean } = {}): void {
    path = normalizePath(path);
    if (opts.recursive) {
      let current = '';
      for (const part of path.split('/').filter(Boolean)) {
        current += '/' + part;
        const node = this.lookup(current);
        if (node?.type === 'file') throw new FsError(current === path ? 'EEXIST' : 'ENOTDIR', path);
        if (!node) this.mkdir(current, { quiet: opts.quiet });
      }
      return;
    }
    const parent = this.parentOf(path);
    const name = basename(path);
    if (path === '/' || parent.children.has(name)) throw new FsError('EEXIST', path);
    const now = this.now();
    parent.children.set(name, { type: 'dir', children: new Map(), mtime: now });
    parent.mtime = now;
    if (!opts.quiet) this.emit({ type: 'mkdir', path });
  }

  /** Names in a directory, sorted by code point (ls sorts them again its own way). */
  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...node.children.keys()].sort();
  }

  /** Remove a file, or a folder (recursive, or empty). */
  remove(path: string, opts: { recursive?: boolean } = {}): void {
    path = normalizePath(path);
    const node = this.lookup(path);
    if (!node) throw new FsError('ENOENT', path);
    if (path === '/') throw new FsError('EINVAL', path);
    if (node.type === 'dir' && node.children.size > 0 && !opts.recursive) throw new FsError('ENOTEMPTY', path);
    const parent = this.parentOf(path);
    parent.children.delete(basename(path));
    parent.mtime = this.now();
    this.emit({ type: 'remove', path });
  }

  /** Move a file or folder; an existing file at the target is replaced, as rename(2) does. */
  rename(from: string, to: string): void {
    from = normalizePath(from);
    to = normalizePath(to);
    const node = this.lookup(from);
    if (!node) throw new FsError('ENOENT', from);
    if (from === to) return;
    if (to.startsWith(from + '/')) throw new FsError('EINVAL', to);
    const target = this.lookup(to);
    if (target?.type === 'dir' && node.type !== 'dir') throw new FsError('EISDIR', to);
    if (target?.type === 'dir' && target.children.size > 0) throw new FsError('ENOTEMPTY', to);
    if (target?.type === 'file' && node.type === 'dir') throw new FsError('ENOTDIR', to);
    const toParent = this.parentOf(to);
    const fromParent = this.parentOf(from);
    fromParent.children.delete(basename(from));
    toParent.children.set(basename(to), node);
    const now = this.now();
    fromParent.mtime = now;
    toParent.mtime = now;
    this.emit({ type: 'rename', path: to, from });
  }

  /** Every file and folder as plain JSON, parents before children. */
  snapshot(): WorkspaceSnapshot {
    const entries: WorkspaceSnapshot['entries'] = [];
    const walk = (dir: DirNode, path: string) => {
      for (const [name, node] of [...dir.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const childPath = path + '/' + name;
        if (node.type === 'dir') {
          entries.push({ path: childPath, type: 'dir', mtime: node.mtime });
          walk(node, childPath);
        } else {
          entries.push({ path: childPath, type: 'file', content: node.content, mtime: node.mtime });
        }
      }
    };
    walk(this.root, '');
    return { version: 1, entries };
  }

  /** Replace everything with a snapshot (home and /tmp always exist afterwards). */
  restore(snapshot: WorkspaceSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`unsupported workspace snapshot version ${String(snapshot.version)}`);
    this.emptyTree();
    for (const entry of snapshot.entries) {
      const path = normalizePath(entry.path);
      this.mkdir(dirname(path), { recursive: true, quiet: true });
      const parent = this.parentOf(path);
      if (entry.type === 'dir') {
        const existing = parent.children.get(basename(path));
        if (existing?.type === 'dir') existing.mtime = entry.mtime;
        else parent.children.set(basename(path), { type: 'dir', children: new Map(), mtime: entry.mtime });
      } else {
        parent.children.set(basename(path), { type: 'file', content: entry.content ?? '', mtime: entry.mtime });
      }
    }
    this.emit({ type: 'restore', path: '/' });
  }
}
