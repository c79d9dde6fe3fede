import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLegacy, normalizeText, tokenize } from '../../src/index.js';
import {
  SENTENCES,
  SYLLABLES,
  referenceTokens,
  toNewToneStyle,
  toTcvn3,
  toVni,
} from '../helpers/vietnamese.js';

const require = createRequire(import.meta.url);
// natural's tokenizer file alone: loading all of natural is slow and prints to stdout.
const AggressiveTokenizerVi =
  require('natural/lib/natural/tokenizers/aggressive_tokenizer_vi') as new () => {
    tokenize(text: string): string[];
  };
const natural = new AggressiveTokenizerVi();

const hasDigit = (t: string) => /[0-9]/.test(t);

/** Random Vietnamese text: real syllables, some capitalised, with punctuation and numbers between. */
const vietnameseText = textOf(1);
/**
 * At least a short sentence: a legacy encoding is recognised from a few words,
 * not from one (TCVN3 "ña" is ủa, but VNI "ña" is the likelier đa).
 */
const sentenceText = textOf(6);

function textOf(minLength: number) {
  return fc
    .array(
      fc.tuple(
        fc.constantFrom(...SYLLABLES),
        fc.constantFrom(
          ' ',
          ' ',
          ' ',
          ', ',
          '. ',
          '; ',
          ' - ',
          '\n',
          ' (',
          ') ',
          ' 2024 ',
          '/',
          ': ',
        ),
        fc.constantFrom('lower', 'lower', 'capital', 'upper'),
      ),
      { minLength, maxLength: 40 },
    )
    .map((parts) =>
      parts
        .map(([syllable, gap, style]) => {
          const word =
            style === 'upper'
              ? syllable.toUpperCase()
              : style === 'capital'
                ? syllable[0].toUpperCase() + syllable.slice(1)
                : syllable;
          return word + gap;
        })
        .join(''),
    );
}

describe('tokenize', () => {
  it('agrees with natural AggressiveTokenizerVi (lower-cased) on the letter tokens of clean NFC text', () => {
    for (const sentence of SENTENCES) {
      const expected = natural
        .tokenize(sentence)
        .map((t) => t.toLowerCase())
        .filter((t) => !hasDigit(t));
      expect(tokenize(sentence).filter((t) => !hasDigit(t))).toEqual(expected);
    }
  });

  it('agrees with natural on random NFC Vietnamese text', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const expected = natural
          .tokenize(text)
          .map((t) => t.toLowerCase())
          .filter((t) => !hasDigit(t));
        expect(tokenize(text).filter((t) => !hasDigit(t))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same tokens for NFD, upper case and the other tone style', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const clean = tokenize(text);
        expect(tokenize(text.normalize('NFD'))).toEqual(clean);
        expect(tokenize(text.toUpperCase())).toEqual(clean);
        expect(tokenize(toNewToneStyle(text))).toEqual(clean);
      }),
      { numRuns: 300 },
    );
  });

  it('reads VNI text as the clean text', () => {
    fc.assert(
      fc.property(sentenceText, (text) => {
        expect(tokenize(toVni(text))).toEqual(tokenize(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads TCVN3 text with its soft hyphens (ư) as the clean text', () => {
    fc.assert(
      fc.property(sentenceText, (text) => {
        // Upper-case TCVN3 lines use lower-case codes; tokens are lower case anyway.
        expect(tokenize(toTcvn3(text))).toEqual(tokenize(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads whole TCVN3 and VNI documents as the clean text', () => {
    const document = SENTENCES.join('\n');
    expect(tokenize(toTcvn3(document))).toEqual(tokenize(document));
    expect(tokenize(toVni(document))).toEqual(tokenize(document));
    expect(tokenize(toTcvn3(document).normalize('NFD'))).toEqual(tokenize(document));
  });

  it('reads the dotted capital İ as I, as lower-casing it does', () => {
    expect(tokenize('İstanbul')).toEqual(referenceTokens(normalizeText('İstanbul')));
    expect(tokenize('İstanbul')).toEqual(['istanbul']);
  });

  it('equals the tokens of normalizeText', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          vietnameseText,
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.string({ maxLength: 60 }),
        ),
        (text) => {
          expect(tokenize(text)).toEqual(referenceTokens(normalizeText(text)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits document codes and dates at their punctuation and keeps the digits', () => {
    expect(tokenize('Số: 123/KH-UBND ngày 18/11/2021')).toEqual([
      'số',
      '123',
      'kh',
      'ubnd',
      'ngày',
      '18',
      '11',
      '2021',
    ]);
    expect(tokenize('Nghị quyết số 04-NQ/TU')).toEqual(['nghị', 'quyết', 'số', '04', 'nq', 'tu']);
    expect(tokenize('COVID-19, covid19')).toEqual(['covid', '19', 'covid19']);
  });

  it('drops letters of other scripts and symbols like natural', () => {
    expect(tokenize('Müller — 北京 ★ Đà Nẵng')).toEqual(['m', 'ller', 'đà', 'nẵng']);
  });

  it('joins words split by invisible characters and keeps Unicode text with stray Latin-1 symbols', () => {
    expect(tokenize('hoạt\u00ADđộng\u200Bxã')).toEqual(['hoạtđộngxã']);
    expect(tokenize('Nhiệt độ 30°C, «Hà Nội» © 2024')).toEqual([
      'nhiệt',
      'độ',
      '30',
      'c',
      'hà',
      'nội',
      '2024',
    ]);
  });

  it('decodes then tokenizes a document whose ư were lost with its soft hyphens', () => {
    const clean = 'Trường học được xây dựng theo hướng hiện đại, phục vụ người dân địa phương.';
    const lostU = toTcvn3(clean).replace(/\u00ad/g, '');
    expect(decodeLegacy(lostU)).toBe(clean);
    expect(tokenize(lostU)).toEqual(tokenize(clean));
  });
});
