/**
 * Language identification, to flag documents that are not Vietnamese text
 * (another language, or a legacy encoding nobody decoded: tinyld reads TCVN3
 * mojibake as German).
 */
import { detect } from 'tinyld';
import { assertText } from '../errors.js';

/** Characters given to the detector, at most: enough for a confident answer, bounded time on 50 MB inputs. */
const SAMPLE_CHARS = 4000;

/** A bounded sample from the start, middle and end of a long text. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const part = SAMPLE_CHARS / 4;
  const middle = Math.floor(text.length / 2);
  return [
    text.slice(0, part * 2),
    text.slice(middle - part / 2, middle + part / 2),
    text.slice(text.length - part),
  ].join('\n');
}

/**
 * The ISO 639-1 code of the text's language from tinyld (`'vi'`, `'en'`, …),
 * or `''` when unsure (empty text, too little text, mixed signals). The text
 * is read as it is: run {@link decodeLegacy} first to read legacy text as Vietnamese.
 *
 * @example
 * detectLanguage('Kế hoạch triển khai thực hiện Nghị quyết của Tỉnh ủy'); // 'vi'
 */
export function detectLanguage(text: string): string {
  assertText('detectLanguage', text);
  const input = sample(text).normalize('NFC');
  if (input.trim().length === 0) return '';
  return detect(input);
}
