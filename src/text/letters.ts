/**
 * The Vietnamese letter model shared by every stage that reads text.
 *
 * A letter is a base id (one of {@link BASE_LETTERS}) plus a tone id. Base ids
 * are 1-based indexes into BASE_LETTERS, so 0 can mean "none" in typed arrays.
 * Vowels come first so that `id <= VOWEL_COUNT` tests for a vowel.
 */

/** The 12 vowel letters, then the consonants (Vietnamese and the four loan letters f j w z). */
export const BASE_LETTERS = 'aăâeêioôơuưybcdđghklmnpqrstvxfjwz';
export const VOWEL_COUNT = 12;
export const LETTER_COUNT = BASE_LETTERS.length;
/** Digits share the letter id space so that a token is one array of ids: '0' is DIGIT_ID_BASE. */
export const DIGIT_ID_BASE = LETTER_COUNT + 1;
/** Ids run from 1 to ID_LIMIT - 1. */
export const ID_LIMIT = DIGIT_ID_BASE + 10;

/** Tone ids, in the order of {@link TONED_VOWELS} rows. */
export const TONE_NONE = 0;
export const TONE_ACUTE = 1; // sắc
export const TONE_GRAVE = 2; // huyền
export const TONE_HOOK = 3; // hỏi
export const TONE_TILDE = 4; // ngã
export const TONE_DOT = 5; // nặng
export const TONE_COUNT = 6;

/** Each vowel with its six tones: none, sắc, huyền, hỏi, ngã, nặng (lower case, NFC). */
export const TONED_VOWELS: readonly string[] = [
  'aáàảãạ',
  'ăắằẳẵặ',
  'âấầẩẫậ',
  'eéèẻẽẹ',
  'êếềểễệ',
  'iíìỉĩị',
  'oóòỏõọ',
  'ôốồổỗộ',
  'ơớờởỡợ',
  'uúùủũụ',
  'ưứừửữự',
  'yýỳỷỹỵ',
];

export const ID_A = 1;
export const ID_A_BREVE = 2;
export const ID_A_CIRC = 3;
export const ID_E = 4;
export const ID_E_CIRC = 5;
export const ID_I = 6;
export const ID_O = 7;
export const ID_O_CIRC = 8;
export const ID_O_HORN = 9;
export const ID_U = 10;
export const ID_U_HORN = 11;
export const ID_Y = 12;
export const ID_C = letterId('c');
export const ID_G = letterId('g');
export const ID_H = letterId('h');
export const ID_M = letterId('m');
export const ID_N = letterId('n');
export const ID_P = letterId('p');
export const ID_Q = letterId('q');
export const ID_T = letterId('t');

/** Modifier ids carried by combining marks and legacy encodings. */
export const MOD_CIRCUMFLEX = 1;
export const MOD_BREVE = 2;
export const MOD_HORN = 3;

/** Base id of a lower-case base letter (1-based), or 0. */
export function letterId(ch: string): number {
  return BASE_LETTERS.indexOf(ch) + 1;
}

/**
 * `MODIFIED[id * 4 + mod]` is the id of the letter with that modifier added,
 * or 0 when the modifier cannot apply (e.g. a breve on e, anything on ê).
 */
export const MODIFIED = new Uint8Array(ID_LIMIT * 4);
MODIFIED[ID_A * 4 + MOD_CIRCUMFLEX] = ID_A_CIRC;
MODIFIED[ID_A * 4 + MOD_BREVE] = ID_A_BREVE;
MODIFIED[ID_E * 4 + MOD_CIRCUMFLEX] = ID_E_CIRC;
MODIFIED[ID_O * 4 + MOD_CIRCUMFLEX] = ID_O_CIRC;
MODIFIED[ID_O * 4 + MOD_HORN] = ID_O_HORN;
MODIFIED[ID_U * 4 + MOD_HORN] = ID_U_HORN;

/** True for ă â ê ô ơ ư: the letters that attract the tone mark in a vowel cluster. */
export const IS_MODIFIED_VOWEL = new Uint8Array(ID_LIMIT);
for (const id of [ID_A_BREVE, ID_A_CIRC, ID_E_CIRC, ID_O_CIRC, ID_O_HORN, ID_U_HORN]) {
  IS_MODIFIED_VOWEL[id] = 1;
}

/**
 * `COMPOSED_LOWER[id * TONE_COUNT + tone]` is the UTF-16 code unit of the letter
 * in lower case NFC; consonants only have tone 0. `COMPOSED_UPPER` likewise.
 */
export const COMPOSED_LOWER = new Uint16Array(ID_LIMIT * TONE_COUNT);
export const COMPOSED_UPPER = new Uint16Array(ID_LIMIT * TONE_COUNT);
for (let id = 1; id <= LETTER_COUNT; id++) {
  const row = id <= VOWEL_COUNT ? TONED_VOWELS[id - 1] : BASE_LETTERS[id - 1];
  for (let tone = 0; tone < row.length; tone++) {
    COMPOSED_LOWER[id * TONE_COUNT + tone] = row.charCodeAt(tone);
    COMPOSED_UPPER[id * TONE_COUNT + tone] = row[tone].toUpperCase().charCodeAt(0);
  }
}

for (let d = 0; d < 10; d++) {
  COMPOSED_LOWER[(DIGIT_ID_BASE + d) * TONE_COUNT] = 0x30 + d;
  COMPOSED_UPPER[(DIGIT_ID_BASE + d) * TONE_COUNT] = 0x30 + d;
}

/** The lower-case NFC string of a letter. */
export function composeLetter(id: number, tone: number, upper = false): string {
  const table = upper ? COMPOSED_UPPER : COMPOSED_LOWER;
  return String.fromCharCode(table[id * TONE_COUNT + tone]);
}
