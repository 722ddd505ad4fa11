// Go's text/tabwriter, which kubectl uses to line up `get` tables (min width 6, padding 3) and
// `describe` output (min width 0, padding 2). Alignment is per "column block": a run of
// consecutive lines that all have a tab-terminated cell in that column. A line with fewer cells
// ends the block, so the columns above and below it are aligned independently. The last cell of a
// line is never padded, which is why tables have no trailing spaces but `Image ID:` lines can.

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

/** kubectl get's settings (cli-runtime printers.GetNewTabWriter). */
export const GET_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe's settings (tabbedString). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

interface Cell {
  text: string;
  width: number; // in characters (code points), as Go counts runes
}

function textWidth(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // A surrogate pair is one character.
    if (code >= 0xd800 && code <= 0xdbff) i++;
    n++;
  }
  return n;
}

/** Lay out text whose cells are separated by tabs; lines end with "\n". Returns the aligned text. */
export function alignTabs(text: string, options: TabwriterOptions): string {
  const rawLines = text.split('\n');
  // A trailing "\n" leaves one empty entry: it is not a line of its own.
  const endsWithNewline = rawLines.length > 0 && rawLines[rawLines.length - 1] === '';
  if (endsWithNewline) rawLines.pop();
  const lines: Cell[][] = rawLines.map((line) => line.split('\t').map((t) => ({ text: t, width: textWidth(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      let s = '';
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - c.width));
      }
      out.push(s);
    }
  };

  // The recursion of Go's Writer.format: find each block for this column, size it, recurse right.
  const format = (line0: number, line1: number): void => {
    const col = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (col >= lines[i].length - 1) continue;
      writeLines(start, i);
      start = i;
      let width = options.minWidth;
      for (; i < line1; i++) {
        const line = lines[i];
        if (col >= line.length - 1) break;
        width = Math.max(width, line[col].width + options.padding);
      }
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
      i--; // the outer loop's i++ must look at line i again
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
