/**
 * The slow but complete path that every fast path falls back to: NFC, legacy
 * encodings decoded (when detected), NFC again. Scanning its output in
 * normalize mode defines what the tokens of a text are.
 */
import { DecodeOutput } from './legacy/decode-output.js';
import { type TextEncoding, detectEncodingOf } from './legacy/detect.js';
import { decodeTcvn3 } from './legacy/tcvn3.js';
import { decodeVni } from './legacy/vni.js';
import { type MappedText, composeOrigins, nfcWithOrigins } from './nfc-origins.js';

/**
 * What is known of a text's encoding from an earlier look at it: the caller
 * keeps it with the text and passes it back, so that a text read again is
 * not detected again. Filled in as detection runs.
 */
export interface EncodingMemo {
  /** detectEncodingOf the text as given. */
  raw?: TextEncoding;
  /** detectEncodingOf the text's NFC. */
  nfc?: TextEncoding;
}

/** detectEncodingOf(text) through `memo`. */
export function rawEncodingOf(text: string, memo: EncodingMemo): TextEncoding {
  memo.raw ??= detectEncodingOf(text);
  return memo.raw;
}

/**
 * The prepared text and, for each of its code units, the index in `text` it
 * came from. `memo` remembers the detection for the next time.
 */
export function prepareWithOrigins(text: string, memo?: EncodingMemo): MappedText {
  const nfc = nfcWithOrigins(text);
  let encoding = memo?.nfc;
  if (encoding === undefined) {
    // An NFC text is its own NFC: the detection of the text as given holds.
    encoding = nfc.text === text && memo?.raw !== undefined ? memo.raw : detectEncodingOf(nfc.text);
    if (memo) memo.nfc = encoding;
  }
  if (encoding === 'unicode') return nfc;
  const out = new DecodeOutput();
  if (encoding === 'tcvn3') decodeTcvn3(nfc.text, out);
  else decodeVni(nfc.text, out);
  const decoded = nfcWithOrigins(out.toString());
  return {
    text: decoded.text,
    origins: composeOrigins(composeOrigins(decoded.origins, out.origins()), nfc.origins),
  };
}

/** NFC, legacy encodings decoded (when detected), NFC. */
export function prepareText(text: string): string {
  return prepareWithOrigins(text).text;
}
