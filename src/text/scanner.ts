/**
 * The syllable scanner: one pass over UTF-16 code units that cuts text into
 * tokens (runs of Vietnamese letters and digits) and puts every token in its
 * canonical form (lower case, NFC, Đ for Ð, one tone placement) without
 * building strings. tokenize, normalizeText and the shingle hashes all run on
 * it, which is what keeps their tokens identical.
 *
 * A token is held as the table entries of its letters (see char-table.ts):
 * `entries[j] >>> OUTPUT_SHIFT` is the canonical lower-case code unit of letter j.
 */
import {
  CHAR_TABLE as CHAR_TABLE_,
  FLAG_CHANGED as FLAG_CHANGED_,
  FLAG_UPPER as FLAG_UPPER_,
  KIND_DIGIT as KIND_DIGIT_,
  KIND_FOREIGN_MARK as KIND_FOREIGN_MARK_,
  KIND_IGNORABLE as KIND_IGNORABLE_,
  KIND_LETTER as KIND_LETTER_,
  KIND_LINE_BREAK as KIND_LINE_BREAK_,
  KIND_MAPPED_PUNCT as KIND_MAPPED_PUNCT_,
  KIND_OTHER as KIND_OTHER_,
  KIND_SPACE as KIND_SPACE_,
  KIND_MASK as KIND_MASK_,
  KIND_MODIFIER_MARK as KIND_MODIFIER_MARK_,
  KIND_TONE_MARK as KIND_TONE_MARK_,
  OUTPUT_SHIFT as OUTPUT_SHIFT_,
  TONE_BITS as TONE_BITS_,
  TONE_MASK as TONE_MASK_,
  TONE_SHIFT as TONE_SHIFT_,
  VALUE_MASK as VALUE_MASK_,
  VALUE_SHIFT as VALUE_SHIFT_,
  letterEntry as letterEntry_,
} from './char-table.js';
import { MODIFIED as MODIFIED_, VOWEL_COUNT as VOWEL_COUNT_ } from './letters.js';
import {
  FNV_OFFSET as FNV_OFFSET_,
  FNV_PRIME as FNV_PRIME_,
  NUMBER_TOKEN_HASH as NUMBER_TOKEN_HASH_,
} from './token-hash.js';
import { NO_MOVE, ToneMoveCache } from './tone-move-cache.js';

// Module-level copies of the imported constants that the hot loops read: some
// loaders (vite-node, used by the tests) turn every read of an imported binding
// into a getter call, which made the scan five times slower there.
const CHAR_TABLE = CHAR_TABLE_;
const FLAG_CHANGED = FLAG_CHANGED_;
const FLAG_UPPER = FLAG_UPPER_;
const KIND_DIGIT = KIND_DIGIT_;
const KIND_FOREIGN_MARK = KIND_FOREIGN_MARK_;
const KIND_IGNORABLE = KIND_IGNORABLE_;
const KIND_LETTER = KIND_LETTER_;
const KIND_LINE_BREAK = KIND_LINE_BREAK_;
const KIND_MAPPED_PUNCT = KIND_MAPPED_PUNCT_;
const KIND_OTHER = KIND_OTHER_;
const KIND_SPACE = KIND_SPACE_;
const KIND_MASK = KIND_MASK_;
const KIND_MODIFIER_MARK = KIND_MODIFIER_MARK_;
const KIND_TONE_MARK = KIND_TONE_MARK_;
const OUTPUT_SHIFT = OUTPUT_SHIFT_;
const TONE_BITS = TONE_BITS_;
const TONE_MASK = TONE_MASK_;
const TONE_SHIFT = TONE_SHIFT_;
const VALUE_MASK = VALUE_MASK_;
const VALUE_SHIFT = VALUE_SHIFT_;
const letterEntry = letterEntry_;
const MODIFIED = MODIFIED_;
const VOWEL_COUNT = VOWEL_COUNT_;
const FNV_OFFSET = FNV_OFFSET_;
const FNV_PRIME = FNV_PRIME_;
const NUMBER_TOKEN_HASH = NUMBER_TOKEN_HASH_;

/** Receives each token; its canonical letters are in `scanner.entries[0..scanner.length)`. */
export interface TokenSink {
  token(scanner: SyllableScanner, start: number, end: number): void;
}

/** Also receives every code unit that is not part of a token (normalize mode). */
export interface GapSink extends TokenSink {
  gap(code: number, entry: number): void;
}

/** The scan finished. */
export const SCAN_DONE = 0;
/**
 * A combining mark could not be applied the way NFC would (a mark on a digit or
 * consonant, two tones, a non-Vietnamese mark): the caller must fall back to
 * NFC followed by {@link SyllableScanner.scanNormalized}. Raw mode only.
 */
export const SCAN_NEEDS_NFC = 1;

/** runHashes met a character only the general loop handles (internal). */
const SCAN_COMPLEX = 2;

const INITIAL_CAPACITY = 64;
const HINT_BIT = 15;
const VOWEL_BIT = 15; // FLAG_VOWEL, on letters only
const SEPARATOR_KINDS =
  (1 << KIND_OTHER) | (1 << KIND_SPACE) | (1 << KIND_LINE_BREAK) | (1 << KIND_MAPPED_PUNCT);
/** Scanner-internal flag (a bit no table entry uses): letters changed after they were hashed. */
const FLAG_REHASH = 1 << 31;

/** Reusable scanner. Not re-entrant: one scan at a time per instance. */
export class SyllableScanner {
  /** Table entries of the current token's letters and digits, in canonical form. */
  entries: Int32Array = new Int32Array(INITIAL_CAPACITY);
  /** Letters and digits in the current token. */
  length = 0;
  /** True when the current token is all digits. */
  allDigits = false;
  /** True when the current token's first letter was upper case. */
  firstUpper = false;
  /** True when every letter of the current token was upper case. */
  allUpper = false;
  /** False when the token's source code units are already its canonical lower-case form. */
  changed = false;
  /** FNV-1a hash of the token's canonical lower-case code units (see token-hash.ts). */
  hash = 0;
  /** Latin-1 characters seen that Vietnamese Unicode text does not use (TCVN3/VNI hints). */
  legacyHints = 0;
  /** OR of the canonical code units of every letter seen: tells whether any was beyond Latin-1. */
  letterCodes = 0;
  private readonly toneMoves = new ToneMoveCache();

  /** Token hashes written by {@link scanHashes} (all-digit tokens as NUMBER_TOKEN_HASH). */
  hashes: Uint32Array = new Uint32Array(1 << 14);
  /** Tokens in `hashes`. */
  hashCount = 0;

  /** Scan raw text (any normalization form). Returns SCAN_DONE or SCAN_NEEDS_NFC. */
  scan(text: string, sink: TokenSink): number {
    return this.run(text, sink, null);
  }

  /**
   * Scan raw text keeping only each token's hash, in `hashes[0..hashCount)`:
   * the signing path. Returns SCAN_DONE or SCAN_NEEDS_NFC.
   */
  scanHashes(text: string): number {
    this.hashCount = 0;
    if (this.runHashes(text) === SCAN_DONE) return SCAN_DONE;
    // Combining marks or invisible characters: the general loop handles them.
    this.hashCount = 0;
    return this.run(text, null, null);
  }

  /** Token starts written by {@link scanStream} (UTF-16 offsets in the text). */
  starts: Int32Array = new Int32Array(1 << 14);
  /** Token ends written by {@link scanStream}. */
  ends: Int32Array = new Int32Array(1 << 14);
  /** Token cases written by {@link scanStream}: STREAM_LOWER, STREAM_TITLE or STREAM_CAPITALS. */
  cases: Uint8Array = new Uint8Array(1 << 14);
  /** After {@link scanStream}: the end of the first token with a letter beyond Latin-1, or -1. */
  wideLetterEnd = -1;
  /** After {@link scanStream}: the offset of the first surrogate code unit, or -1. */
  firstSurrogate = -1;

  /**
   * Scan raw text keeping each token's hash, place and case, in
   * `hashes`, `starts`, `ends` and `cases` `[0..hashCount)`: the token
   * stream's fast path. Returns SCAN_DONE, or SCAN_COMPLEX at the first
   * combining mark or invisible character (nothing is kept then: scan with a
   * sink instead).
   */
  scanStream(text: string): number {
    this.hashCount = 0;
    return this.runStream(text);
  }

  /** Scan NFC text keeping only each token's hash, like {@link scanHashes}. Always completes. */
  scanNormalizedHashes(text: string): void {
    this.hashCount = 0;
    this.run(text, null, IGNORE_GAPS);
  }

  /** Scan NFC text, reporting the code units between tokens too. Always completes. */
  scanNormalized(text: string, sink: GapSink): void {
    this.run(text, sink, sink);
  }

  private grow(): Int32Array {
    const bigger = new Int32Array(this.entries.length * 2);
    bigger.set(this.entries);
    this.entries = bigger;
    return bigger;
  }

  /**
   * The signing loop, specialised for speed: letters, digits and separators
   * only, everything inline. Returns SCAN_COMPLEX at the first combining mark
   * or invisible character, which the general loop handles.
   */
  private runHashes(text: string): number {
    const table = CHAR_TABLE;
    let entries = this.entries;
    let hashes = this.hashes;
    let count = 0;
    let len = 0;
    let flags = 0;
    let vowels = 0;
    let hash = FNV_OFFSET;
    let hints = 0;
    let codes = 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      // One past the end reads as a space, which ends the last token.
      const entry = table[i < n ? text.charCodeAt(i) : 0x20];
      const kind = entry & KIND_MASK;
      if (kind === KIND_LETTER || kind === KIND_DIGIT) {
        if (len === entries.length) entries = this.grow();
        entries[len++] = entry;
        flags |= entry;
        vowels += (entry >>> VOWEL_BIT) & 1;
        hash = Math.imul(hash ^ (entry >>> OUTPUT_SHIFT), FNV_PRIME);
        continue;
      }
      if (((SEPARATOR_KINDS >>> kind) & 1) === 0) return SCAN_COMPLEX;
      hints += (entry >>> HINT_BIT) & 1;
      if (len === 0) continue;
      if ((flags & TONE_BITS) !== 0 && vowels > 1 && (flags & KIND_DIGIT) === 0) {
        if (this.settleTone(len, hash)) hash = rehash(entries, len);
      }
      if (count === hashes.length) hashes = this.growHashes();
      hashes[count++] =
        (flags & (KIND_LETTER | KIND_DIGIT)) === KIND_DIGIT ? NUMBER_TOKEN_HASH : hash >>> 0;
      codes |= flags;
      len = 0;
      flags = 0;
      vowels = 0;
      hash = FNV_OFFSET;
    }
    this.hashCount = count;
    this.legacyHints = hints;
    this.letterCodes = (codes >>> OUTPUT_SHIFT) & 0x7fff;
    return SCAN_DONE;
  }

  /**
   * {@link runHashes} that also keeps each token's place and case (the token
   * stream). A separate loop so that the signing loop does no more per letter.
   */
  private runStream(text: string): number {
    const table = CHAR_TABLE;
    let entries = this.entries;
    let hashes = this.hashes;
    let starts = this.starts;
    let ends = this.ends;
    let cases = this.cases;
    // hashes may have grown alone (scanHashes): the stream's room is the smallest array.
    let room = Math.min(hashes.length, starts.length);
    let wideLetterEnd = -1;
    let firstSurrogate = -1;
    let count = 0;
    let len = 0;
    let flags = 0;
    let vowels = 0;
    let hash = FNV_OFFSET;
    let hints = 0;
    let codes = 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const code = i < n ? text.charCodeAt(i) : 0x20;
      const entry = table[code];
      const kind = entry & KIND_MASK;
      if (kind === KIND_LETTER || kind === KIND_DIGIT) {
        if (len === entries.length) entries = this.grow();
        entries[len++] = entry;
        flags |= entry;
        vowels += (entry >>> VOWEL_BIT) & 1;
        hash = Math.imul(hash ^ (entry >>> OUTPUT_SHIFT), FNV_PRIME);
        continue;
      }
      if (((SEPARATOR_KINDS >>> kind) & 1) === 0) return SCAN_COMPLEX;
      hints += (entry >>> HINT_BIT) & 1;
      if (kind === KIND_OTHER && (code & 0xf800) === 0xd800 && firstSurrogate < 0)
        firstSurrogate = i;
      if (len === 0) continue;
      if ((flags & TONE_BITS) !== 0 && vowels > 1 && (flags & KIND_DIGIT) === 0) {
        if (this.settleTone(len, hash)) hash = rehash(entries, len);
      }
      // The output code units of the letters are in the high half of the entries.
      if (wideLetterEnd < 0 && (flags & 0xff000000) !== 0) wideLetterEnd = i;
      if (count === room) {
        room = this.growStream(room * 2);
        ({ hashes, starts, ends, cases } = this);
      }
      const letters = flags & KIND_LETTER;
      hashes[count] = letters === 0 ? NUMBER_TOKEN_HASH : hash >>> 0;
      starts[count] = i - len;
      ends[count] = i;
      cases[count] =
        (flags & FLAG_UPPER) === 0 ? STREAM_LOWER : caseOf(entries, len, letters !== 0);
      count++;
      codes |= flags;
      len = 0;
      flags = 0;
      vowels = 0;
      hash = FNV_OFFSET;
    }
    this.hashCount = count;
    this.legacyHints = hints;
    this.letterCodes = (codes >>> OUTPUT_SHIFT) & 0x7fff;
    this.wideLetterEnd = wideLetterEnd;
    this.firstSurrogate = firstSurrogate;
    return SCAN_DONE;
  }

  /** Give the stream arrays room for `size` tokens (keeping their contents); returns the room. */
  private growStream(size: number): number {
    const hashes = new Uint32Array(Math.max(size, this.hashes.length));
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const cases = new Uint8Array(size);
    hashes.set(this.hashes);
    starts.set(this.starts);
    ends.set(this.ends);
    cases.set(this.cases);
    this.hashes = hashes;
    this.starts = starts;
    this.ends = ends;
    this.cases = cases;
    return size;
  }

  /**
   * Move the tone mark of the token in `entries[0..len)`, whose hash is `hash`,
   * to its canonical place if it is elsewhere; true when it moved. The same
   * few thousand syllables make up most text, so the answer is remembered.
   */
  private settleTone(len: number, hash: number): boolean {
    const entries = this.entries;
    const move = this.toneMoves.lookup(entries, len, hash);
    if (move === NO_MOVE) return false;
    const tonePos = move >>> 8;
    const pos = move & 0xff;
    const from = entries[tonePos];
    const to = entries[pos];
    const tone = (from >>> TONE_SHIFT) & TONE_MASK;
    entries[pos] = letterEntry(idOf(to), tone, (to & FLAG_UPPER) !== 0, true);
    entries[tonePos] = letterEntry(idOf(from), 0, (from & FLAG_UPPER) !== 0, true);
    return true;
  }

  private run(text: string, sink: TokenSink | null, gaps: GapSink | null): number {
    const table = CHAR_TABLE;
    let entries = this.entries;
    let len = 0;
    let start = 0; // set past every non-letter, so it is the token's start when a token begins
    let flags = 0;
    let hash = FNV_OFFSET;
    let hints = 0;
    let codes = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const entry = table[code];
      const kind = entry & KIND_MASK;
      // The hot path: per letter one store, one OR and one hash step; the
      // rest waits for the end of the token.
      if (kind === KIND_LETTER || kind === KIND_DIGIT) {
        if (len === entries.length) entries = this.grow();
        entries[len++] = entry;
        flags |= entry;
        hash = Math.imul(hash ^ (entry >>> OUTPUT_SHIFT), FNV_PRIME);
        continue;
      }
      if (kind === KIND_TONE_MARK || kind === KIND_MODIFIER_MARK) {
        if (len > 0) {
          const last = entries[len - 1];
          const applied = applyMark(last, kind, (entry >>> VALUE_SHIFT) & VALUE_MASK);
          if (applied !== 0) {
            entries[len - 1] = applied;
            flags |= FLAG_REHASH | applied;
            continue;
          }
          if (gaps === null) return SCAN_NEEDS_NFC;
        }
        // A mark with nothing to apply to is not part of a token.
      } else if (kind === KIND_IGNORABLE) {
        if (len > 0) flags |= FLAG_CHANGED;
        else start = i + 1;
        hints += (entry >>> HINT_BIT) & 1;
        if (gaps !== null) gaps.gap(code, entry);
        continue;
      } else if (kind === KIND_FOREIGN_MARK && len > 0 && gaps === null) {
        return SCAN_NEEDS_NFC;
      }
      if (len > 0) {
        this.emit(sink, len, flags, hash, start, i);
        codes |= flags;
        len = 0;
        flags = 0;
        hash = FNV_OFFSET;
      }
      start = i + 1;
      hints += (entry >>> HINT_BIT) & 1;
      if (gaps !== null) gaps.gap(code, entry);
    }
    if (len > 0) {
      this.emit(sink, len, flags, hash, start, n);
      codes |= flags;
    }
    this.legacyHints = hints;
    this.letterCodes = (codes >>> OUTPUT_SHIFT) & 0x7fff;
    return SCAN_DONE;
  }

  private emit(
    sink: TokenSink | null,
    len: number,
    flags: number,
    hash: number,
    start: number,
    end: number,
  ): void {
    if (flags < 0) {
      // FLAG_REHASH (the sign bit): a mark changed a letter after it was hashed.
      hash = rehash(this.entries, len);
      flags |= FLAG_CHANGED;
    }
    if (
      (flags & TONE_BITS) !== 0 &&
      len > 1 &&
      (flags & KIND_DIGIT) === 0 &&
      this.settleTone(len, hash)
    ) {
      hash = rehash(this.entries, len);
      flags |= FLAG_CHANGED;
    }
    const allDigits = (flags & (KIND_LETTER | KIND_DIGIT)) === KIND_DIGIT;
    if (sink === null) {
      if (this.hashCount === this.hashes.length) this.growHashes();
      this.hashes[this.hashCount++] = allDigits ? NUMBER_TOKEN_HASH : hash >>> 0;
      return;
    }
    this.length = len;
    this.allDigits = allDigits;
    this.firstUpper = (this.entries[0] & FLAG_UPPER) !== 0;
    let allUpper = true;
    for (let j = 0; j < len && allUpper; j++) {
      const e = this.entries[j];
      if ((e & KIND_MASK) === KIND_LETTER && (e & FLAG_UPPER) === 0) allUpper = false;
    }
    this.allUpper = allUpper && (flags & KIND_LETTER) !== 0;
    this.changed = (flags & FLAG_CHANGED) !== 0;
    this.hash = hash >>> 0;
    sink.token(this, start, end);
  }

  private growHashes(): Uint32Array {
    const bigger = new Uint32Array(this.hashes.length * 2);
    bigger.set(this.hashes);
    this.hashes = bigger;
    return bigger;
  }
}

/** A token whose letters are all lower case (or that has only digits). */
export const STREAM_LOWER = 0;
/** A token whose first letter is upper case. */
export const STREAM_TITLE = 1;
/** A token whose letters are all upper case. */
export const STREAM_CAPITALS = 2;

/** The case of a token with at least one upper-case letter, as the token stream records it. */
function caseOf(entries: Int32Array, len: number, hasLetters: boolean): number {
  let allUpper = hasLetters;
  for (let j = 0; j < len && allUpper; j++) {
    const e = entries[j];
    if ((e & KIND_MASK) === KIND_LETTER && (e & FLAG_UPPER) === 0) allUpper = false;
  }
  if (allUpper) return STREAM_CAPITALS;
  return (entries[0] & FLAG_UPPER) !== 0 ? STREAM_TITLE : STREAM_LOWER;
}

/** FNV-1a of the token's canonical code units. */
function rehash(entries: Int32Array, len: number): number {
  let hash = FNV_OFFSET;
  for (let j = 0; j < len; j++) hash = Math.imul(hash ^ (entries[j] >>> OUTPUT_SHIFT), FNV_PRIME);
  return hash;
}

function idOf(entry: number): number {
  return (entry >>> VALUE_SHIFT) & VALUE_MASK;
}

/**
 * The letter `entry` with a combining mark applied, or 0 when NFC would not
 * compose them (a tone on a consonant or an already toned vowel, a modifier
 * that the letter cannot take).
 */
function applyMark(entry: number, kind: number, value: number): number {
  if ((entry & KIND_MASK) !== KIND_LETTER) return 0;
  const id = idOf(entry);
  const upper = (entry & FLAG_UPPER) !== 0;
  const tone = (entry >>> TONE_SHIFT) & TONE_MASK;
  if (kind === KIND_TONE_MARK) {
    if (id > VOWEL_COUNT || tone !== 0) return 0;
    return letterEntry(id, value, upper, true);
  }
  const modified = MODIFIED[id * 4 + value];
  return modified === 0 ? 0 : letterEntry(modified, tone, upper, true);
}

const IGNORE_GAPS: GapSink = { token() {}, gap() {} };

/**
 * After a completed raw scan: might the text be in a legacy encoding? True when
 * it held TCVN3/VNI hint characters, or Latin-1 letters and none beyond (VNI
 * text can be made of Latin-1 letters only). When false, detectEncoding would
 * say 'unicode' (see unicodeBySignals).
 */
export function mayBeLegacy(scanner: SyllableScanner): boolean {
  const codes = scanner.letterCodes;
  return scanner.legacyHints > 0 || ((codes & 0x80) !== 0 && (codes & 0xff00) === 0);
}

/** Scanner kept for the synchronous public functions, which never nest. */
export const sharedScanner = new SyllableScanner();
