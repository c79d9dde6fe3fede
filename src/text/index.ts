/**
 * `saochep/text`: Vietnamese text alone (normalisation, tokens, legacy
 * encodings, language), with saochep's errors. It loads no file module and no
 * worker thread, so it also suits code that never touches the disk.
 * @packageDocumentation
 */
export { SaochepError, SaochepTypeError } from '../errors.js';
export type { SaochepErrorCode, SaochepTypeErrorCode } from '../errors.js';
export { detectEncoding, decodeLegacy } from './encoding.js';
export type { TextEncoding, LegacyEncoding } from './encoding.js';
export { normalizeText } from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export { tokenize } from './tokenize.js';
export { detectLanguage } from './language.js';
