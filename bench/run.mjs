// Compiles a TypeScript entry point to one plain JavaScript file with esbuild and
// runs it with node, passing the remaining arguments on. Used for the benchmarks
// (`node bench/run.mjs NAME` runs bench/NAME.ts) and the corpus generator
// (`node bench/run.mjs corpus/generator/main.ts --out DIR`). Package imports stay
// external: benchmarks import the built package by its name, as a user would.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [target, ...rest] = process.argv.slice(2);
if (!target) {
  console.error('usage: node bench/run.mjs NAME|PATH.ts [ARGS…]   (NAME runs bench/NAME.ts)');
  process.exit(1);
}
const entry = target.endsWith('.ts') ? resolve(target) : join(here, `${target}.ts`);
const name = target.replace(/\.ts$/, '').replace(/[\\/]/g, '-');
const outfile = join(here, '.build', `${name}.mjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'error',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
