// The installed `wheelhouse` command is a plain-JavaScript launcher around the TypeScript CLI.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const LAUNCHER = new URL('./launch.mjs', import.meta.url).pathname;

describe('the wheelhouse launcher', () => {
  it('runs the CLI on this Node', () => {
    const run = spawnSync(process.execPath, [LAUNCHER, 'lab', 'list', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }[]).map((lab) => lab.id)).toContain('first-pod');
  });
});
