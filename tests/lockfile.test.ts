// `npm ci && npm start` is the newcomer's first command: it fails outright if package-lock.json
// lacks an entry for any platform binary a dependency names. `npm install` can drop such entries
// when its registry lacks a build; `node .ci/lockfile-platforms.mjs --fix` puts them back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingPlatformEntries } from '../.ci/lockfile-platforms.mjs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));

describe('package-lock.json', () => {
  it('records every optional platform package, so `npm ci` works on every machine', () => {
    const missing = [...(missingPlatformEntries(lock) as Map<string, unknown>).keys()];
    expect(missing, 'run `node .ci/lockfile-platforms.mjs --fix`').toEqual([]);
  });

  it('the check notices a missing platform entry', () => {
    const broken = structuredClone(lock);
    delete broken.packages['node_modules/@pagefind/darwin-arm64'];
    expect([...(missingPlatformEntries(broken) as Map<string, unknown>).keys()]).toContain('node_modules/@pagefind/darwin-arm64');
  });
});
