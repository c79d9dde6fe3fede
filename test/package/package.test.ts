/**
 * The built package, imported by its name as a user would (ESM and CommonJS),
 * in a fresh Node process. `npm test` builds dist/ first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PROBE = `
  const text = 'Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh Hoà Bình';
  const out = {
    names: Object.keys(saochep).sort(),
    tokens: saochep.tokenize(text),
    shingles: Array.from(saochep.shingleText(text, { size: 3 })),
    encoding: saochep.detectEncoding('Céng hßa x· héi chñ nghÜa ViÖt Nam'),
  };
  process.stdout.write(JSON.stringify(out));
`;

function run(args: string[]): {
  names: string[];
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
    const esm = run(['--input-type=module', '-e', `import * as saochep from 'saochep';${PROBE}`]);
    const cjs = run(['-e', `const saochep = require('saochep');${PROBE}`]);
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
      'shingle',
      'detectLanguage',
    ]) {
      expect(esm.names).toContain(name);
    }
  });

  it('reports the version of its package.json', async () => {
    const { VERSION } = await import('../../src/index.js');
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('declares ESM, CJS and types in its exports map, with no side effects', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe('>=20');
    const entry = pkg.exports['.'];
    for (const path of [
      entry.import.types,
      entry.import.default,
      entry.require.types,
      entry.require.default,
    ]) {
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });
});
