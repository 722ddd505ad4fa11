// What the page runs (checks, the in-process reader, lab definitions, setup over the simulator)
// must load in a browser Web Worker: no Node built-ins, and no imports of Node-only files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const nodeOnly = (file: string) => file.endsWith('.node.ts') || file.includes(`${path.sep}cli${path.sep}`) || file.includes(`${path.sep}testing${path.sep}`) || /\.(test|bench)\.ts$/.test(file);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const builtins = /from ['"](node:|fs|path|os|http|https|net|child_process|url|crypto|@kubernetes\/client-node)['"/]/;

describe('graders architecture', () => {
  const browserFiles = [...sources(path.join(root, 'graders')), ...sources(path.join(root, 'labs'))].filter((f) => !nodeOnly(f));

  test('there are browser-side files to check', () => {
    expect(browserFiles.map((f) => path.relative(root, f))).toEqual(expect.arrayContaining(['graders/grade.ts', 'graders/checks/check.ts', 'graders/reader/simulator-reader.ts', 'labs/rollout/lab.ts']));
  });

  test.each(browserFiles.map((f) => [path.relative(root, f), f]))('%s uses no Node built-ins or Node-only files', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(builtins);
    expect(text).not.toMatch(/from ['"][^'"]*\.node\.ts['"]/);
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname/);
  });
});
