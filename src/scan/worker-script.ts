/**
 * Where a pool's worker script is: built next to this module (dist/), or,
 * when saochep runs from its sources (tests), in the build of the same
 * checkout. A pool that finds neither refuses to start, rather than doing the
 * work in one thread without a word.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SaochepError } from '../errors.js';

/** The path of built worker script `name` (without .js). */
export function workerScript(name: string): string {
  const candidates = [`./${name}.js`, `../../dist/${name}.js`];
  for (const candidate of candidates) {
    try {
      const path = fileURLToPath(new URL(candidate, import.meta.url));
      if (existsSync(path)) return path;
    } catch {
      // Not a file URL (a bundler's): try the next.
    }
  }
  throw new SaochepError(
    'ERR_SAOCHEP_IO',
    `saochep: the worker script ${name}.js is missing next to ${fileURLToPath(import.meta.url)}. Build saochep (npm run build), or run with --jobs 1 (jobs: 1).`,
  );
}
