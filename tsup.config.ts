import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library, for import and require, with its types.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    // import.meta.url in the CommonJS build: the scan finds its worker script next to it.
    shims: true,
  },
  {
    // The command line and the scan's worker thread: ES modules next to the library.
    entry: { cli: 'src/cli/main.ts', 'scan-worker': 'src/scan/scan-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
  },
]);
