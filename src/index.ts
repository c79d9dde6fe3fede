/**
 * saochep: find copied (sao chép) plans in Vietnamese administrative archives.
 *
 * The public API. Every name here is re-exported from the stage that owns it.
 * @packageDocumentation
 */
export { SaochepError, SaochepTypeError } from './errors.js';
export type { SaochepErrorCode } from './errors.js';

export { detectEncoding, decodeLegacy } from './text/encoding.js';
export type { TextEncoding, LegacyEncoding } from './text/encoding.js';
export { normalizeText } from './text/normalize.js';
export type { NormalizeOptions } from './text/normalize.js';
export { tokenize } from './text/tokenize.js';
export { detectLanguage } from './text/language.js';

export {
  shingle,
  shingleText,
  tokenHash,
  DEFAULT_SHINGLE_SIZE,
  NUMBER_TOKEN_HASH,
} from './sketch/shingle.js';
export type { ShingleOptions } from './sketch/shingle.js';

export { PlanIndex } from './plan-index/plan-index.js';
export type {
  PlanDoc,
  PlanMatch,
  CheckResult,
  CheckOptions,
  IndexMemory,
} from './plan-index/plan-index.js';
export { INDEX_DEFAULTS } from './plan-index/options.js';
export type { PlanIndexOptions, ResolvedIndexOptions } from './plan-index/options.js';
export { optimalLshParams, candidateProbability } from './sketch/lsh-params.js';
export type { LshParams, LshWeights } from './sketch/lsh-params.js';
export { VERSION } from './version.js';
export { minhashSignature, signatureSimilarity } from './sketch/signature.js';
export type { SignatureOptions } from './sketch/signature.js';
