import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/index.js';
import { toTcvn3 } from '../helpers/vietnamese.js';

describe('normalizeText', () => {
  // Hand-checked expectations.
  it.each([
    ['  CỘNG HOÀ  xã hội\u00a0chủ nghĩa — Việt Nam ', 'cộng hòa xã hội chủ nghĩa - việt nam'],
    ['Ðà Nẵng, ðường', 'đà nẵng, đường'],
    ['“Trích dẫn” và ‘nháy đơn’ «kép»', '"trích dẫn" và \'nháy đơn\' "kép"'],
    ['dòng một\r\n\r\n  dòng hai\tba', 'dòng một\ndòng hai ba'],
    ['A\u2013B\u2014C\u2212D', 'a-b-c-d'],
    ['tự\u200Bdo\uFEFF', 'tựdo'],
    ['\u0000NUL\u0007và\u001Fđiều khiển', 'nul và điều khiển'],
    ['Việt Nam'.normalize('NFD'), 'việt nam'],
    ['', ''],
    ['  \n\t ', ''],
    ['.,;:!?', '.,;:!?'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('decodes legacy encodings first', () => {
    expect(normalizeText(toTcvn3('Kế hoạch số 12/KH-UBND'))).toBe('kế hoạch số 12/kh-ubnd');
  });

  it('keeps case on request', () => {
    expect(normalizeText('Ủy Ban Nhân Dân TỈNH Hoà Bình', { keepCase: true })).toBe(
      'Ủy Ban Nhân Dân TỈNH Hòa Bình',
    );
  });

  it('drops lone surrogates and keeps pairs', () => {
    expect(normalizeText('a\uD800b\uDC00c😀')).toBe('abc😀');
  });

  it('is idempotent', () => {
    const once = normalizeText('  Thuỷ LỢI, qúy — “Ðảng”  ');
    expect(normalizeText(once)).toBe(once);
  });

  it('refuses bad options with a clear error', () => {
    expect(() => normalizeText('x', { keepCase: 'yes' as unknown as boolean })).toThrow(
      /normalizeText: option keepCase must be a boolean, got string/,
    );
  });
});
