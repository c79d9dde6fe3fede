/**
 * The slow but complete path that every fast path falls back to: NFC, legacy
 * encodings decoded (when detected), NFC again. Scanning its output in
 * normalize mode defines what the tokens of a text are.
 */
import { DecodeOutput } from './legacy/decode-output.js';
import { detectEncodingOf } from './legacy/detect.js';
import { decodeTcvn3 } from './legacy/tcvn3.js';
import { decodeVni } from './legacy/vni.js';
import { type MappedText, composeOrigins, nfcWithOrigins } from './nfc-origins.js';

/** The prepared text and, for each of its code units, the index in `text` it came from. */
export function prepareWithOrigins(text: string): MappedText {
  const nfc = nfcWithOrigins(text);
  const encoding = detectEncodingOf(nfc.text);
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
