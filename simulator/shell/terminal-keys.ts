// What xterm.js sends for each key (its onData strings), decoded into named keys and text.

export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'key'; name: string };

const sequences: Record<string, string> = {
  '\x1b[A': 'up', '\x1bOA': 'up', '\x1b[B': 'down', '\x1bOB': 'down',
  '\x1b[C': 'right', '\x1bOC': 'right', '\x1b[D': 'left', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[7~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end', '\x1b[8~': 'end',
  '\x1b[3~': 'delete', '\x1b[1;5C': 'word-right', '\x1b[1;5D': 'word-left',
  '\x1bf': 'word-right', '\x1bb': 'word-left', '\x1bd': 'kill-word', '\x1b\x7f': 'kill-word-back',
};

const controls: Record<string, string> = {
  '\r': 'enter', '\n': 'enter', '\x7f': 'backspace', '\b': 'backspace', '\t': 'tab',
  '\x01': 'home', '\x05': 'end', '\x02': 'left', '\x06': 'right', '\x10': 'up', '\x0e': 'down',
  '\x15': 'kill-start', '\x0b': 'kill-end', '\x17': 'kill-word-back', '\x19': 'yank',
  '\x03': 'interrupt', '\x0c': 'clear', '\x12': 'search', '\x07': 'cancel', '\x04': 'eof',
};

/** Split terminal input into keys: escape sequences, control keys and runs of text. */
export function parseKeys(data: string): { key: Key; length: number }[] {
  const keys: { key: Key; length: number }[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i]!;
    if (c === '\x1b') {
      const known = Object.keys(sequences).find((seq) => data.startsWith(seq, i));
      if (known) {
        keys.push({ key: { kind: 'key', name: sequences[known]! }, length: known.length });
        i += known.length;
        continue;
      }
      // An unknown CSI sequence is swallowed whole; a lone Escape cancels a search.
      const csi = /^\x1b\[[0-9;?]*[ -/]*[@-~]/.exec(data.slice(i));
      const length = csi ? csi[0].length : data[i + 1] !== undefined && data[i + 1] !== '\x1b' ? 2 : 1;
      keys.push({ key: { kind: 'key', name: length === 1 ? 'escape' : 'unknown' }, length });
      i += length;
      continue;
    }
    if (c === '\r' && data[i + 1] === '\n') {
      keys.push({ key: { kind: 'key', name: 'enter' }, length: 2 });
      i += 2;
      continue;
    }
    if (controls[c]) {
      keys.push({ key: { kind: 'key', name: controls[c]! }, length: 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < data.length && data[j]! >= ' ' && data[j] !== '\x7f') j++;
    if (j === i) {
      keys.push({ key: { kind: 'key', name: 'unknown' }, length: 1 }); // other control characters
      i++;
      continue;
    }
    keys.push({ key: { kind: 'text', text: data.slice(i, j) }, length: j - i });
    i = j;
  }
  return keys;
}
