/**
 * Syllable tokens of a text.
 */
import { assertText } from '../errors.js';
import { detectEncodingOf } from './legacy/detect.js';
import { OUTPUT_SHIFT } from './char-table.js';
import { prepareText } from './prepare.js';
import {
  type GapSink,
  SCAN_DONE,
  type SyllableScanner,
  mayBeLegacy,
  sharedScanner,
} from './scanner.js';

/** Canonical lower-case string of the scanner's current token. */
export function tokenText(scanner: SyllableScanner): string {
  const { entries, length } = scanner;
  if (length === 1) return String.fromCharCode(entries[0] >>> OUTPUT_SHIFT);
  const codes = new Array<number>(length);
  for (let j = 0; j < length; j++) codes[j] = entries[j] >>> OUTPUT_SHIFT;
  return String.fromCharCode.apply(null, codes);
}

class TokenCollector implements GapSink {
  readonly tokens: string[] = [];

  constructor(private readonly text: string) {}

  token(scanner: SyllableScanner, start: number, end: number): void {
    // Most tokens are already canonical: slicing avoids building them code by code.
    this.tokens.push(scanner.changed ? tokenText(scanner) : this.text.slice(start, end));
  }

  gap(): void {}
}

/**
 * Run `sink` over the tokens of `text` exactly as {@link tokenize} defines them,
 * taking the one-pass fast path when it can and the complete path (legacy
 * decoding, NFC) when it must. `makeSink` is called again for the second pass.
 */
export function scanTextTokens<S extends GapSink>(
  text: string,
  makeSink: (source: string) => S,
): S {
  const sink = makeSink(text);
  const status = sharedScanner.scan(text, sink);
  if (status === SCAN_DONE) {
    // The decision prepareText makes; the scan's counts spare nearly all Unicode
    // text the second look.
    if (!mayBeLegacy(sharedScanner) || detectEncodingOf(text) === 'unicode') return sink;
  }
  const prepared = prepareText(text);
  const second = makeSink(prepared);
  sharedScanner.scanNormalized(prepared, second);
  return second;
}

/**
 * The syllable tokens of `normalizeText(text)`: maximal runs of Vietnamese
 * letters (a–z, the toned and modified vowels, đ) and ASCII digits, in lower
 * case, NFC, with one tone placement. Punctuation, symbols and letters of other
 * scripts separate tokens and are dropped.
 *
 * Document codes and dates split at their punctuation: `04-NQ/TU` gives
 * `04`, `nq`, `tu`; `18/11/2021` gives `18`, `11`, `2021`. Digits stay in the
 * tokens; {@link shingle} hashes every all-digit token alike, so a copy whose
 * numbers and dates were changed still matches.
 *
 * @example
 * tokenize('Kế hoạch số 123/KH-UBND của UBND tỉnh Hòa Bình');
 * // ['kế', 'hoạch', 'số', '123', 'kh', 'ubnd', 'của', 'ubnd', 'tỉnh', 'hòa', 'bình']
 */
export function tokenize(text: string): string[] {
  assertText('tokenize', text);
  return scanTextTokens(text, (source) => new TokenCollector(source)).tokens;
}
