import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from '../../src/index.js';
import { SYLLABLES, toNewToneStyle } from '../helpers/vietnamese.js';

describe('tone placement', () => {
  // Hand-checked: [as typed, canonical (traditional style)]
  const cases: Array<[string, string]> = [
    ['hoà', 'hòa'],
    ['hòa', 'hòa'],
    ['khoẻ', 'khỏe'],
    ['thuỷ', 'thủy'],
    ['luỹ', 'lũy'],
    ['qúy', 'quý'],
    ['quý', 'quý'],
    ['hòang', 'hoàng'],
    ['gìa', 'già'],
    ['gìn', 'gìn'],
    ['giữa', 'giữa'],
    ['ngòai', 'ngoài'],
    ['khủyu', 'khuỷu'],
    ['ngừơi', 'người'],
    ['đựơc', 'được'],
    ['tòan', 'toàn'],
    ['thúê', 'thuế'],
    ['múôn', 'muốn'],
    ['qủa', 'quả'],
    ['của', 'của'],
    ['kìa', 'kìa'],
    ['Thuỷ', 'thủy'],
    ['HOÀ', 'hòa'],
  ];
  it.each(cases)('%s → %s', (typed, canonical) => {
    expect(tokenize(typed)).toEqual([canonical]);
    expect(normalizeText(typed)).toBe(canonical);
  });

  it('keeps case where it moves the mark', () => {
    expect(normalizeText('HOÀ BÌNH, Thuỷ', { keepCase: true })).toBe('HÒA BÌNH, Thủy');
  });

  it('leaves words that are not Vietnamese syllables as they are', () => {
    expect(tokenize('café')).toEqual(['café']);
    expect(tokenize('ngoàix')).toEqual(['ngoàix']);
  });

  it('gives the same tokens for both tone styles on real syllables', () => {
    const text = SYLLABLES.join(' ');
    const newStyle = toNewToneStyle(text);
    expect(newStyle).not.toBe(text);
    expect(tokenize(newStyle)).toEqual(tokenize(text));
  });
});
