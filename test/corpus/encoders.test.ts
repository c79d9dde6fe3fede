/**
 * The tone-style damage looks only at the words around tone marks; it writes
 * what rewriting every word would.
 */
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { toNewToneStyle } from '../../corpus/generator/damage/encoders.js';
import { Random } from '../../corpus/generator/random.js';

const TONE_MARKS = '\u0301\u0300\u0309\u0303\u0323';

/** The definition: every NFD word rewritten on its own. */
function wordByWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (word) => {
      const chars = [...word];
      const bare = chars
        .filter((c) => !TONE_MARKS.includes(c))
        .join('')
        .normalize('NFC')
        .toLowerCase();
      if (!['oa', 'oe', 'uy'].includes(bare.slice(-2)) || bare.startsWith('q')) return word;
      const n = chars.length;
      if (n < 3 || !TONE_MARKS.includes(chars[n - 2])) return word;
      return chars.slice(0, n - 2).join('') + chars[n - 1] + chars[n - 2];
    })
    .normalize('NFC');
}

describe('toNewToneStyle', () => {
  it('rewrites generated plans as word-by-word rewriting does', () => {
    const archive = generateArchive({ plans: 40, seed: 9 });
    let changed = 0;
    for (const plan of archive.plans) {
      const out = toNewToneStyle(plan.doc.text);
      expect(out).toBe(wordByWord(plan.doc.text));
      if (out !== plan.doc.text) changed++;
    }
    expect(changed).toBeGreaterThan(20);
    expect(toNewToneStyle('hòa thủy Hòa khỏe quý')).toBe('hoà thuỷ Hoà khoẻ quý');
  });

  it('agrees with word-by-word rewriting on odd strings: stray marks, astral letters, lone surrogates', () => {
    const alphabet = [
      ...'oaeuyqQOAUY .-1x\nhT',
      ...TONE_MARKS,
      'ò',
      'ủ',
      'ọ',
      'ơ',
      'ư',
      'Ư',
      '\u0302',
      '𝐀',
      '😀',
      '\ud800',
      '\udc00',
    ];
    const rng = new Random(42);
    for (let k = 0; k < 20_000; k++) {
      const text = Array.from({ length: rng.int(0, 12) }, () => rng.pick(alphabet)).join('');
      expect(toNewToneStyle(text), JSON.stringify(text)).toBe(wordByWord(text));
    }
  });
});
