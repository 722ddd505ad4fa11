import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium via playwright-core against the built site (run after `npm run build`).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
