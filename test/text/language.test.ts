import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/index.js';
import { SENTENCES, toTcvn3 } from '../helpers/vietnamese.js';

describe('detectLanguage', () => {
  it('recognises Vietnamese, in NFC and NFD', () => {
    const text = SENTENCES.join(' ');
    expect(detectLanguage(text)).toBe('vi');
    expect(detectLanguage(text.normalize('NFD'))).toBe('vi');
  });

  it('recognises English', () => {
    expect(
      detectLanguage(
        'The committee approved the implementation plan for the provincial resolution.',
      ),
    ).toBe('en');
  });

  it('does not read undecoded TCVN3 text as Vietnamese', () => {
    expect(detectLanguage(toTcvn3(SENTENCES.join(' ')))).not.toBe('vi');
  });

  it('says nothing about empty or blank text', () => {
    expect(detectLanguage('')).toBe('');
    expect(detectLanguage(' \n\t ')).toBe('');
  });
});
