import { describe, expect, it } from 'vitest';
import {
  CHAR_TABLE,
  KIND_LETTER,
  KIND_MASK,
  OUTPUT_SHIFT,
  TONE_MASK,
  TONE_SHIFT,
} from '../../src/text/char-table.js';
import {
  COMPOSED_LOWER,
  COMPOSED_UPPER,
  TONED_VOWELS,
  TONE_COUNT,
  letterId,
} from '../../src/text/letters.js';

// Combining marks in tone-id order: none, sắc, huyền, hỏi, ngã, nặng.
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const BASES: Array<[string, string]> = [
  ['a', 'a'],
  ['ă', 'a\u0306'],
  ['â', 'a\u0302'],
  ['e', 'e'],
  ['ê', 'e\u0302'],
  ['i', 'i'],
  ['o', 'o'],
  ['ô', 'o\u0302'],
  ['ơ', 'o\u031b'],
  ['u', 'u'],
  ['ư', 'u\u031b'],
  ['y', 'y'],
];

describe('letter tables', () => {
  it('hold the NFC composition of every vowel with every tone, in both cases', () => {
    for (const [base, decomposed] of BASES) {
      const id = letterId(base);
      for (let tone = 0; tone < TONE_COUNT; tone++) {
        const expected = (decomposed + TONE_MARKS[tone]).normalize('NFC');
        expect(expected).toHaveLength(1);
        expect(String.fromCharCode(COMPOSED_LOWER[id * TONE_COUNT + tone])).toBe(expected);
        expect(String.fromCharCode(COMPOSED_UPPER[id * TONE_COUNT + tone])).toBe(
          expected.toUpperCase(),
        );
      }
    }
  });

  it('give every precomposed Vietnamese letter its base, tone and lower-case output', () => {
    let letters = 0;
    for (const row of TONED_VOWELS) {
      for (let tone = 0; tone < row.length; tone++) {
        for (const ch of [row[tone], row[tone].toUpperCase()]) {
          const entry = CHAR_TABLE[ch.charCodeAt(0)];
          expect(entry & KIND_MASK).toBe(KIND_LETTER);
          expect((entry >>> TONE_SHIFT) & TONE_MASK).toBe(tone);
          expect(String.fromCharCode(entry >>> OUTPUT_SHIFT)).toBe(row[tone]);
          letters++;
        }
      }
    }
    expect(letters).toBe(12 * 6 * 2);
  });

  it('maps Ð, ð and Đ to đ', () => {
    for (const ch of ['Ð', 'ð', 'Đ', 'đ']) {
      expect(String.fromCharCode(CHAR_TABLE[ch.charCodeAt(0)] >>> OUTPUT_SHIFT)).toBe('đ');
    }
  });
});
