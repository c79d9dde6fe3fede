/**
 * Public entry points for legacy encodings: detect, decode, and decode with a
 * map back to the original text.
 */
import { SaochepTypeError, assertText, describeValue } from '../errors.js';
import { DecodeOutput } from './legacy/decode-output.js';
import {
  type LegacyEncoding,
  type TextEncoding,
  detectEncodingOf,
  detectEncodingWithSource,
} from './legacy/detect.js';
import { decodeTcvn3 } from './legacy/tcvn3.js';
import { decodeVni } from './legacy/vni.js';

export type { LegacyEncoding, TextEncoding };

/**
 * Recognise text extracted from documents typed in TCVN3 (ABC fonts such as
 * .VnTime) or VNI-Windows fonts. Plain ASCII and ordinary Unicode Vietnamese
 * (NFC or NFD) are `'unicode'`.
 *
 * Each hypothesis decodes the words that hold Latin-1 characters; a legacy
 * encoding wins only when it turns clearly more of them into well-formed
 * Vietnamese syllables than the text as it is.
 *
 * @example
 * detectEncoding('Céng hßa x· héi chñ nghÜa ViÖt Nam'); // 'tcvn3'
 * detectEncoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'); // 'vni'
 * detectEncoding('Cộng hòa xã hội chủ nghĩa Việt Nam'); // 'unicode'
 */
export function detectEncoding(text: string): TextEncoding {
  assertText('detectEncoding', text);
  return detectEncodingOf(text);
}

/** Decoded text plus, for each of its code units, the index in the source it came from. */
export interface DecodedText {
  /** Unicode (NFC) text. */
  text: string;
  /** `origins[i]` is the index in the source text of decoded code unit i; null when unchanged. */
  origins: Int32Array | null;
  /** The encoding the source was read as. */
  encoding: TextEncoding;
}

function checkEncoding(encoding: unknown): asserts encoding is LegacyEncoding | undefined {
  if (encoding === undefined || encoding === 'tcvn3' || encoding === 'vni') return;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `decodeLegacy: encoding must be 'tcvn3', 'vni' or left out to detect it, got ${describeValue(encoding)}.`,
  );
}

/**
 * Decode (detecting the encoding unless given) and keep the map back to the
 * source. Legacy text that went through NFD is decoded from its NFC form, and
 * `origins` then point into that form.
 */
export function decodeWithOrigins(text: string, encoding?: LegacyEncoding): DecodedText {
  let chosen: TextEncoding;
  let source = text;
  if (encoding === undefined) {
    ({ encoding: chosen, source } = detectEncodingWithSource(text));
  } else {
    chosen = encoding;
    if (hasCombiningMark(text)) source = text.normalize('NFC');
  }
  if (chosen === 'unicode') return { text, origins: null, encoding: chosen };
  const out = new DecodeOutput();
  if (chosen === 'tcvn3') decodeTcvn3(source, out);
  else decodeVni(source, out);
  return { text: out.toString(), origins: out.origins(), encoding: chosen };
}

function hasCombiningMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) return true;
  }
  return false;
}

/**
 * Convert text in a legacy Vietnamese encoding to Unicode (NFC). Without
 * `encoding` it detects the encoding first and returns Unicode text unchanged.
 *
 * Lines that already hold Unicode Vietnamese are kept as they are, so a
 * document pasted together from a legacy and a Unicode source decodes cleanly.
 * TCVN3 text whose soft hyphens (its ư) were dropped by the extractor gets its
 * ư back, and lines typed in the capitals font .VnTimeH come out in capitals.
 *
 * @example
 * decodeLegacy('KÕ ho¹ch sè 12/KH-UBND'); // 'Kế hoạch số 12/KH-UBND'
 * decodeLegacy('Ñaûng boä', 'vni'); // 'Đảng bộ'
 */
export function decodeLegacy(text: string, encoding?: LegacyEncoding): string {
  assertText('decodeLegacy', text);
  checkEncoding(encoding);
  const decoded = decodeWithOrigins(text, encoding).text;
  return encoding === undefined && decoded === text ? text : decoded.normalize('NFC');
}
