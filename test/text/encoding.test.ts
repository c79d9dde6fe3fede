import { describe, expect, it } from 'vitest';
import { decodeLegacy, detectEncoding } from '../../src/index.js';
import { SENTENCES, toTcvn3, toVni } from '../helpers/vietnamese.js';

const DOCUMENT = SENTENCES.join('\n');

describe('detectEncoding', () => {
  it('recognises the examples of VIETNAMESE.md', () => {
    expect(detectEncoding('Céng hßa x· héi chñ nghÜa ViÖt Nam')).toBe('tcvn3');
    expect(detectEncoding('KÕ ho¹ch')).toBe('tcvn3');
    expect(detectEncoding('N¬i nhËn:')).toBe('tcvn3');
    expect(detectEncoding('Uû ban nh©n d©n')).toBe('tcvn3');
    expect(detectEncoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('vni');
    expect(detectEncoding('Ñaûng')).toBe('vni');
    expect(detectEncoding('ñöôïc')).toBe('vni');
  });

  it('keeps Unicode, NFD and ASCII text as unicode', () => {
    expect(detectEncoding(DOCUMENT)).toBe('unicode');
    expect(detectEncoding(DOCUMENT.normalize('NFD'))).toBe('unicode');
    expect(detectEncoding('Plain ASCII text, 100% safe.')).toBe('unicode');
    expect(detectEncoding('')).toBe('unicode');
    expect(detectEncoding('và có là')).toBe('unicode');
    // Latin-1 symbols inside Unicode Vietnamese text are not a legacy encoding.
    expect(detectEncoding('Nhiệt độ 30°C, «Hà Nội» © 2024 × ½ · µ')).toBe('unicode');
  });

  it('recognises whole documents in every legacy form', () => {
    expect(detectEncoding(toTcvn3(DOCUMENT))).toBe('tcvn3');
    expect(detectEncoding(toTcvn3(DOCUMENT).replace(/\u00ad/g, ''))).toBe('tcvn3');
    expect(detectEncoding(toTcvn3(DOCUMENT).normalize('NFD'))).toBe('tcvn3');
    expect(detectEncoding(toVni(DOCUMENT))).toBe('vni');
    expect(detectEncoding(toVni(DOCUMENT).toUpperCase())).toBe('vni');
  });
});

describe('decodeLegacy', () => {
  it('decodes TCVN3 and VNI documents to the NFC original', () => {
    expect(decodeLegacy(toTcvn3('Kế hoạch số 12/KH-UBND'))).toBe('Kế hoạch số 12/KH-UBND');
    expect(decodeLegacy(toVni(DOCUMENT))).toBe(DOCUMENT);
    expect(decodeLegacy(toVni(DOCUMENT), 'vni')).toBe(DOCUMENT);
  });

  it('decodes TCVN3 with its case: capitals lines come out in capitals', () => {
    // TCVN3 has no upper-case toned vowels, so mixed-case words lose their capital marks.
    const decoded = decodeLegacy(toTcvn3(DOCUMENT));
    expect(decoded.toLowerCase()).toBe(DOCUMENT.toLowerCase());
    expect(decodeLegacy(toTcvn3('II. NỘI DUNG, NHIỆM VỤ'))).toBe('II. NỘI DUNG, NHIỆM VỤ');
  });

  it('returns Unicode text unchanged', () => {
    expect(decodeLegacy(DOCUMENT)).toBe(DOCUMENT);
    const nfd = DOCUMENT.normalize('NFD');
    expect(decodeLegacy(nfd)).toBe(nfd);
  });

  it('keeps the Unicode lines of a document pasted together from two sources', () => {
    const mixed = `${SENTENCES[0]}\n${toTcvn3(SENTENCES[5])}\n${SENTENCES[6]}`;
    expect(detectEncoding(mixed)).toBe('tcvn3');
    expect(decodeLegacy(mixed)).toBe(`${SENTENCES[0]}\n${SENTENCES[5]}\n${SENTENCES[6]}`);
  });

  it('puts back the ư that an extractor dropped with the soft hyphens', () => {
    const text = 'Trường học được xây dựng theo hướng hiện đại, phục vụ người dân địa phương.';
    expect(decodeLegacy(toTcvn3(text).replace(/\u00ad/g, ''))).toBe(text);
  });

  it('refuses an unknown encoding', () => {
    expect(() => decodeLegacy('x', 'utf8' as 'vni')).toThrow(
      /decodeLegacy: encoding must be 'tcvn3', 'vni' or left out to detect it, got string/,
    );
  });
});
