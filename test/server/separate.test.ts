/**
 * The server stays out of the library: the built `saochep` (ESM and CommonJS)
 * holds none of its code, and the command line loads Fastify only when
 * `saochep serve` runs (a dynamic import), so `scan` and `check` start as fast as before.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');

describe('the server apart from the library', () => {
  it('is not in the library bundles', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts']) {
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code, file).not.toMatch(/fastify|ServedIndex|WriteAheadLog/);
    }
  });

  it('is loaded by the command line only on demand', () => {
    const cli = readFileSync(join(DIST, 'cli.js'), 'utf8');
    expect(cli).toMatch(/await import\(["']fastify["']\)/);
    expect(cli).not.toMatch(/^import .* from ["'](fastify|@fastify\/multipart|ajv)["']/m);
  });
});
