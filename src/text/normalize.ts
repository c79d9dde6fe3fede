/**
 * The canonical form of a text used for matching.
 */
import { SaochepTypeError, assertText, describeValue } from '../errors.js';
import {
  KIND_IGNORABLE,
  KIND_LINE_BREAK,
  KIND_MAPPED_PUNCT,
  KIND_MASK,
  KIND_SPACE,
  FLAG_UPPER,
  OUTPUT_SHIFT,
  TONE_MASK,
  TONE_SHIFT,
  VALUE_MASK,
  VALUE_SHIFT,
} from './char-table.js';
import { COMPOSED_UPPER, TONE_COUNT } from './letters.js';
import { prepareText } from './prepare.js';
import { type GapSink, type SyllableScanner, sharedScanner } from './scanner.js';

/** Options of {@link normalizeText}. */
export interface NormalizeOptions {
  /** Keep upper case letters (the tone placement and other unifications still apply). Default false. */
  keepCase?: boolean;
}

const UTF16 = new TextDecoder('utf-16le');
const PENDING_NONE = 0;
const PENDING_SPACE = 1;
const PENDING_NEWLINE = 2;

class NormalizedWriter implements GapSink {
  private out = new Uint16Array(1024);
  private length = 0;
  private pending = PENDING_NONE;
  private highSurrogate = -1;

  constructor(private readonly keepCase: boolean) {}

  private push(code: number): void {
    if (this.length === this.out.length) {
      const bigger = new Uint16Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.length++] = code;
  }

  /** Write the collapsed white space before visible text; none at the start. */
  private flush(): void {
    this.highSurrogate = -1;
    if (this.pending !== PENDING_NONE && this.length > 0) {
      this.push(this.pending === PENDING_NEWLINE ? 0x0a : 0x20);
    }
    this.pending = PENDING_NONE;
  }

  token(scanner: SyllableScanner): void {
    this.flush();
    const { entries, length } = scanner;
    for (let j = 0; j < length; j++) {
      const e = entries[j];
      if (this.keepCase && (e & FLAG_UPPER) !== 0) {
        const id = (e >>> VALUE_SHIFT) & VALUE_MASK;
        this.push(COMPOSED_UPPER[id * TONE_COUNT + ((e >>> TONE_SHIFT) & TONE_MASK)]);
      } else {
        this.push(e >>> OUTPUT_SHIFT);
      }
    }
  }

  gap(code: number, entry: number): void {
    const kind = entry & KIND_MASK;
    if (kind === KIND_SPACE) {
      if (this.pending === PENDING_NONE) this.pending = PENDING_SPACE;
      this.highSurrogate = -1;
    } else if (kind === KIND_LINE_BREAK) {
      this.pending = PENDING_NEWLINE;
      this.highSurrogate = -1;
    } else if (kind === KIND_IGNORABLE) {
      // Invisible: neither text nor space.
    } else if (kind === KIND_MAPPED_PUNCT) {
      this.flush();
      this.push(entry >>> OUTPUT_SHIFT);
    } else if (code >= 0xd800 && code <= 0xdbff) {
      this.flush();
      this.highSurrogate = code;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      // Keep proper pairs; drop lone surrogates, which no text encoding can carry.
      if (this.highSurrogate >= 0) {
        this.push(this.highSurrogate);
        this.push(code);
      }
      this.highSurrogate = -1;
    } else {
      this.flush();
      this.push(this.keepCase || code < 0x80 ? code : lowerCaseUnit(code));
    }
  }

  finish(): string {
    return UTF16.decode(this.out.subarray(0, this.length));
  }
}

/** Lower case of a code unit when it stays one code unit (İ and the like keep their form). */
function lowerCaseUnit(code: number): number {
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/**
 * The canonical form of a text used for matching: legacy encodings (TCVN3, VNI)
 * decoded, NFC, Ð/ð → Đ/đ, one tone-mark placement for every syllable (hòa and
 * hoà, NFD input and misplaced marks such as qúy or hòang all end up the same),
 * lower case, Unicode spaces, dashes and quotes unified, invisible characters
 * and lone surrogates removed, and runs of white space collapsed to one space
 * (or one line break when the run held one).
 *
 * The tone placement is the traditional one (hòa, khỏe, thủy), the style of
 * almost all administrative documents.
 *
 * @example
 * normalizeText('  CỘNG HOÀ  xã hội\u00a0chủ nghĩa — Việt Nam '); // 'cộng hòa xã hội chủ nghĩa - việt nam'
 * normalizeText('Thuỷ lợi', { keepCase: true }); // 'Thủy lợi'
 */
export function normalizeText(text: string, options?: NormalizeOptions): string {
  assertText('normalizeText', text);
  const keepCase = options?.keepCase ?? false;
  if (typeof keepCase !== 'boolean') {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `normalizeText: option keepCase must be a boolean, got ${describeValue(keepCase)}.`,
    );
  }
  const writer = new NormalizedWriter(keepCase);
  sharedScanner.scanNormalized(prepareText(text), writer);
  return writer.finish();
}
