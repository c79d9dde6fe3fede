/**
 * The built package, imported by its name as a user would (ESM and CommonJS),
 * in a fresh Node process. `npm test` builds dist/ first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const PROBE = `
  const text = 'Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh Hoà Bình';
  const out = {
    names: Object.keys(saochep).sort(),
    sketchNames: Object.keys(sketch).sort(),
    tokens: saochep.tokenize(text),
    shingles: Array.from(sketch.shingleText(text, { size: 3 })),
    encoding: saochep.detectEncoding('Céng hßa x· héi chñ nghÜa ViÖt Nam'),
  };
  process.stdout.write(JSON.stringify(out));
`;

function run(args: string[]): {
  names: string[];
  sketchNames: string[];
  tokens: string[];
  shingles: number[];
  encoding: string;
} {
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));
}

describe('the published package', () => {
  it('has been built', () => {
    expect(existsSync(join(ROOT, 'dist/index.js')), 'run npm run build first').toBe(true);
  });

  it('loads with import and with require, exporting the same API with the same results', () => {
    const esm = run([
      '--input-type=module',
      '-e',
      `import * as saochep from 'saochep'; import * as sketch from 'saochep/sketch';${PROBE}`,
    ]);
    const cjs = run([
      '-e',
      `const saochep = require('saochep'); const sketch = require('saochep/sketch');${PROBE}`,
    ]);
    expect(esm.tokens).toEqual([
      'kế',
      'hoạch',
      'số',
      '12',
      'kh',
      'ubnd',
      'của',
      'ủy',
      'ban',
      'nhân',
      'dân',
      'tỉnh',
      'hòa',
      'bình',
    ]);
    expect(esm.encoding).toBe('tcvn3');
    expect(cjs).toEqual(esm);
    for (const name of [
      'tokenize',
      'normalizeText',
      'detectEncoding',
      'decodeLegacy',
      'detectLanguage',
    ]) {
      expect(esm.names).toContain(name);
    }
    // Shingles moved to saochep/sketch.
    expect(esm.sketchNames).toContain('shingle');
    expect(esm.names).not.toContain('shingle');
  });

  it('reports the version of its package.json', async () => {
    const { VERSION } = await import('../../src/index.js');
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('declares ESM, CJS and types in its exports map, for every entry, with no side effects', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe('>=20');
    expect(Object.keys(pkg.exports).sort()).toEqual([
      '.',
      './package.json',
      './read',
      './sketch',
      './text',
    ]);
    for (const [name, entry] of Object.entries(pkg.exports)) {
      if (name === './package.json') continue;
      const { import: esm, require: cjs } = entry as Record<string, Record<string, string>>;
      for (const path of [esm.types, esm.default, cjs.types, cjs.default]) {
        expect(existsSync(join(ROOT, path)), path).toBe(true);
      }
    }
  });
});
