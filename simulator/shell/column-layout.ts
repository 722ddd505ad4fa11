// Names in columns filled top to bottom, as ls and bash's completion list print them.

/** As many columns as fit the width; `paint` may add color without changing the widths. */
export function columnLayout(names: string[], width: number, paint: (i: number) => string = (i) => names[i]!): string {
  if (names.length === 0) return '';
  const length = (name: string) => [...name].length;
  for (let rows = 1; rows <= names.length; rows++) {
    const cols = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map(length)));
    const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (cols - 1);
    if (total > width && rows < names.length) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const i = c * rows + r;
        if (i >= names.length) break;
        const last = c === cols - 1 || (c + 1) * rows + r >= names.length;
        line += paint(i) + (last ? '' : ' '.repeat(widths[c]! - length(names[i]!) + 2));
      }
      out += line + '\n';
    }
    return out;
  }
  return '';
}
