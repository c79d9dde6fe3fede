import { describe, expect, it } from 'vitest';
import {
  SaochepTypeError,
  decodeLegacy,
  detectEncoding,
  detectLanguage,
  normalizeText,
  tokenize,
} from '../../src/index.js';
import { shingleText } from '../../src/sketch/index.js';

const FUNCTIONS: Array<[string, (value: never) => unknown]> = [
  ['tokenize', tokenize],
  ['normalizeText', normalizeText],
  ['detectEncoding', detectEncoding],
  ['decodeLegacy', decodeLegacy],
  ['detectLanguage', detectLanguage],
  ['shingleText', shingleText],
];

describe('bad input', () => {
  it.each(FUNCTIONS)('%s throws a TypeError naming itself and what it got', (name, fn) => {
    for (const [value, described] of [
      [42, 'number (42)'],
      [null, 'null'],
      [undefined, 'undefined'],
      [{}, 'object'],
      [Buffer.from('abc'), 'Buffer object'],
    ] as const) {
      let error: unknown;
      try {
        fn(value as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toBeInstanceOf(SaochepTypeError);
      expect((error as SaochepTypeError).code).toBe('ERR_SAOCHEP_INVALID_ARGUMENT');
      expect((error as Error).message).toContain(
        `${name}: text must be a string, got ${described}`,
      );
    }
  });

  it('handles empty text, punctuation only, controls, NUL and lone surrogates', () => {
    for (const text of [
      '',
      '   ',
      '.,;!?()[]{}',
      '\u0000\u0001\u0007\u001b',
      '\uD800\uDFFF\uDC00',
      '\u0301\u0323',
    ]) {
      expect(tokenize(text)).toEqual([]);
      expect(shingleText(text)).toHaveLength(0);
      expect(typeof normalizeText(text)).toBe('string');
      expect(detectEncoding(text)).toBe('unicode');
    }
    expect(detectLanguage('')).toBe('');
    expect(tokenize('a\u0000b')).toEqual(['a', 'b']);
  });

  it('handles a 50 MB string', () => {
    const unit = 'Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện nghị quyết số 12. ';
    const repeats = Math.ceil((50 * 1024 * 1024) / unit.length);
    const big = unit.repeat(repeats);
    const tokens = tokenize(big);
    expect(tokens.length).toBe(tokenize(unit).length * repeats);
    expect(tokens.slice(0, 15)).toEqual(tokenize(unit));
    expect(shingleText(big).length).toBe(tokens.length - 5);
    expect(normalizeText(big).length).toBeGreaterThan(40 * 1024 * 1024);
    expect(detectLanguage(big)).toBe('vi');
  });

  it('handles a single 1 MB token', () => {
    const word = 'a'.repeat(1 << 20);
    expect(tokenize(word)).toEqual([word]);
    expect(shingleText(word)).toHaveLength(1);
  });
});
