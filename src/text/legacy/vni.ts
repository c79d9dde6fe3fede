/**
 * VNI-Windows (VNI-Times) as it arrives in extracted text: a base letter
 * followed by one Latin-1 mark character ("Vieät" = Việt, "ñöôïc" = được).
 */
import {
  CHAR_TABLE,
  FLAG_UPPER,
  KIND_LETTER,
  KIND_MASK,
  TONE_MASK,
  TONE_SHIFT,
  VALUE_MASK,
  VALUE_SHIFT,
} from '../char-table.js';
import {
  COMPOSED_LOWER,
  COMPOSED_UPPER,
  ID_A,
  MODIFIED,
  MOD_BREVE,
  MOD_CIRCUMFLEX,
  TONE_COUNT,
  VOWEL_COUNT,
} from '../letters.js';
import { DecodeOutput, decodeLines } from './decode-output.js';

const MARK_TONE_ONLY = 1;
const MARK_CIRCUMFLEX = 2;
const MARK_BREVE = 3;

/** Mark characters: lower-case and upper-case code, family, tone id. */
const MARKS: Array<[string, number, number]> = [
  ['ùÙ', MARK_TONE_ONLY, 1],
  ['øØ', MARK_TONE_ONLY, 2],
  ['ûÛ', MARK_TONE_ONLY, 3],
  ['õÕ', MARK_TONE_ONLY, 4],
  ['ïÏ', MARK_TONE_ONLY, 5],
  ['âÂ', MARK_CIRCUMFLEX, 0],
  ['áÁ', MARK_CIRCUMFLEX, 1],
  ['àÀ', MARK_CIRCUMFLEX, 2],
  ['åÅ', MARK_CIRCUMFLEX, 3],
  ['ãÃ', MARK_CIRCUMFLEX, 4],
  ['äÄ', MARK_CIRCUMFLEX, 5],
  ['êÊ', MARK_BREVE, 0],
  ['éÉ', MARK_BREVE, 1],
  ['èÈ', MARK_BREVE, 2],
  ['úÚ', MARK_BREVE, 3],
  ['üÜ', MARK_BREVE, 4],
  ['ëË', MARK_BREVE, 5],
];

/** Characters that are whole letters in VNI: VNI code(s) → Unicode. */
const LETTERS: Array<[string, string]> = [
  ['ôÔ', 'ơƠ'],
  ['öÖ', 'ưƯ'],
  ['ñÑ', 'đĐ'],
  ['íÍ', 'íÍ'],
  ['ìÌ', 'ìÌ'],
  ['æÆ', 'ỉỈ'],
  ['óÓ', 'ĩĨ'],
  ['òÒ', 'ịỊ'],
  ['îÎ', 'ỵỴ'],
];

/** `MARK_TABLE[code]` = family << 4 | tone, for Latin-1 codes. */
const MARK_TABLE = new Uint8Array(0x100);
for (const [chars, family, tone] of MARKS) {
  for (const ch of chars) MARK_TABLE[ch.charCodeAt(0)] = (family << 4) | tone;
}
const LETTER_TABLE = new Uint16Array(0x100);
for (const [vni, unicode] of LETTERS) {
  for (let k = 0; k < vni.length; k++) LETTER_TABLE[vni.charCodeAt(k)] = unicode.charCodeAt(k);
}

/** The letter `last` with the VNI mark `mark` applied, or 0 when it does not apply. */
function applyMark(last: number, mark: number): number {
  const entry = CHAR_TABLE[last];
  if ((entry & KIND_MASK) !== KIND_LETTER) return 0;
  let id = (entry >>> VALUE_SHIFT) & VALUE_MASK;
  if (id > VOWEL_COUNT || ((entry >>> TONE_SHIFT) & TONE_MASK) !== 0) return 0;
  const family = mark >>> 4;
  if (family === MARK_CIRCUMFLEX) id = MODIFIED[id * 4 + MOD_CIRCUMFLEX];
  else if (family === MARK_BREVE) id = id === ID_A ? MODIFIED[id * 4 + MOD_BREVE] : 0;
  if (id === 0) return 0;
  const table = (entry & FLAG_UPPER) !== 0 ? COMPOSED_UPPER : COMPOSED_LOWER;
  return table[id * TONE_COUNT + (mark & 0xf)];
}

/** Decode VNI text to Unicode; lines that already hold Unicode Vietnamese are kept. */
export function decodeVni(text: string, out: DecodeOutput): void {
  decodeLines(text, out, (from, to) => decodeVniChars(text, out, from, to));
}

/** Decode text[from..to) as VNI without looking at lines. */
export function decodeVniChars(text: string, out: DecodeOutput, from: number, to: number): void {
  let lastWasDecoded = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x100) {
      out.push(c, i);
      lastWasDecoded = false;
      continue;
    }
    const mark = MARK_TABLE[c];
    if (mark !== 0 && out.length > 0) {
      // A mark applies once: "oâ" is ô, but "oââ" keeps the second â.
      const composed = lastWasDecoded ? 0 : applyMark(out.last(), mark);
      if (composed !== 0) {
        out.replaceLast(composed);
        lastWasDecoded = true;
        continue;
      }
    }
    const letter = LETTER_TABLE[c];
    out.push(letter !== 0 ? letter : c, i);
    lastWasDecoded = false;
  }
}
