/**
 * MinHash signatures of texts, for applications that compare documents themselves.
 */
import { SaochepTypeError, assertText, checkNumberOption, describeValue } from '../errors.js';
import { MinHasher, signatureSimilarity as similarityOf } from './minhash.js';
import {
  DEFAULT_SHINGLE_SIZE,
  MAX_SHINGLE_SIZE,
  shingleTokenHashes,
  textTokenHashes,
} from './shingle.js';

/** Options of {@link minhashSignature}; the defaults are the index's. */
export interface SignatureOptions {
  /** Values per signature: a power of two from 16 to 1024. Default 128. */
  numPerm?: number;
  /** Seed of the permutation. Default 1. */
  seed?: number;
  /** Syllables per shingle. Default 6. */
  shingleSize?: number;
}

/** Defaults of the signature options, frozen. */
export const SIGNATURE_DEFAULTS = Object.freeze({
  numPerm: 128,
  seed: 1,
  shingleSize: DEFAULT_SHINGLE_SIZE,
});

/** Check and fill in signature options; `fn` names the caller in error messages. */
export function resolveSignatureOptions(
  fn: string,
  options: SignatureOptions | undefined,
): Required<SignatureOptions> {
  const o = { ...SIGNATURE_DEFAULTS, ...(options ?? {}) };
  const numPerm = checkNumberOption(fn, 'numPerm', o.numPerm, 16, 1024, true);
  if ((numPerm & (numPerm - 1)) !== 0) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option numPerm must be a power of two (16, 32, … 1024), got ${numPerm}.`,
    );
  }
  return {
    numPerm,
    seed: checkNumberOption(fn, 'seed', o.seed, 0, 0xffffffff, true),
    shingleSize: checkNumberOption(fn, 'shingleSize', o.shingleSize, 1, MAX_SHINGLE_SIZE, true),
  };
}

const hashers = new Map<string, MinHasher>();

/**
 * The MinHash signature of a text's shingle set, as PlanIndex computes it:
 * one-permutation hashing with optimal densification. Two signatures made with
 * the same options agree in about a Jaccard-similarity share of positions
 * ({@link signatureSimilarity}).
 *
 * @example
 * signatureSimilarity(minhashSignature(a), minhashSignature(b)); // ≈ Jaccard similarity
 */
export function minhashSignature(text: string, options?: SignatureOptions): Uint32Array {
  assertText('minhashSignature', text);
  const { numPerm, seed, shingleSize } = resolveSignatureOptions('minhashSignature', options);
  const key = `${numPerm}/${seed}`;
  let hasher = hashers.get(key);
  if (hasher === undefined) {
    hasher = new MinHasher(numPerm, seed);
    hashers.set(key, hasher);
  }
  // Repeated shingles change no minimum: the positional shingles need no sorting into a set.
  const tokens = textTokenHashes(text);
  return hasher.sign(
    shingleTokenHashes(tokens, tokens.length, shingleSize, 0),
    new Uint32Array(numPerm),
  );
}

/**
 * The share of positions where two MinHash signatures agree: an estimate of
 * the Jaccard similarity of the shingle sets they sign. Both must be
 * Uint32Array signatures of the same length (the same numPerm).
 */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  for (const [name, v] of [
    ['a', a],
    ['b', b],
  ] as const)
    if (!(v instanceof Uint32Array))
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        `signatureSimilarity: ${name} must be a Uint32Array from minhashSignature, got ${describeValue(v)}.`,
      );
  if (a.length !== b.length)
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `signatureSimilarity: the signatures have ${a.length} and ${b.length} values; compare signatures made with the same numPerm.`,
    );
  return similarityOf(a, b);
}
