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
  [/\bprocess\./, 'process (Node only)'],
  [/\bBuffer\./, 'Buffer (Node only)'],
  [/\b(document|window)\./, 'the DOM'],
];

describe('simulator core stays portable and deterministic', () => {
  it('has source files to check', () => {
    expect(core.length).toBeGreaterThan(0);
  });

  it.each(core)('%s', (file) => {
    const code = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
    expect(code, 'imports a Node built-in').not.toMatch(NODE_BUILTINS);
    for (const [pattern, what] of FORBIDDEN_GLOBALS) expect(code, `uses ${what}`).not.toMatch(pattern);
  });
});
