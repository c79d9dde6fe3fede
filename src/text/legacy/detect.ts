/**
 * Which encoding does extracted text use? Decode under each hypothesis and keep
 * the one whose words are mostly well-formed Vietnamese syllables.
 */
import {
  CHAR_TABLE,
  FLAG_LEGACY_HINT,
  KIND_LETTER,
  KIND_MASK,
  KIND_MODIFIER_MARK,
  KIND_TONE_MARK,
  OUTPUT_SHIFT,
} from '../char-table.js';
import { isVietnameseSyllable } from '../syllable.js';
import { COMMON_SYLLABLE_RANK } from './common-syllables.js';
import { DecodeOutput, isWordChar } from './decode-output.js';
import { decodeTcvn3Chars } from './tcvn3.js';
import { decodeVniChars } from './vni.js';

/** The encodings saochep recognises in extracted text. */
export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';
/** The legacy (pre-Unicode) Vietnamese encodings. */
export type LegacyEncoding = Exclude<TextEncoding, 'unicode'>;

/** Words with a Latin-1 character looked at, at most. */
const MAX_SAMPLE_WORDS = 4000;
/** A legacy reading must reach at least this mean plausibility… */
const MIN_LEGACY_SCORE = 0.5;
/** …and beat the Unicode reading by this much, so Unicode text is kept unless decoding gains a lot. */
const MIN_GAIN = 0.15;

/** Cheap evidence about a text's encoding, counted in one pass. */
export interface EncodingSignals {
  /** Latin-1 non-letters that Vietnamese Unicode text does not use (¸ µ ¶ § …): TCVN3/VNI hints. */
  hints: number;
  /** Vietnamese letters beyond Latin-1 (ă đ ơ ư ạ …), which legacy text does not have. */
  vnUnicode: number;
  /** Letters whose canonical form is in Latin-1 (à á â é …): in VNI text, the only non-ASCII letters. */
  latin1Letters: number;
  /** Vietnamese combining marks (NFD text). */
  marks: number;
}

export function countSignals(text: string): EncodingSignals {
  let hints = 0;
  let vnUnicode = 0;
  let latin1Letters = 0;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = CHAR_TABLE[text.charCodeAt(i)];
    const kind = entry & KIND_MASK;
    if (kind === KIND_LETTER) {
      const canonical = entry >>> OUTPUT_SHIFT;
      if (canonical > 0xff) vnUnicode++;
      else if (canonical >= 0x80) latin1Letters++;
    } else if (kind === KIND_TONE_MARK || kind === KIND_MODIFIER_MARK) {
      marks++;
    } else if ((entry & FLAG_LEGACY_HINT) !== 0) {
      hints++;
    }
  }
  return { hints, vnUnicode, latin1Letters, marks };
}

/**
 * True when the signals alone settle that the text is Unicode: no legacy hint
 * and either a letter beyond Latin-1 or no Latin-1 letter at all; or hints
 * swamped by Unicode Vietnamese letters (a few stray ° « © in a Unicode document).
 *
 * The scanner flags a text for a closer look under the converse condition
 * (see tokenize.ts), so the two never disagree.
 */
export function unicodeBySignals(s: EncodingSignals): boolean {
  const unicodeLetters = s.vnUnicode + s.marks;
  if (s.hints === 0) return unicodeLetters > 0 || s.latin1Letters === 0;
  return s.hints * 4 < unicodeLetters;
}

/** A word of the text as a legacy reader sees it: letters plus Latin-1, any Unicode letter or Vietnamese mark. */
function isLegacyWordChar(c: number): boolean {
  if (isWordChar(c)) return true;
  const kind = CHAR_TABLE[c] & KIND_MASK;
  return (
    c >= 0x100 && (kind === KIND_LETTER || kind === KIND_TONE_MARK || kind === KIND_MODIFIER_MARK)
  );
}

/**
 * How Vietnamese a decoded word looks: from 1 down to 0.9 for the frequent
 * syllables exactly as written (mark in place), by rank, so that the likelier
 * of two readings wins; 0.5 for another well-formed syllable; 0 otherwise.
 */
function plausibility(word: string): number {
  const known = PLAUSIBILITY.get(word);
  if (known !== undefined) return known;
  const lower = word.normalize('NFC').toLowerCase();
  const rank = COMMON_SYLLABLE_RANK.get(lower);
  const value =
    rank !== undefined
      ? 1 - rank / (10 * COMMON_SYLLABLE_RANK.size)
      : isVietnameseSyllable(lower)
        ? 0.5
        : 0;
  // Words repeat (a language has a few thousand syllables): reading a legacy document again costs little.
  if (PLAUSIBILITY.size >= MAX_REMEMBERED_WORDS) PLAUSIBILITY.clear();
  PLAUSIBILITY.set(word, value);
  return value;
}

/** {@link plausibility} of the words met, as written. */
const PLAUSIBILITY = new Map<string, number>();
/** Words remembered at most: a few MB, and it starts over beyond. */
const MAX_REMEMBERED_WORDS = 100_000;

/** Scratch buffers for decoding one word at a time. */
const AS_TCVN3 = new DecodeOutput();
const AS_VNI = new DecodeOutput();

/** Mean plausibility, under each hypothesis, of the words that hold a Latin-1 character. */
export function scoreEncodings(text: string): {
  words: number;
  unicode: number;
  tcvn3: number;
  vni: number;
} {
  let words = 0;
  let unicode = 0;
  let tcvn3 = 0;
  let vni = 0;
  let i = 0;
  while (i < text.length && words < MAX_SAMPLE_WORDS) {
    if (!isLegacyWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    let informative = false;
    while (end < text.length && isLegacyWordChar(text.charCodeAt(end))) {
      const c = text.charCodeAt(end);
      if (c >= 0x80 && c <= 0xff) informative = true;
      end++;
    }
    if (informative) {
      words++;
      unicode += plausibility(text.slice(i, end));
      const asTcvn3 = AS_TCVN3.reset();
      decodeTcvn3Chars(text, asTcvn3, i, end);
      tcvn3 += plausibility(asTcvn3.toString());
      const asVni = AS_VNI.reset();
      decodeVniChars(text, asVni, i, end);
      vni += plausibility(asVni.toString());
    }
    i = end;
  }
  const share = (n: number) => (words === 0 ? 0 : n / words);
  return { words, unicode: share(unicode), tcvn3: share(tcvn3), vni: share(vni) };
}

/**
 * The encoding of `text`, and the text to decode: NFC when the text held
 * combining marks (legacy text that went through NFD composes back to its codes).
 */
export function detectEncodingWithSource(text: string): { encoding: TextEncoding; source: string } {
  let signals = countSignals(text);
  if (unicodeBySignals(signals)) return { encoding: 'unicode', source: text };
  let source = text;
  if (signals.marks > 0) {
    source = text.normalize('NFC');
    signals = countSignals(source);
    if (unicodeBySignals(signals)) return { encoding: 'unicode', source: text };
  }
  const score = scoreEncodings(source);
  const best: LegacyEncoding = score.vni > score.tcvn3 ? 'vni' : 'tcvn3';
  const bestScore = score[best];
  if (bestScore >= MIN_LEGACY_SCORE && bestScore >= score.unicode + MIN_GAIN)
    return { encoding: best, source };
  return { encoding: 'unicode', source: text };
}

/** The encoding of `text` (see {@link detectEncodingWithSource}). */
export function detectEncodingOf(text: string): TextEncoding {
  return detectEncodingWithSource(text).encoding;
}
