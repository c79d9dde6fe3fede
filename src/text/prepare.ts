/**
 * The slow but complete path that every fast path falls back to: legacy
 * encodings decoded, then NFC. Scanning its output in normalize mode defines
 * what the tokens of a text are.
 */
import { decodeWithOrigins } from './encoding.js';

/** Legacy encodings decoded (when detected), then NFC. */
export function prepareText(text: string): string {
  return decodeWithOrigins(text).text.normalize('NFC');
}
