/**
 * The token stream's one-pass fast path against independent truth: its
 * tokens are tokenize's, each in its place in the text, with the case the
 * source letters have; and the date read from a stream is the date read
 * from the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateLine, parseDateLineOf } from '../../src/evidence/dates.js';
import { CAPITALS, LOWER, TITLE, tokenStream } from '../../src/evidence/token-stream.js';
import { tokenHash } from '../../src/sketch/shingle.js';
import { tokenize } from '../../src/text/tokenize.js';

const WORDS = [
  'kế',
  'hoạch',
  'Ủy',
  'BAN',
  'nhân',
  'DÂN',
  'ngày',
  'tháng',
  'năm',
  'Hòa',
  'hoà',
  'THUỶ',
  'quý',
  'đảng',
  'ĐẢNG',
  'café',
  'a1',
  '2021',
  '18',
  '3',
  'KH2',
  'Nam',
];
const GAPS = [' ', ' ', ' ', '\n', ', ', '. ', ': ', '/', '-', '\t', ' – ', '“', '(', '\u00a0'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 60 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

/** Case of a source token, from its letters alone (digits have none). */
function caseOf(source: string): number {
  const letters = [...source].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const upper = (c: string) => c === c.toUpperCase();
  if (letters.length > 0 && letters.every(upper)) return CAPITALS;
  const first = source[0];
  return first.toLowerCase() !== first.toUpperCase() && upper(first) ? TITLE : LOWER;
}

describe('tokenStream', () => {
  it("gives tokenize's tokens, their places and their case", () => {
    fc.assert(
      fc.property(text, (t) => {
        const stream = tokenStream(t);
        const tokens = tokenize(t);
        expect(Array.from(stream.hashes)).toEqual(tokens.map(tokenHash));
        for (let k = 0; k < stream.count; k++) {
          const source = t.slice(stream.starts[k], stream.ends[k]);
          expect(tokenize(source)).toEqual([tokens[k]]);
          expect(stream.upper[k]).toBe(caseOf(source));
        }
      }),
    );
  });

  it('reads text with combining marks and invisible characters as tokenize does', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('\u00ad', '\u200b', ''), (t, invisible) => {
        const nfd = t.normalize('NFD').replace(/ /g, ` ${invisible}`);
        expect(Array.from(tokenStream(nfd).hashes)).toEqual(tokenize(nfd).map(tokenHash));
      }),
    );
  });
});

describe('parseDateLineOf', () => {
  const dated = fc
    .tuple(
      text,
      fc.constantFrom('ngày', 'NGÀY', 'hằngngày', 'ngay'),
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom('tháng', 'Tháng', 'thang'),
      fc.integer({ min: 0, max: 14 }),
      fc.constantFrom('năm', 'NĂM'),
      fc.constantFrom('2021', '20215', '999', '2024abc'),
      fc.constantFrom(' ', '  ', '\n', ', ', ' \ud800 '),
      fc.integer({ min: 0, max: 3100 }),
    )
    .map(
      ([before, ngay, d, thang, m, nam, y, gap, pad]) =>
        `${'x '.repeat(pad >> 1)}${before} ${ngay}${gap}${d} ${thang} ${m}${gap}${nam} ${y} kế hoạch`,
    );

  it('reads the date parseDateLine reads, whether or not there is one', () => {
    fc.assert(
      fc.property(fc.oneof(dated, text), (t) => {
        expect(parseDateLineOf(t, tokenStream(t))).toBe(parseDateLine(t));
      }),
    );
  });

  it('reads a date line in the header and none past it', () => {
    const line = 'Hà Nội, ngày 18 tháng 11 năm 2021';
    const header = `ỦY BAN NHÂN DÂN\n${line}\nKẾ HOẠCH`;
    expect(parseDateLineOf(header, tokenStream(header))).toBe(Date.UTC(2021, 10, 18) / 86_400_000);
    const late = `${'Tỉnh ủy. '.repeat(400)}${line}`;
    expect(parseDateLineOf(late, tokenStream(late))).toBeUndefined();
  });
});
