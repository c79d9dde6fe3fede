import { defineConfig } from 'tsup';
import { reportPageDefine } from './src/report/bundle-report-page.js';

// The HTML report's page script, bundled once and written into the library as a string.
const define = reportPageDefine();

// No source maps: they would point at src/, which the package does not ship, and the
// bundles are not minified, so stack traces already name saochep's own functions.
export default defineConfig([
  {
    // The library, for import and require, with its types: the main entry and the
    // subpaths (saochep/text, saochep/sketch, saochep/read).
    entry: {
      index: 'src/index.ts',
      text: 'src/text/index.ts',
      sketch: 'src/sketch/index.ts',
      read: 'src/read/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'node',
    // One copy of each module shared by the entries (chunks next to them): an error or a
    // cache of saochep/text is the main entry's own, and saochep/text loads the text code only.
    splitting: true,
    treeshake: true,
    // import.meta.url in the CommonJS build: the scan finds its worker script next to it.
    shims: true,
    define,
  },
  {
    // The command line and the scan's worker threads: ES modules next to the library.
    entry: {
      cli: 'src/cli/main.ts',
      'scan-worker': 'src/scan/scan-worker.ts',
      'check-worker': 'src/scan/check-worker.ts',
      'upload-worker': 'src/server/upload-worker.ts',
      'check-replica-worker': 'src/server/check-replica-worker.ts',
    },
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
