// Compiles one benchmark (bench/NAME.ts) to plain JavaScript and runs it with node.
// Benchmarks import the built package by its name ('saochep'), like a user; the
// compiled file keeps every package import external.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
if (!name) {
  console.error('usage: node bench/run.mjs NAME   (runs bench/NAME.ts)');
  process.exit(1);
}
const outfile = join(here, '.build', `${name}.mjs`);
await build({
  entryPoints: [join(here, `${name}.ts`)],
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
await import(pathToFileURL(outfile).href);
