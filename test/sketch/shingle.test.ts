import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/index.js';
import {
  DEFAULT_SHINGLE_SIZE,
  NUMBER_TOKEN_HASH,
  shingle,
  shingleText,
  tokenHash,
} from '../../src/sketch/index.js';
import { SENTENCES, SYLLABLES, toNewToneStyle, toTcvn3, toVni } from '../helpers/vietnamese.js';

const TEXT =
  'Kế hoạch triển khai thực hiện Nghị quyết số 04-NQ/TU ngày 18/11/2021 của Ban Thường vụ Tỉnh ủy';

/** FNV-1a 32 over UTF-16 code units, with BigInt: an independent implementation. */
function referenceFnv(text: string): number {
  let h = 0x811c9dc5n;
  for (const unit of Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))) {
    h = ((h ^ BigInt(unit)) * 0x01000193n) & 0xffffffffn;
  }
  return Number(h);
}

function referenceFmix(h: bigint): number {
  const m = (x: bigint) => x & 0xffffffffn;
  h ^= h >> 16n;
  h = m(h * 0x85ebca6bn);
  h ^= h >> 13n;
  h = m(h * 0xc2b2ae35n);
  h ^= h >> 16n;
  return Number(h);
}

/** The documented shingle formula, with BigInt and no rolling. */
function referenceShingles(tokens: string[], size: number, seed: number): number[] {
  const m = (x: bigint) => ((x % 2n ** 32n) + 2n ** 32n) % 2n ** 32n;
  const hashes = tokens.map((t) =>
    BigInt(/^[0-9]+$/.test(t) ? referenceFnv('0') : referenceFnv(t)),
  );
  if (hashes.length === 0) return [];
  const width = Math.min(size, hashes.length);
  const key = BigInt(referenceFmix(m(BigInt(seed) ^ m(BigInt(width) * 0x85ebca6bn))));
  const out: number[] = [];
  for (let s = 0; s + width <= hashes.length; s++) {
    let poly = 0n;
    for (let j = 0; j < width; j++) poly = m(poly * 0x9e3779b1n + hashes[s + j]);
    out.push(referenceFmix(m(poly + key)));
  }
  return out;
}

describe('token hashes', () => {
  it('are FNV-1a 32 (published test vectors)', () => {
    expect(tokenHash('a')).toBe(0xe40c292c);
    expect(tokenHash('foobar')).toBe(0xbf9cf968);
  });

  it('hash every all-digit token alike', () => {
    expect(tokenHash('2021')).toBe(NUMBER_TOKEN_HASH);
    expect(tokenHash('04')).toBe(tokenHash('0'));
    expect(tokenHash('covid19')).not.toBe(NUMBER_TOKEN_HASH);
  });
});

describe('shingle', () => {
  it('pins golden values (the same on every machine and Node version)', () => {
    expect([...shingleText(TEXT)]).toEqual([
      563104395, 2853091037, 4130778692, 274120873, 3584030940, 2441330785, 2866723740, 841264749,
      3337649047, 341810697, 2949905580, 3948621, 251097087, 369389361, 2611782360, 3975658950,
      270997587,
    ]);
    expect([...shingleText(TEXT, { size: 3, seed: 42 })].slice(0, 5)).toEqual([
      3688314420, 4124431911, 1988643974, 4154823378, 2436199700,
    ]);
    expect([...shingle(['kế', 'hoạch'])]).toEqual([862994534]);
    expect(tokenHash('kế')).toBe(304109519);
  });

  it('follows its documented formula (independent BigInt implementation)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SYLLABLES, '2024', '15'), { maxLength: 30 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (tokens, size, seed) => {
          expect([...shingle(tokens, { size, seed })]).toEqual(
            referenceShingles(tokens, size, seed),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives one shingle per window, one for a short document, none for no tokens', () => {
    const tokens = tokenize(TEXT);
    expect(shingle(tokens)).toHaveLength(tokens.length - DEFAULT_SHINGLE_SIZE + 1);
    expect(shingle(tokens.slice(0, 3))).toHaveLength(1);
    expect(shingle([])).toHaveLength(0);
    expect(shingleText('... !!! ---')).toHaveLength(0);
  });

  it('is the same along the fast path as shingle(tokenize(text)), for every form of the text', () => {
    const document = SENTENCES.join('\n');
    for (const form of [
      document,
      document.normalize('NFD'),
      toNewToneStyle(document),
      toTcvn3(document),
      toVni(document),
    ]) {
      expect([...shingleText(form)]).toEqual([...shingle(tokenize(form))]);
      expect([...shingleText(form)]).toEqual([...shingleText(document)]);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect([...shingleText(text, { size: 2 })]).toEqual([
          ...shingle(tokenize(text), { size: 2 }),
        ]);
      }),
      { numRuns: 500 },
    );
  });

  it('matches copies whose numbers and dates were changed', () => {
    const copy = TEXT.replace('04-NQ/TU', '17-NQ/TU').replace('18/11/2021', '02/03/2023');
    expect([...shingleText(copy)]).toEqual([...shingleText(TEXT)]);
  });

  it('refuses bad options and tokens with clear errors', () => {
    expect(() => shingle(['a'], { size: 0 })).toThrow(
      /shingle: option size must be an integer from 1 to 64, got number \(0\)/,
    );
    expect(() => shingle(['a'], { seed: -1 })).toThrow(/option seed must be an integer/);
    expect(() => shingle('abc' as unknown as string[])).toThrow(TypeError);
    expect(() => shingle([1 as unknown as string])).toThrow(
      /shingle: tokens\[0\] must be a string, got number \(1\)/,
    );
  });
});
