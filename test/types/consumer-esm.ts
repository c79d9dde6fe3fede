// Type-checked by `npm run typecheck` against the built declarations (dist/index.d.ts),
// as an application that imports saochep would see them.
import {
  type NormalizeOptions,
  type ShingleOptions,
  type TextEncoding,
  SaochepError,
  decodeLegacy,
  detectEncoding,
  detectLanguage,
  normalizeText,
  shingle,
  tokenize,
} from 'saochep';

const options: NormalizeOptions = { keepCase: true };
const tokens: string[] = tokenize(normalizeText('Kế hoạch', options));
const shingleOptions: ShingleOptions = { size: 4, seed: 1 };
const hashes: Uint32Array = shingle(tokens, shingleOptions);
const encoding: TextEncoding = detectEncoding('x');
const decoded: string = decodeLegacy('x', encoding === 'unicode' ? undefined : encoding);
const language: string = detectLanguage(decoded);
const code: string = new SaochepError('ERR_SAOCHEP_INVALID_ARGUMENT', 'x').code;
export { code, hashes, language };
