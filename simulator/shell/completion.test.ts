import { describe, expect, it } from 'vitest';
import type { Command } from './command.ts';
import { shellCompleter, wordsBeforeCursor } from './completion.ts';
import { setupShell } from './test-kit.ts';

/** A kubectl stand-in with its own completion, as the real one will plug in. */
const kubectl: Command = {
  name: 'kubectl',
  group: 'kubernetes',
  run: () => 0,
  complete(request) {
    if (request.words.length === 1) return ['get', 'describe', 'apply'].map((value) => ({ value }));
    if (request.words[1] === 'get' && request.words.length === 2) return ['pods', 'pod', 'deployments'].map((value) => ({ value }));
    if (request.words.at(-1) === '-f') return undefined; // files
    return [];
  },
};

function complete(line: string, files: Record<string, string> = {}) {
  const { shell } = setupShell({ commands: [kubectl], files });
  const result = shellCompleter(shell)(line, line.length);
  return result.candidates.map((c) => c.value);
}

describe('words before the cursor', () => {
  it('restarts after pipes and skips assignments', () => {
    expect(wordsBeforeCursor('cat f | FOO=1 grep -i na')).toMatchObject({ words: ['grep', '-i'], current: 'na', start: 22 });
  });

  it('knows an open quote', () => {
    expect(wordsBeforeCursor('cat "my fi')).toMatchObject({ words: ['cat'], current: 'my fi', quote: '"', start: 4 });
  });

  it('notices a redirection target', () => {
    expect(wordsBeforeCursor('echo hi > ou')).toMatchObject({ words: ['echo', 'hi'], current: 'ou', afterRedirect: true });
  });
});

describe('shell completion', () => {
  it('completes command names for the first word', () => {
    expect(complete('ku')).toEqual(['kubectl']);
    expect(complete('wh')).toEqual(['which']);
  });

  it('completes files, with folders ending in /', () => {
    const files = { 'deploy.yaml': '', 'app/svc.yaml': '', '.hidden': '' };
    expect(complete('cat d', files)).toEqual(['deploy.yaml']);
    expect(complete('cat ', files)).toEqual(['app/', 'deploy.yaml']);
    expect(complete('cat app/', files)).toEqual(['app/svc.yaml']);
    expect(complete('cat .h', files)).toEqual(['.hidden']);
    expect(complete('cd ', files)).toEqual(['app/']);
  });

  it("asks the command for its arguments, and falls back to files when it says so", () => {
    expect(complete('kubectl g')).toEqual(['get']);
    expect(complete('kubectl get po')).toEqual(['pods', 'pod']);
    expect(complete('kubectl apply -f d', { 'deploy.yaml': '' })).toEqual(['deploy.yaml']);
  });

  it('completes variable names after $', () => {
    expect(complete('echo $HO')).toEqual(['$HOME', '$HOSTNAME']);
  });
});
