// ls as GNU coreutils prints it: columns on the terminal, one per line into a pipe, -l long
// format with a total, -a/-A hidden files, -h sizes, -t/-S/-r ordering, -d, -F, -1.
import type { Command, CommandContext } from '../command.ts';
import type { FsStat } from '../workspace-fs.ts';
import { columnLayout } from '../column-layout.ts';
import { formatDate } from './date-format.ts';
import { options } from './file-commands.ts';

interface Entry {
  name: string;
  path: string;
  stat: FsStat;
}

const blue = (name: string) => `\x1b[01;34m${name}\x1b[0m`;
const sixMonths = 182.5 * 86_400_000;

function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // GNU rounds up: one decimal below 10, whole numbers above.
  const shown = value < 10 ? (Math.ceil(value * 10) / 10).toFixed(1) : String(Math.ceil(value));
  return shown + units[unit];
}

/** 1K blocks on a 4K-block filesystem, as `total` counts them. */
function blocks(stat: FsStat): number {
  return stat.type === 'dir' ? 4 : Math.ceil(stat.size / 4096) * 4;
}

export const ls: Command = {
  name: 'ls',
  summary: 'list files (-l long, -a hidden, -1 one per line)',
  group: 'files',
  run(ctx) {
    const opts = options(
      ctx,
      'ls',
      { flags: 'laA1hdrtSFR', long: { all: { key: 'a' }, 'almost-all': { key: 'A' }, 'human-readable': { key: 'h' }, directory: { key: 'd' }, reverse: { key: 'r' }, classify: { key: 'F' } } },
      2,
    );
    if (typeof opts === 'number') return opts;
    let status = 0;
    const operands = opts.operands.length > 0 ? opts.operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const name of operands) {
      const path = ctx.resolve(name);
      const stat = ctx.fs.stat(path);
      if (!stat) {
        ctx.stderr.write(`ls: cannot access '${name}': No such file or directory\n`);
        status = 2;
      } else if (stat.type === 'dir' && !opts.has('d')) dirs.push({ name, path, stat });
      else files.push({ name, path, stat });
    }
    const sections: string[] = [];
    if (files.length > 0) sections.push(render(ctx, sortEntries(files, opts), opts, false));
    const showHeaders = operands.length > 1 || opts.has('R');
    const pending = sortEntries(dirs, opts);
    while (pending.length > 0) {
      const dir = pending.shift()!;
      const entries = listDirectory(ctx, dir, opts);
      const body = render(ctx, entries, opts, true);
      sections.push(showHeaders ? `${dir.name}:\n${body}` : body);
      if (opts.has('R')) {
        const subdirs = entries.filter((e) => e.stat.type === 'dir' && e.name !== '.' && e.name !== '..');
        pending.unshift(...subdirs.map((e) => ({ ...e, name: `${dir.name.replace(/\/$/, '')}/${e.name}` })));
      }
    }
    ctx.stdout.write(sections.join('\n'));
    return status;
  },
};

function listDirectory(ctx: CommandContext, dir: Entry, opts: { has(flag: string): boolean }): Entry[] {
  const entries: Entry[] = [];
  if (opts.has('a')) {
    entries.push({ name: '.', path: dir.path, stat: dir.stat });
    const parent = dir.path === '/' ? '/' : dir.path.slice(0, dir.path.lastIndexOf('/')) || '/';
    entries.push({ name: '..', path: parent, stat: ctx.fs.stat(parent)! });
  }
  for (const name of ctx.fs.readdir(dir.path)) {
    if (name.startsWith('.') && !opts.has('a') && !opts.has('A')) continue;
    const path = dir.path === '/' ? `/${name}` : `${dir.path}/${name}`;
    entries.push({ name, path, stat: ctx.fs.stat(path)! });
  }
  return sortEntries(entries, opts);
}

function sortEntries(entries: Entry[], opts: { has(flag: string): boolean }): Entry[] {
  const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const sorted = [...entries].sort((a, b) => {
    if (opts.has('t')) return b.stat.mtime - a.stat.mtime || byName(a, b);
    if (opts.has('S')) return b.stat.size - a.stat.size || byName(a, b);
    return byName(a, b);
  });
  return opts.has('r') ? sorted.reverse() : sorted;
}

function render(ctx: CommandContext, entries: Entry[], opts: { has(flag: string): boolean }, isDirectory: boolean): string {
  const color = ctx.stdout.isTerminal;
  const shown = (e: Entry) => {
    const painted = color && e.stat.type === 'dir' ? blue(e.name) : e.name;
    return painted + (opts.has('F') && e.stat.type === 'dir' ? '/' : '');
  };
  if (opts.has('l')) {
    const now = ctx.scheduler.now();
    const sizes = entries.map((e) => (opts.has('h') ? humanSize(e.stat.size) : String(e.stat.size)));
    const sizeWidth = Math.max(0, ...sizes.map((s) => s.length));
    const links = entries.map((e) => String(e.stat.type === 'dir' ? 2 + countSubdirs(ctx, e) : 1));
    const linkWidth = Math.max(0, ...links.map((s) => s.length));
    const user = ctx.env.USER ?? 'learner';
    let out = '';
    if (isDirectory) {
      const total = entries.reduce((sum, e) => sum + blocks(e.stat), 0);
      out += `total ${opts.has('h') && total > 0 ? humanSize(total * 1024) : total}\n`;
    }
    entries.forEach((e, i) => {
      const mode = e.stat.type === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
      const recent = Math.abs(now - e.stat.mtime) < sixMonths;
      const when = formatDate(e.stat.mtime, recent ? '%b %e %H:%M' : '%b %e  %Y');
      out += `${mode} ${links[i]!.padStart(linkWidth)} ${user} ${user} ${sizes[i]!.padStart(sizeWidth)} ${when} ${shown(e)}\n`;
    });
    return out;
  }
  if (!ctx.stdout.isTerminal || opts.has('1')) return entries.map((e) => shown(e) + '\n').join('');
  const plain = entries.map((e) => e.name + (opts.has('F') && e.stat.type === 'dir' ? '/' : ''));
  return columnLayout(plain, ctx.stdout.columns, (i) => shown(entries[i]!));
}

function countSubdirs(ctx: CommandContext, e: Entry): number {
  return ctx.fs.readdir(e.path).filter((name) => ctx.fs.isDirectory(`${e.path === '/' ? '' : e.path}/${name}`)).length;
}
