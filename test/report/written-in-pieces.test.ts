/**
 * Reports written in pieces: the pieces joined are exactly JSON.stringify's
 * text (the independent truth) for any value, indentation and depth, and a
 * file written from pieces holds exactly their text.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/report/json-chunks.js';
import { writeFileAtomic } from '../../src/files/atomic-write.js';

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }), // lone surrogates, U+2028, controls
    fc.double(), // NaN and ±Infinity become null
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined), // dropped from objects, null in arrays
    fc.constant(() => 1),
    fc.date({ noInvalidDate: true }), // has toJSON
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 }),
  ),
}));

describe('jsonChunks', () => {
  it('joins to JSON.stringify(value, null, indent) at every indentation and depth', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(value.node), fc.dictionary(fc.string(), value.node)),
        fc.constantFrom(0, 1, 2, 4),
        fc.integer({ min: 0, max: 4 }),
        (v, indent, depth) => {
          const pieces = [...jsonChunks(v, { indent, depth })];
          expect(pieces.join('')).toBe(JSON.stringify(v, null, indent));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives one piece per member at the streamed depth, so no piece holds the whole', () => {
    const report = {
      schema: 'x',
      plans: Array.from({ length: 1000 }, (_, i) => ({ id: `P${i}` })),
    };
    const pieces = [...jsonChunks(report, { indent: 2, depth: 2 })];
    expect(pieces.length).toBeGreaterThan(1000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(50);
  });

  it('refuses a value with no JSON text', () => {
    expect(() => jsonChunks(undefined)).toThrow(TypeError);
  });
});

describe('writeFileAtomic with pieces', () => {
  it('writes exactly the text of the pieces, across blocks, and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saochep-chunks-'));
    try {
      const file = join(dir, 'big.json');
      // 3 MB in pieces of mixed size, multi-byte characters across block edges.
      const pieces = Array.from({ length: 30_000 }, (_, i) => 'kế hoạch 𝔸 '.repeat(i % 17) + i);
      await writeFileAtomic(file, pieces, 'test');
      expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
      expect(readdirSync(dir)).toEqual(['big.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws ERR_SAOCHEP_IO naming the caller when the folder is missing', async () => {
    const file = join(tmpdir(), 'saochep-no-such-folder', 'r.json');
    await expect(writeFileAtomic(file, ['{}'], 'writeReport')).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_IO',
      message: expect.stringContaining('writeReport: could not write'),
    });
  });
});
