import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QueryFingerprints,
  correctForCollisions,
  encodeFingerprints,
  encodedWords,
  fingerprintsOf,
} from '../../src/sketch/fingerprints.js';

/** Hits of `query` against coded fingerprints, and which query shingles they were. */
function countFingerprintHits(
  query: Uint32Array,
  code: Uint32Array,
  offset: number,
  m: number,
  hits?: Uint8Array,
): number {
  const q = new QueryFingerprints();
  q.load(query);
  const marks = new Uint32Array(65536);
  const n = q.hits(code, offset, m, marks, 7);
  if (hits) query.forEach((h, i) => (hits[i] = marks[h >>> 16] === 7 ? 1 : 0));
  // Every hit is a query shingle whose fingerprint got the stamp, and no other.
  expect(query.reduce((sum, h) => sum + (marks[h >>> 16] === 7 ? 1 : 0), 0)).toBe(n);
  return n;
}

/** Brute force: shingles of the query whose top 16 bits are those of some shingle of the set. */
function bruteHits(query: number[], set: number[]): boolean[] {
  const tops = new Set(set.map((h) => h >>> 16));
  return query.map((h) => tops.has(h >>> 16));
}

const sortedSet = (maxLength: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength })
    .map((a) => Uint32Array.from(a).sort());

describe('Elias-Fano coded fingerprints', () => {
  it('count exactly the query shingles whose fingerprint the set has, for any sizes', () => {
    fc.assert(
      fc.property(sortedSet(300), sortedSet(3000), (query, set) => {
        const fps = fingerprintsOf(set);
        const code = encodeFingerprints(fps);
        expect(code.length).toBe(encodedWords(fps.length));
        const hits = new Uint8Array(query.length);
        const expected = bruteHits([...query], [...set]);
        expect(countFingerprintHits(query, code, 0, fps.length, hits)).toBe(
          expected.filter(Boolean).length,
        );
        expect([...hits].map(Boolean)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('work at the edges: one fingerprint, all 65536, and at an offset in a larger array', () => {
    const one = fingerprintsOf(Uint32Array.from([0xabcd1234]));
    const code = encodeFingerprints(one);
    expect(
      countFingerprintHits(Uint32Array.from([0xabcd0000, 0xabcdffff, 0xabce0000]), code, 0, 1),
    ).toBe(2);
    const all = new Uint16Array(65536).map((_, i) => i);
    const full = encodeFingerprints(all);
    const query = Uint32Array.from([0, 0x12345678, 0xffffffff]);
    expect(countFingerprintHits(query, full, 0, 65536)).toBe(3);
    const padded = new Uint32Array(code.length + 5);
    padded.set(code, 5);
    expect(countFingerprintHits(Uint32Array.from([0xabcd0001]), padded, 5, 1)).toBe(1);
  });

  it('take about m·(L + 2) bits', () => {
    const set = Uint32Array.from(
      { length: 550 },
      (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0,
    ).sort();
    const fps = fingerprintsOf(set);
    expect(encodeFingerprints(fps).byteLength).toBeLessThan(0.6 * fps.length * 2);
  });

  it('correct for chance collisions', () => {
    expect(correctForCollisions(100, 1000, 0, 1000)).toBe(100);
    expect(correctForCollisions(109, 1000, 0.01, 1000)).toBeCloseTo(99 / 0.99, 10);
    expect(correctForCollisions(5, 1000, 0.01, 1000)).toBe(0);
    expect(correctForCollisions(900, 1000, 0.01, 500)).toBe(500);
  });
});
