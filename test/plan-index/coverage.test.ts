/**
 * Which positions of a plan count as found in a source: hand-made hit
 * patterns whose answer is known. A copied passage counts, also with a name
 * changed inside it; a short phrase does not; stock phrases scattered through
 * a paragraph do not chain into a passage.
 */
import { describe, expect, it } from 'vitest';
import { coverSegments } from '../../src/plan-index/coverage.js';

const rules = { size: 6, minTokens: 25, maxGap: 12, minDensity: 0.6 };

/** Positions covered when `pattern` ('x' hit, '.' miss) is a plan's row of shingles. */
function covered(pattern: string, minDensity = rules.minDensity): string {
  const counts = new Uint8Array(pattern.length).fill(1);
  const out = new Uint8Array(pattern.length);
  const marked = coverSegments(counts, (i) => pattern[i] === 'x', { ...rules, minDensity }, out);
  expect(marked).toBe(out.reduce((a, b) => a + b, 0));
  return Array.from(out, (c) => (c ? 'x' : '.')).join('');
}

describe('coverSegments', () => {
  it('counts a copied passage of 25 tokens or more, not a shorter one', () => {
    const passage = '.'.repeat(10) + 'x'.repeat(20) + '.'.repeat(10); // 20 shingles = 25 tokens
    expect(covered(passage)).toBe(passage);
    const short = '.'.repeat(10) + 'x'.repeat(12) + '.'.repeat(10); // 17 tokens
    expect(covered(short)).toBe('.'.repeat(32));
  });

  it('counts a copy with a unit name changed inside it, hits only', () => {
    // 40 tokens copied; a 3-token name replaced in the middle breaks 8 shingles.
    const edited = 'x'.repeat(15) + '.'.repeat(8) + 'x'.repeat(12);
    expect(covered(edited)).toBe(edited);
  });

  it('does not chain stock phrases scattered through a paragraph', () => {
    // Phrases of 8–9 tokens (3–4 shingles) with gaps under maxGap: 14 hits over a span of 41.
    const stock = 'xxx' + '.'.repeat(9) + 'xxxx' + '.'.repeat(10) + 'xxx' + '.'.repeat(8) + 'xxxx';
    expect(covered(stock)).toBe('.'.repeat(stock.length));
    // Long enough and with hits enough: only the density rule keeps it out.
    expect(covered(stock, 0)).toBe(stock);
  });

  it('leaves boilerplate positions out, and does not count them as gaps', () => {
    const counts = new Uint8Array(40).fill(1);
    counts.fill(0, 10, 30); // a heading set aside in the middle of a copied run
    const out = new Uint8Array(40);
    coverSegments(counts, () => true, rules, out);
    expect(Array.from(out.subarray(10, 30))).toEqual(new Array(20).fill(0));
    expect(out.reduce((a, b) => a + b, 0)).toBe(20);
  });
});
