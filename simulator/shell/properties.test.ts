import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './commands/base64.ts';
import { shellQuote } from './commands/shell-builtins.ts';
import { parse } from './parser.ts';
import { setupShell } from './test-kit.ts';

describe('properties', () => {
  it('base64 round-trips any text through UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const decoded = decodeBase64(encodeBase64(new TextEncoder().encode(text)));
        expect(new TextDecoder().decode(decoded)).toBe(text);
      }),
    );
  });

  it('a quoted word reaches the command exactly as it was', async () => {
    const { run } = setupShell();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary-ascii' }).filter((s) => !s.includes('\0')), async (word) => {
        expect((await run(`printf %s ${shellQuote(word)}`)).out).toBe(word);
      }),
      { numRuns: 200 },
    );
  });

  it('the parser never throws: every input is complete, incomplete or a syntax error', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab $\'"\\|&;<>()#{}`\n=*2'.split('')) }), (source) => {
        expect(['complete', 'incomplete', 'error']).toContain(parse(source).status);
      }),
      { numRuns: 2000 },
    );
  });
});
