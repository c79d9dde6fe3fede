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
  // Mostly lines that read, so that each way of not reading is met beside them.
  const gap = fc.oneof(
    { arbitrary: fc.constant(' '), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        '  ',
        '\n',
        ', ',
        ' \ud800 ',
        '\t',
        '\r\n',
        '\u00a0',
        '\u200b ',
        '.',
      ),
      weight: 1,
    },
  );
  const number = (max: number) =>
    fc.oneof(
      { arbitrary: fc.integer({ min: 0, max }).map(String), weight: 4 },
      { arbitrary: fc.constantFrom('018', '118', '1a', '\u0663'), weight: 1 },
    );
  const dated = fc
    .tuple(
      text,
      fc.constantFrom('ngày', 'NGÀY', 'hằngngày', 'ngay'),
      number(40),
      fc.constantFrom('tháng', 'Tháng', 'thang'),
      number(14),
      fc.constantFrom('năm', 'NĂM'),
      fc.oneof(
        { arbitrary: fc.constant('2021'), weight: 2 },
        { arbitrary: fc.constantFrom('20215', '999', '2024abc'), weight: 1 },
      ),
      fc.tuple(gap, gap, gap, gap, gap),
      fc.integer({ min: 0, max: 3100 }),
      fc.constantFrom('', ' Hà Nội, ngày 5 tháng 6 năm 2020', ' ngày 31 tháng 2 năm 2021'),
    )
    .map(
      ([before, ngay, d, thang, m, nam, y, [g1, g2, g3, g4, g5], pad, later]) =>
        `${'x '.repeat(pad >> 1)}${before} ${ngay}${g1}${d}${g2}${thang}${g3}${m}${g4}${nam}${g5}${y} kế hoạch${later}`,
    );

  it('reads the date parseDateLine reads, whether or not there is one', () => {
    fc.assert(
      fc.property(fc.oneof(dated, text), (t) => {
        expect(parseDateLineOf(t, tokenStream(t))).toBe(parseDateLine(t));
      }),
    );
  });

  it('reads a legacy-encoded or decomposed date line as the reading of the whole text shows it', () => {
    const body = SENTENCES.join(' ');
    fc.assert(
      fc.property(
        dated,
        fc.constantFrom(toTcvn3, toVni, (t: string) => t.normalize('NFD')),
        (line, encode) => {
          const unicode = `${body}\n${line}`.slice(-2900);
          const given = encode(unicode);
          expect(tokenStream(given).plain).toBeUndefined();
          expect(parseDateLineOf(given, tokenStream(given))).toBe(parseDateLine(unicode));
        },
      ),
    );
  });

  it('reads no date where punctuation or a long number breaks the line, and the next one that is whole', () => {
    const read = (t: string) => parseDateLineOf(t, tokenStream(t));
    const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
    expect(read('Huế, ngày 18 tháng 11 năm 2021 kế hoạch')).toBe(day(2021, 11, 18));
    expect(read('Huế, ngày\t18\ntháng  11\r\nnăm 2021 kế hoạch')).toBe(day(2021, 11, 18));
    expect(read('Huế, ngày, 18 tháng 11 năm 2021 kế hoạch')).toBeUndefined();
    expect(read('Huế, ngày 18. tháng 11 năm 2021 kế hoạch')).toBeUndefined();
    expect(read('Huế, ngày 118 tháng 11 năm 2021 kế hoạch')).toBeUndefined();
    expect(read('Huế, ngày 18 tháng 011 năm 2021 kế hoạch')).toBeUndefined();
    expect(read('Huế, ngày 18 tháng 11 năm 202 kế hoạch')).toBeUndefined();
    expect(read('Huế, ngày 18 tháng 11 năm 20215 kế hoạch')).toBe(day(2021, 11, 18));
    expect(read('Huế, ngày 18, tháng 11 năm 2021; ngày 2 tháng 3 năm 2022 kế hoạch')).toBe(
      day(2022, 3, 2),
    );
    expect(read('Huế, ngay 18 tháng 11 năm 2021 kế hoạch')).toBeUndefined();
    // A year cut by the header's end is no year; one that ends with it is.
    for (const [pad, expected] of [
      [2996, day(2021, 11, 18)],
      [2997, undefined],
    ] as const) {
      const edge = `${'x'.repeat(pad - 'ế ngày 18 tháng 11 năm '.length)}ế ngày 18 tháng 11 năm 2021 kế hoạch`;
      expect(edge.indexOf('2021')).toBe(pad);
      expect(read(edge)).toBe(expected);
      expect(parseDateLine(edge)).toBe(expected);
    }
    for (const t of [
      'Huế, ngày, 18 tháng 11 năm 2021 kế hoạch',
      'Huế, ngày 118 tháng 11 năm 2021 kế hoạch',
      'Huế, ngày 18, tháng 11 năm 2021; ngày 2 tháng 3 năm 2022 kế hoạch',
    ]) {
      expect(read(t)).toBe(parseDateLine(t));
    }
  });

  it('reads a date line in the header and none past it', () => {
    const line = 'Hà Nội, ngày 18 tháng 11 năm 2021';
    const header = `ỦY BAN NHÂN DÂN\n${line}\nKẾ HOẠCH`;
    expect(parseDateLineOf(header, tokenStream(header))).toBe(Date.UTC(2021, 10, 18) / 86_400_000);
    const late = `${'Tỉnh ủy. '.repeat(400)}${line}`;
    expect(parseDateLineOf(late, tokenStream(late))).toBeUndefined();
  });
});
