// A small Dockerfile reader, enough to check statically what `docker build` would need: stages,
// ARGs, ENV, COPY sources, USER and CMD. No engine runs in CI, so this is how the tests know
// every tag in the image table can be built.

export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

export interface DockerStage {
  name?: string;
  from: string;
  instructions: DockerInstruction[];
}

export interface ParsedDockerfile {
  /** ARGs declared before the first FROM (usable in FROM lines). */
  globalArgs: Map<string, string | undefined>;
  stages: DockerStage[];
}

/** Joins continuation lines, drops comments and blank lines. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let current = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (current === '' && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (current === '') start = index + 1;
    if (trimmed.startsWith('#')) return;
    if (trimmed.endsWith('\\')) {
      current += `${trimmed.slice(0, -1)} `;
      return;
    }
    out.push({ text: (current + trimmed).trim(), line: start });
    current = '';
  });
  return out;
}

function parseArg(args: string): [string, string | undefined] {
  const eq = args.indexOf('=');
  return eq === -1 ? [args.trim(), undefined] : [args.slice(0, eq).trim(), args.slice(eq + 1).trim()];
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const globalArgs = new Map<string, string | undefined>();
  const stages: DockerStage[] = [];
  for (const { text: lineText, line } of logicalLines(text)) {
    const match = /^(\w+)\s*(.*)$/.exec(lineText);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const args = match[2] ?? '';
    if (keyword === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: m?.[1] ?? args, name: m?.[2], instructions: [] });
    } else if (stages.length === 0) {
      if (keyword === 'ARG') globalArgs.set(...parseArg(args));
    } else {
      stages.at(-1)!.instructions.push({ keyword, args, line });
    }
  }
  return { globalArgs, stages };
}

/** Replaces ${NAME} and $NAME from `values` (what Docker does in FROM lines with global ARGs). */
export function expandArgs(text: string, values: Map<string, string | undefined>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a: string | undefined, b: string | undefined) => values.get((a ?? b)!) ?? whole);
}

/** ENV lines as key/value pairs (the `KEY=value KEY2=value2` form). */
export function envPairs(args: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) pairs.set(m[1]!, m[2]!.replace(/^"|"$/g, ''));
  return pairs;
}
