// The simulator's core runs unchanged in a browser Web Worker, in tests and behind the HTTP
// server, and two runs with the same seed must match. So its source may not reach for Node's
// built-ins, the DOM, the wall clock or unseeded randomness. Node-only edges live in
// simulator/server/ or in files named *.node.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('./', import.meta.url).pathname;
const NODE_EDGES = [/^server\//, /\.node\.ts$/];
const IS_TEST = /\.(test|bench|spec)\.ts$/;

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

const core = sources(ROOT).filter((file) => !IS_TEST.test(file) && !NODE_EDGES.some((edge) => edge.test(file)));
const NODE_BUILTINS = /from\s+['"](node:[^'"]+|fs|path|os|http|https|net|child_process|crypto|stream|events|url|util|zlib|buffer|worker_threads)['"]/;
const FORBIDDEN_GLOBALS: Array<[RegExp, string]> = [
  [/\bDate\.now\(/, 'Date.now() (use the cluster Clock)'],
  [/\bnew Date\(\)/, 'new Date() without a time (use the cluster Clock)'],
  [/\bMath\.random\(/, 'Math.random() (use the seeded Random)'],
  [/(?<![\w.$])process\.(env|argv|exit|cwd|platform|stdout|stderr|stdin|on|nextTick|hrtime)\b/, 'process (Node only)'],
  [/(?<![\w.$])Buffer\./, 'Buffer (Node only)'],
  [/(?<![\w.$])(document|window)\./, 'the DOM'],
];

function portabilityProblems(source: string): string[] {
  const code = source.replace(/^\s*(\/\/|\*).*$/gm, '');
  const problems = NODE_BUILTINS.test(code) ? ['imports a Node built-in'] : [];
  // Words inside strings ("the server process.") are text, not code.
  const withoutStrings = code
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''")
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  for (const [pattern, what] of FORBIDDEN_GLOBALS) if (pattern.test(withoutStrings)) problems.push(`uses ${what}`);
  return problems;
}

describe('simulator core stays portable and deterministic', () => {
  it('the check itself catches what it should and passes what it should', () => {
    expect(portabilityProblems("import { readFile } from 'node:fs';")).toEqual(['imports a Node built-in']);
    expect(portabilityProblems('const t = Date.now();')).toEqual(['uses Date.now() (use the cluster Clock)']);
    expect(portabilityProblems('if (process.env.X) {}')).toEqual(['uses process (Node only)']);
    expect(portabilityProblems('const r = Math.random();')).toHaveLength(1);
    expect(portabilityProblems("const m = 'the server process.'; import { a } from './script-process.ts';")).toEqual([]);
    expect(portabilityProblems('container.process.exit(1); // Date.now() in a comment')).toEqual([]);
  });

  it.each(core)('%s', (file) => {
    expect(portabilityProblems(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });
});
