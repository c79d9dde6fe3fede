/**
 * One lookup per UTF-16 code unit tells the scanner everything it needs:
 * kind, letter id, tone, case, and hints for legacy-encoding detection.
 * A table lookup replaces regexes and `toLowerCase` on the hot path.
 */
import {
  BASE_LETTERS,
  COMPOSED_LOWER,
  TONE_COUNT,
  DIGIT_ID_BASE,
  LETTER_COUNT,
  MOD_BREVE,
  MOD_CIRCUMFLEX,
  MOD_HORN,
  TONED_VOWELS,
  TONE_ACUTE,
  TONE_DOT,
  TONE_GRAVE,
  TONE_HOOK,
  TONE_TILDE,
  VOWEL_COUNT,
  letterId,
} from './letters.js';

/** Not part of a token; kept (lower-cased) by normalizeText. */
export const KIND_OTHER = 0;
export const KIND_LETTER = 1;
/** An ASCII digit; value = its id (DIGIT_ID_BASE + digit). */
export const KIND_DIGIT = 2;
/** A combining Vietnamese tone mark; value = tone id. */
export const KIND_TONE_MARK = 3;
/** A combining circumflex, breve or horn; value = modifier id. */
export const KIND_MODIFIER_MARK = 4;
export const KIND_SPACE = 5;
export const KIND_LINE_BREAK = 6;
/** Invisible characters that neither separate nor belong to tokens (soft hyphen, ZWJ, BOM). */
export const KIND_IGNORABLE = 7;
/** Dashes and quotes that normalizeText unifies; the replacement is the output code unit. */
export const KIND_MAPPED_PUNCT = 8;
/** A combining mark that is not Vietnamese (diaeresis, ring…). */
export const KIND_FOREIGN_MARK = 9;

export const KIND_MASK = 0xf;
export const VALUE_SHIFT = 4; // letter id, tone id or modifier id
export const VALUE_MASK = 0x3f;
export const TONE_SHIFT = 10;
export const TONE_MASK = 0x7;
/** The tone bits in place: `(entry & TONE_BITS) !== 0` for a toned vowel. */
export const TONE_BITS = TONE_MASK << TONE_SHIFT;
export const FLAG_UPPER = 1 << 13;
/** The code unit is not its own canonical lower-case form. */
export const FLAG_CHANGED = 1 << 14;
/** Non-letters: a Latin-1 character that Vietnamese Unicode text does not use but TCVN3/VNI text does. */
export const FLAG_LEGACY_HINT = 1 << 15;
/** Letters: a vowel (the same bit as FLAG_LEGACY_HINT, which never marks a letter). */
export const FLAG_VOWEL = 1 << 15;
/**
 * The high 16 bits hold the code unit that normalizeText writes: for letters and
 * digits the canonical lower-case form, for mapped punctuation the replacement.
 */
export const OUTPUT_SHIFT = 16;

/** The table, indexed by UTF-16 code unit. */
export const CHAR_TABLE = new Int32Array(0x10000);

/** The table entry of a letter; also used to rebuild a letter after a mark or a tone move. */
export function letterEntry(id: number, tone: number, upper: boolean, changed: boolean): number {
  return (
    KIND_LETTER |
    (id << VALUE_SHIFT) |
    (tone << TONE_SHIFT) |
    (upper ? FLAG_UPPER | FLAG_CHANGED : 0) |
    (changed ? FLAG_CHANGED : 0) |
    (id <= VOWEL_COUNT ? FLAG_VOWEL : 0) |
    (COMPOSED_LOWER[id * TONE_COUNT + tone] << OUTPUT_SHIFT)
  );
}

function setLetter(ch: string, id: number, tone: number, upper: boolean, changed = false): void {
  const code = ch.charCodeAt(0);
  CHAR_TABLE[code] = letterEntry(id, tone, upper, changed);
}

for (let id = 1; id <= LETTER_COUNT; id++) {
  const row = id <= VOWEL_COUNT ? TONED_VOWELS[id - 1] : BASE_LETTERS[id - 1];
  for (let tone = 0; tone < row.length; tone++) {
    setLetter(row[tone], id, tone, false);
    setLetter(row[tone].toUpperCase(), id, tone, true);
  }
}
const ID_D_STROKE = letterId('đ');
// NFC keeps these apart from Đ/đ although they look the same (VIETNAMESE.md).
setLetter('\u00d0', ID_D_STROKE, 0, true, true);
setLetter('\u00f0', ID_D_STROKE, 0, false, true);
setLetter('\u0189', ID_D_STROKE, 0, true, true);
// NFC maps the Kelvin sign to K.
setLetter('\u212a', letterId('k'), 0, true, true);
// Lower case turns the Turkish dotted capital I into i and a combining dot: it reads as I.
setLetter('\u0130', letterId('i'), 0, true, true);

for (let d = 0; d <= 9; d++) {
  CHAR_TABLE[0x30 + d] =
    KIND_DIGIT | ((DIGIT_ID_BASE + d) << VALUE_SHIFT) | ((0x30 + d) << OUTPUT_SHIFT);
}

const TONE_MARKS: Array<[number, number]> = [
  [0x0300, TONE_GRAVE],
  [0x0301, TONE_ACUTE],
  [0x0303, TONE_TILDE],
  [0x0309, TONE_HOOK],
  [0x0323, TONE_DOT],
  [0x0340, TONE_GRAVE], // deprecated, NFC maps it to U+0300
  [0x0341, TONE_ACUTE], // deprecated, NFC maps it to U+0301
];
const FOREIGN_MARK_RANGES: Array<[number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
for (const [from, to] of FOREIGN_MARK_RANGES) {
  for (let c = from; c <= to; c++) CHAR_TABLE[c] = KIND_FOREIGN_MARK;
}
for (const [code, tone] of TONE_MARKS) {
  CHAR_TABLE[code] = KIND_TONE_MARK | (tone << VALUE_SHIFT) | FLAG_CHANGED;
}
CHAR_TABLE[0x0302] = KIND_MODIFIER_MARK | (MOD_CIRCUMFLEX << VALUE_SHIFT) | FLAG_CHANGED;
CHAR_TABLE[0x0306] = KIND_MODIFIER_MARK | (MOD_BREVE << VALUE_SHIFT) | FLAG_CHANGED;
CHAR_TABLE[0x031b] = KIND_MODIFIER_MARK | (MOD_HORN << VALUE_SHIFT) | FLAG_CHANGED;
CHAR_TABLE[0x034f] = KIND_IGNORABLE; // combining grapheme joiner

const SPACES = [
  0x09, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
];
for (const c of SPACES) CHAR_TABLE[c] = KIND_SPACE;
for (const c of [0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]) CHAR_TABLE[c] = KIND_LINE_BREAK;
// Other control characters (NUL, the cell marks of .doc files…) separate words like spaces.
for (let c = 0; c < 0x20; c++) if (CHAR_TABLE[c] === 0) CHAR_TABLE[c] = KIND_SPACE;
for (let c = 0x7f; c < 0xa0; c++) if (CHAR_TABLE[c] === 0) CHAR_TABLE[c] = KIND_SPACE;

const IGNORABLES = [
  0xad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d,
  0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];
for (const c of IGNORABLES) CHAR_TABLE[c] = KIND_IGNORABLE;

function mapPunct(codes: number[], replacement: string): void {
  for (const c of codes) {
    CHAR_TABLE[c] = KIND_MAPPED_PUNCT | FLAG_CHANGED | (replacement.charCodeAt(0) << OUTPUT_SHIFT);
  }
}
mapPunct([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d], '-');
mapPunct([0x201c, 0x201d, 0x201e, 0x201f, 0xab, 0xbb, 0x2033, 0x301d, 0x301e, 0xff02], '"');
mapPunct([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0xff07], "'");

// Every Latin-1 character that is not a Vietnamese letter is a hint of TCVN3 or VNI text
// (never a letter, so the scanner counts hints only between tokens).
for (let c = 0xa1; c <= 0xff; c++) {
  if ((CHAR_TABLE[c] & KIND_MASK) !== KIND_LETTER) CHAR_TABLE[c] |= FLAG_LEGACY_HINT;
}
