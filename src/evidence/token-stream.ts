/**
 * A text's tokens with where they stand in the original text: the basis of
 * passages and of boilerplate detection.
 */
import { sourceOffset } from '../text/nfc-origins.js';
import { type EncodingMemo, prepareWithOrigins, rawEncodingOf } from '../text/prepare.js';
import {
  type GapSink,
  SCAN_DONE,
  STREAM_CAPITALS,
  STREAM_LOWER,
  STREAM_TITLE,
  type SyllableScanner,
  mayBeLegacy,
  sharedScanner,
} from '../text/scanner.js';
import { NUMBER_TOKEN_HASH } from '../text/token-hash.js';

export const LOWER = STREAM_LOWER;
export const TITLE = STREAM_TITLE;
export const CAPITALS = STREAM_CAPITALS;

/** Tokens of a text: hash, and [start, end) in the original text (UTF-16 code units). */
export interface TokenStream {
  count: number;
  hashes: Uint32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Case of the token in the source: LOWER (or digits), TITLE (first letter upper) or CAPITALS. */
  upper: Uint8Array;
  /**
   * Set when the tokens came from one pass over `text` as given, which held
   * no legacy-encoding hint: what a prefix of the text needs to be read alike.
   */
  plain?: PlainScan;
}

/** Facts of a one-pass scan of a text without legacy-encoding hints. */
export interface PlainScan {
  /** End of the first token that has a letter beyond Latin-1, or -1. */
  wideLetterEnd: number;
  /** Offset of the first surrogate code unit, or -1. */
  firstSurrogate: number;
}

class StreamCollector implements GapSink {
  hashes = new Uint32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  upper = new Uint8Array(256);
  count = 0;

  token(scanner: SyllableScanner, start: number, end: number): void {
    if (this.count === this.hashes.length) this.grow();
    const k = this.count++;
    this.hashes[k] = scanner.allDigits ? NUMBER_TOKEN_HASH : scanner.hash;
    this.starts[k] = start;
    this.ends[k] = end;
    this.upper[k] = scanner.allUpper ? CAPITALS : scanner.firstUpper ? TITLE : LOWER;
  }

  gap(): void {}

  private grow(): void {
    const size = this.hashes.length * 2;
    const hashes = new Uint32Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const upper = new Uint8Array(size);
    hashes.set(this.hashes);
    starts.set(this.starts);
    ends.set(this.ends);
    upper.set(this.upper);
    Object.assign(this, { hashes, starts, ends, upper });
  }

  result(): TokenStream {
    const n = this.count;
    return {
      count: n,
      hashes: this.hashes.subarray(0, n),
      starts: this.starts.subarray(0, n),
      ends: this.ends.subarray(0, n),
      upper: this.upper.subarray(0, n),
    };
  }
}

/**
 * The tokens of `tokenize(text)` as hashes (see tokenHash), with their place in
 * `text` itself, whatever form it arrived in (legacy encodings, NFD). A text
 * read again can pass the `memo` of its last reading: its encoding is not
 * detected again.
 */
export function tokenStream(text: string, memo: EncodingMemo = {}): TokenStream {
  const scanner = sharedScanner;
  if (scanner.scanStream(text) === SCAN_DONE) {
    if (!mayBeLegacy(scanner) || rawEncodingOf(text, memo) === 'unicode') {
      const n = scanner.hashCount;
      const stream: TokenStream = {
        count: n,
        hashes: scanner.hashes.slice(0, n),
        starts: scanner.starts.slice(0, n),
        ends: scanner.ends.slice(0, n),
        upper: scanner.cases.slice(0, n),
      };
      if (scanner.legacyHints === 0) {
        stream.plain = {
          wideLetterEnd: scanner.wideLetterEnd,
          firstSurrogate: scanner.firstSurrogate,
        };
      }
      return stream;
    }
    return preparedStream(text, memo);
  }
  // Combining marks or invisible characters: the general loop handles them.
  const raw = new StreamCollector();
  const status = scanner.scan(text, raw);
  if (status === SCAN_DONE && (!mayBeLegacy(scanner) || rawEncodingOf(text, memo) === 'unicode')) {
    return raw.result();
  }
  return preparedStream(text, memo);
}

/** The token stream of the complete path (NFC, legacy decoding), mapped back to places in `text`. */
function preparedStream(text: string, memo: EncodingMemo): TokenStream {
  const prepared = prepareWithOrigins(text, memo);
  const collector = new StreamCollector();
  sharedScanner.scanNormalized(prepared.text, collector);
  const stream = collector.result();
  for (let k = 0; k < stream.count; k++) {
    stream.starts[k] = sourceOffset(prepared.origins, stream.starts[k], text.length);
    // The end maps through the last code unit of the token, so it lands after the source character.
    const last = sourceOffset(prepared.origins, stream.ends[k] - 1, text.length);
    let end = sourceOffset(prepared.origins, stream.ends[k], text.length);
    if (end <= last) end = last + 1;
    stream.ends[k] = end;
  }
  return stream;
}
