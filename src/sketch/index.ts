/**
 * `saochep/sketch`: the pieces the index is built from, for those who build
 * their own: syllable shingles and token hashes, MinHash signatures and their
 * similarity, and the LSH band parameters for a similarity threshold. Like
 * `saochep/text`, it loads no file module and no worker thread.
 * @packageDocumentation
 */
export {
  shingle,
  shingleText,
  tokenHash,
  DEFAULT_SHINGLE_SIZE,
  NUMBER_TOKEN_HASH,
} from './shingle.js';
export type { ShingleOptions } from './shingle.js';
export { minhashSignature, signatureSimilarity } from './signature.js';
export type { SignatureOptions } from './signature.js';
export { optimalLshParams, candidateProbability } from './lsh-params.js';
export type { LshParams, LshWeights } from './lsh-params.js';
