// Type-checked by `npm run typecheck` against the built declarations (dist/index.d.ts and a subpath's),
// as an application that imports saochep would see them.
import {
  type CheckResult,
  type NormalizeOptions,
  PlanIndex,
  type TextEncoding,
  SaochepError,
  decodeLegacy,
  detectEncoding,
  detectLanguage,
  normalizeText,
  tokenize,
} from 'saochep';
import { type ShingleOptions, shingle } from 'saochep/sketch';
import { tokenize as tokenizeText } from 'saochep/text';

const options: NormalizeOptions = { keepCase: true };
const tokens: string[] = tokenize(normalizeText('Kế hoạch', options));
const same: string[] = tokenizeText('Kế hoạch');
const shingleOptions: ShingleOptions = { size: 4, seed: 1 };
const hashes: Uint32Array = shingle(tokens, shingleOptions);
const encoding: TextEncoding = detectEncoding('x');
const decoded: string = decodeLegacy('x', encoding === 'unicode' ? undefined : encoding);
const language: string = detectLanguage(decoded);
const code: string = new SaochepError('ERR_SAOCHEP_IO', 'x').code;
const index = new PlanIndex({ threshold: 0.6 });
index.add({ id: 'a', text: 'Kế hoạch', meta: { unit: 'UBND' } });
const result: CheckResult = index.check('Kế hoạch', { limit: 3 });
const containment: number = result.matches[0]?.containment ?? 0;
export { code, containment, hashes, language, same };
