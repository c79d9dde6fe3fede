import { defineConfig } from 'tsup';
import { reportPageDefine } from './tools/bundle-report-page.js';

// The HTML report's page script, bundled once and written into the library as a string.
const define = reportPageDefine();

// No source maps: they would point at src/, which the package does not ship, and the
// bundles are not minified, so stack traces already name saochep's own functions.
export default defineConfig([
  {
    // The library, for import and require, with its types.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    // import.meta.url in the CommonJS build: the scan finds its worker script next to it.
    shims: true,
    define,
  },
  {
    // The command line and the scan's worker thread: ES modules next to the library.
    entry: { cli: 'src/cli/main.ts', 'scan-worker': 'src/scan/scan-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    define,
  },
]);
