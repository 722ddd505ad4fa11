import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything named *.test.ts outside the browser suite.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.tools/**', 'dist/**', 'tests/browser/**'],
    // Every bug a simulated controller hits fails the test it happened in.
    setupFiles: ['tests/setup/controller-bugs.ts'],
    benchmark: {
      include: ['**/*.bench.ts'],
      exclude: ['node_modules/**', '.tools/**', 'dist/**'],
    },
  },
});
