/**
 * Language identification, to flag documents that are not Vietnamese text
 * (another language, or a legacy encoding nobody decoded: tinyld reads TCVN3
 * mojibake as German).
 */
import { createRequire } from 'node:module';
import { assertText } from '../errors.js';

type Detect = (text: string) => string;

/**
 * tinyld, loaded at the first detection: its language profiles are 12 MB of
 * JavaScript that `import 'saochep'` should not pay for (see the README,
 * "Install"). detectLanguage is synchronous, so tinyld's CommonJS build is
 * required (import.meta.url is shimmed in saochep's own CommonJS build).
 */
let detector: Detect | undefined;
function tinyld(): Detect {
  detector ??= (createRequire(import.meta.url)('tinyld') as { detect: Detect }).detect;
  return detector;
}

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
  return tinyld()(input);
}
