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
import { DecodeOutput } from '../../src/text/legacy/decode-output.js';
import { detectEncodingOf } from '../../src/text/legacy/detect.js';
import type { EncodingMemo } from '../../src/text/prepare.js';
import { tokenize } from '../../src/text/tokenize.js';
import { SENTENCES, toTcvn3, toVni } from '../helpers/vietnamese.js';

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

describe('tokenStream with the memo of an earlier reading', () => {
  const plain = SENTENCES.join('\n');
  const texts = {
    tcvn3: toTcvn3(plain),
    vni: toVni(plain),
    nfd: plain.normalize('NFD'),
    'tcvn3 through NFD': toTcvn3(plain).normalize('NFD'),
    unicode: plain,
  };
  for (const [name, t] of Object.entries(texts)) {
    it(`reads ${name} text again as it read it the first time`, () => {
      const first = tokenStream(t);
      const memo: EncodingMemo = {};
      const filled = tokenStream(t, memo);
      const again = tokenStream(t, memo);
      for (const stream of [filled, again]) {
        expect(Array.from(stream.hashes)).toEqual(Array.from(first.hashes));
        expect(Array.from(stream.starts)).toEqual(Array.from(first.starts));
        expect(Array.from(stream.ends)).toEqual(Array.from(first.ends));
        expect(Array.from(stream.upper)).toEqual(Array.from(first.upper));
      }
      expect(Array.from(first.hashes)).toEqual(tokenize(t).map(tokenHash));
      // The memo holds what detection says, where detection was asked.
      if (memo.raw !== undefined) expect(memo.raw).toBe(detectEncodingOf(t));
      if (memo.nfc !== undefined) expect(memo.nfc).toBe(detectEncodingOf(t.normalize('NFC')));
    });
  }

  it('detects legacy text once per reading, and not again with the memo', () => {
    const memo: EncodingMemo = {};
    tokenStream(texts.tcvn3, memo);
    expect(memo).toEqual({ raw: 'tcvn3', nfc: 'tcvn3' });
  });
});

describe('DecodeOutput.toString', () => {
  it('gives what the UTF-16 decoder gives, lone surrogates included', () => {
    const decoder = new TextDecoder('utf-16le');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }), (codes) => {
        const out = new DecodeOutput();
        for (const [k, c] of codes.entries()) out.push(c, k);
        expect(out.toString()).toBe(decoder.decode(Uint16Array.from(codes)));
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
