import { defineConfig } from 'vitest/config';
import { reportPageDefine } from './src/report/bundle-report-page.js';

export default defineConfig({
  // The HTML report's page script, bundled as the build does (src/report/bundle-report-page.ts).
  define: reportPageDefine(),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // A fixed fast-check seed for every property test.
    setupFiles: ['test/setup/fast-check.ts'],
    // A private temporary folder, which must be empty at the end.
    globalSetup: ['test/setup/temp-dir.ts'],
  },
});
