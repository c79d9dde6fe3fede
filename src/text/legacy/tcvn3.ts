/**
 * TCVN3 (TCVN 5712:1993 VN3, the ABC fonts .VnTime/.VnTimeH) as it arrives in
 * extracted text: one Latin-1 code point per Vietnamese letter.
 */
import { isVietnameseSyllable } from '../syllable.js';
import { LOST_U_REPAIRS } from './lost-u.js';
import { DecodeOutput, isAsciiLetter, isWordChar, decodeLines } from './decode-output.js';

/** Scratch buffer for decoding one word at a time. */
const WORD = new DecodeOutput();
/**
 * Code points 0xA1–0xFE in TCVN3 order; '.' marks the 20 positions that hold
 * no Vietnamese letter (they stay as they are).
 */
const TCVN3_FROM_A1 =
  'ĂÂÊÔƠƯĐăâêôơưđ' + // A1–AE
  '......' + // AF–B4
  'àảãáạ' + // B5–B9
  '.' + // BA
  'ằẳẵắ' + // BB–BE
  '.......' + // BF–C5
  'ặầẩẫấậèẻẽéẹềểễếệìỉ' + // C6–D8, with CD unused (see below)
  '...' + // D9–DB
  'ĩíịò' + // DC–DF
  '.' + // E0
  'ỏõóọồổỗốộờởỡớợù' + // E1–EF
  '.' + // F0
  'ủũúụừửữứựỳỷỹýỵ'; // F1–FE

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x100);
  let code = 0xa1;
  for (const ch of TCVN3_FROM_A1) {
    // 0xCD is the one hole inside the C6–D8 run: è at CC, ẻ at CE.
    if (code === 0xcd) code++;
    if (ch !== '.') table[code] = ch.charCodeAt(0);
    code++;
  }
  return table;
}

/** `TCVN3_TABLE[byte]` is the Unicode code unit of that TCVN3 byte, or 0. */
export const TCVN3_TABLE = buildTable();

/** Decode one character run of TCVN3 text, 1:1. */
export function decodeTcvn3Chars(text: string, out: DecodeOutput, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const mapped = c < 0x100 ? TCVN3_TABLE[c] : 0;
    out.push(mapped !== 0 ? mapped : c, i);
  }
}

/**
 * Did the extractor drop the soft hyphens (TCVN3's ư)? Only if there are none
 * at all and some word proves it: an ơ syllable that is not Vietnamese without
 * its ư ("®îc" → đợc), not merely a word with two readings (t/tư, cha/chưa).
 */
const HAS_O_HORN = /[ơớờởỡợ]/;

function softHyphensWereDropped(text: string): boolean {
  if (text.indexOf('\u00ad') >= 0) return false;
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    const word = WORD.reset();
    decodeTcvn3Chars(text, word, i, end);
    const decoded = word.toString().toLowerCase();
    if (LOST_U_REPAIRS.has(decoded) && HAS_O_HORN.test(decoded) && !isVietnameseSyllable(decoded))
      return true;
    i = end;
  }
  return false;
}

/**
 * Decode TCVN3 text to Unicode. Lines that already hold Unicode Vietnamese
 * letters are kept (documents pasted together from two sources). When the
 * extractor dropped the soft hyphens, the lost ư are put back; lines typed in
 * the capitals font .VnTimeH (lower-case codes among ASCII capitals) are upper-cased.
 */
export function decodeTcvn3(text: string, out: DecodeOutput): void {
  const repairLostU = softHyphensWereDropped(text);
  decodeLines(text, out, (from, to) => decodeTcvn3Line(text, from, to, out, repairLostU));
}

function decodeTcvn3Line(
  text: string,
  from: number,
  to: number,
  out: DecodeOutput,
  repairLostU: boolean,
): void {
  const upper = isCapitalsLine(text, from, to);
  let i = from;
  while (i < to) {
    if (!isWordChar(text.charCodeAt(i))) {
      decodeTcvn3Chars(text, out, i, i + 1);
      i++;
      continue;
    }
    let end = i;
    while (end < to && isWordChar(text.charCodeAt(end))) end++;
    const word = WORD.reset();
    decodeTcvn3Chars(text, word, i, end);
    let decoded = word.toString();
    let origins = word.origins();
    if (repairLostU) {
      const repaired = LOST_U_REPAIRS.get(decoded.toLowerCase());
      if (repaired !== undefined) {
        origins = alignInsertedLetters(decoded, repaired, origins);
        decoded = matchCase(decoded, repaired);
      }
    }
    if (upper) decoded = decoded.toUpperCase();
    for (let k = 0; k < decoded.length; k++) out.push(decoded.charCodeAt(k), origins[k]);
    i = end;
  }
}

/** Origins for `repaired`, which is `decoded` with letters inserted: an inserted letter takes the next letter's origin. */
function alignInsertedLetters(decoded: string, repaired: string, origins: Int32Array): Int32Array {
  const result = new Int32Array(repaired.length);
  const lower = decoded.toLowerCase();
  let j = 0;
  for (let k = 0; k < repaired.length; k++) {
    if (j < lower.length && repaired[k] === lower[j]) {
      result[k] = origins[j++];
    } else {
      result[k] = j < origins.length ? origins[j] : origins[origins.length - 1] + 1;
    }
  }
  return result;
}

function matchCase(original: string, repaired: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return repaired.toUpperCase();
  if (original[0] !== original[0].toLowerCase())
    return repaired[0].toUpperCase() + repaired.slice(1);
  return repaired;
}

/** A line set in .VnTimeH: at least four ASCII letters, nine in ten of them capitals. */
function isCapitalsLine(text: string, from: number, to: number): boolean {
  let letters = 0;
  let capitals = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiLetter(c)) {
      letters++;
      if (c <= 0x5a) capitals++;
    }
  }
  return letters >= 4 && capitals * 10 >= letters * 9;
}
