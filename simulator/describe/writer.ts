// kubectl describe writes text at indentation levels (two spaces each) into a tabwriter with
// padding 2, so every "Label:\tvalue" in a run of lines lines up. This writer collects the text
// and aligns it the same way, including the flush describe does before the Events table.
import { alignTabs, DESCRIBE_TABWRITER } from '../printers/tabwriter.ts';

export class DescribeWriter {
  private segments: string[] = [];
  private current = '';

  /** Text at an indentation level; include the "\n" yourself, as upstream's Write does. */
  write(level: number, text: string): void {
    this.current += '  '.repeat(level) + text;
  }

  /** A whole line with no indentation (upstream's WriteLine). */
  line(text: string): void {
    this.current += `${text}\n`;
  }

  /** Align what was written so far on its own, as a tabwriter Flush does. */
  flush(): void {
    if (this.current !== '') this.segments.push(this.current);
    this.current = '';
  }

  toString(): string {
    this.flush();
    return this.segments.map((s) => alignTabs(s, DESCRIBE_TABWRITER)).join('');
  }
}

/** Run a describe body against a fresh writer and return the aligned text. */
export function tabbed(body: (w: DescribeWriter) => void): string {
  const w = new DescribeWriter();
  body(w);
  return w.toString();
}
