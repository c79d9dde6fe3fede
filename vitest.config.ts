import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // A fixed fast-check seed for every property test.
    setupFiles: ['test/setup/fast-check.ts'],
    // A private temporary folder, which must be empty at the end.
    globalSetup: ['test/setup/temp-dir.ts'],
  },
});
