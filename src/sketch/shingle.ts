/**
 * Shingles: hashes of every run of `size` consecutive syllable tokens.
 */
import { SaochepTypeError, assertText, describeValue } from '../errors.js';
import { NUMBER_TOKEN_HASH, tokenHash as tokenHash_ } from '../text/token-hash.js';
import { detectEncodingOf } from '../text/legacy/detect.js';
import { prepareText } from '../text/prepare.js';
import { SCAN_DONE, mayBeLegacy, sharedScanner } from '../text/scanner.js';
import { fmix32 as fmix32_ } from './hash.js';

// A module-level copy: some loaders (vite-node, which runs the tests) turn each
// call of an imported function into a getter call, and this one runs per shingle.
const fmix32 = fmix32_;
const hashOfToken = tokenHash_;

/** Options of {@link shingle} and {@link shingleText}. */
export interface ShingleOptions {
  /** Tokens per shingle (1–64). Default {@link DEFAULT_SHINGLE_SIZE}. */
  size?: number;
  /** Seed of the shingle hash (an unsigned 32-bit integer). Default 0. */
  seed?: number;
}

/**
 * Default tokens per shingle. Chosen by measurement on real text (see the
 * README, "Choosing the shingle size"): six syllables, about four words.
 */
export const DEFAULT_SHINGLE_SIZE = 6;

/** Largest shingle size accepted. */
export const MAX_SHINGLE_SIZE = 64;

export { NUMBER_TOKEN_HASH };

/** The 32-bit hash of one token as {@link tokenize} returns it. */
export function tokenHash(token: string): number {
  assertText('tokenHash', token, 'token');
  return hashOfToken(token);
}

/** Validated shingle options. */
export interface ResolvedShingleOptions {
  size: number;
  seed: number;
}

/** Check and fill in shingle options; `fn` names the caller in error messages. */
export function resolveShingleOptions(
  fn: string,
  options: ShingleOptions | undefined,
): ResolvedShingleOptions {
  const size = options?.size ?? DEFAULT_SHINGLE_SIZE;
  const seed = options?.seed ?? 0;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SHINGLE_SIZE) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option size must be an integer from 1 to ${MAX_SHINGLE_SIZE}, got ${describeValue(size)}.`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option seed must be an integer from 0 to 4294967295, got ${describeValue(seed)}.`,
    );
  }
  return { size, seed };
}

/** Odd multiplier of the polynomial shingle hash (the 32-bit golden ratio). */
const BASE = 0x9e3779b1 | 0;

/** BASE to the power `k`, modulo 2^32. */
function basePower(k: number): number {
  let p = 1;
  for (let i = 0; i < k; i++) p = Math.imul(p, BASE);
  return p;
}

/** The value added to every window's polynomial before the final mix: depends on seed and width. */
function windowKey(seed: number, width: number): number {
  return fmix32((seed ^ Math.imul(width, 0x85ebca6b)) >>> 0) | 0;
}

/**
 * Shingle hashes from token hashes: one per window of `size` tokens, or one of
 * all the tokens when there are fewer than `size` (none for no tokens).
 *
 * A window t[s..s+w) hashes to fmix32(Σ t[s+j]·B^(w-1-j) + key(seed, w)) mod
 * 2^32: a polynomial that rolls from one window to the next in O(1), so the
 * cost per shingle does not grow with its size.
 */
export function shingleTokenHashes(
  hashes: Uint32Array,
  count: number,
  size: number,
  seed: number,
): Uint32Array {
  if (count === 0) return new Uint32Array(0);
  const width = Math.min(size, count);
  const out = new Uint32Array(count - width + 1);
  const key = windowKey(seed, width);
  const top = basePower(width - 1); // weight of the token leaving the window
  let poly = 0;
  for (let j = 0; j < width; j++) poly = (Math.imul(poly, BASE) + hashes[j]) | 0;
  out[0] = fmix32((poly + key) | 0);
  for (let s = 1; s < out.length; s++) {
    poly =
      (Math.imul((poly - Math.imul(hashes[s - 1], top)) | 0, BASE) + hashes[s + width - 1]) | 0;
    out[s] = fmix32((poly + key) | 0);
  }
  return out;
}

/**
 * Hashes of every run of `size` consecutive tokens (a document shorter than
 * `size` gives one shingle of all its tokens; no tokens give none). Shingles
 * keep their order and repeats. All-digit tokens hash alike.
 *
 * The values are fixed by golden tests and are the same on every machine and
 * Node version.
 *
 * @example
 * shingle(tokenize('Kế hoạch phòng chống thiên tai năm 2024'), { size: 3 }).length; // 5
 */
export function shingle(tokens: readonly string[], options?: ShingleOptions): Uint32Array {
  if (!Array.isArray(tokens)) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `shingle: tokens must be an array of strings (from tokenize), got ${describeValue(tokens)}.`,
    );
  }
  const { size, seed } = resolveShingleOptions('shingle', options);
  const hashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (typeof token !== 'string') {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        `shingle: tokens[${i}] must be a string, got ${describeValue(token)}.`,
      );
    }
    hashes[i] = hashOfToken(token);
  }
  return shingleTokenHashes(hashes, hashes.length, size, seed);
}

/**
 * Token hashes of `tokenize(text)`, computed in one pass without token strings.
 * The result is a view of the shared scanner's buffer, valid until the next
 * call: copy it to keep it.
 */
export function textTokenHashes(text: string): Uint32Array {
  const scanner = sharedScanner;
  if (
    scanner.scanHashes(text) !== SCAN_DONE ||
    (mayBeLegacy(scanner) && detectEncodingOf(text) !== 'unicode')
  ) {
    scanner.scanNormalizedHashes(prepareText(text));
  }
  return scanner.hashes.subarray(0, scanner.hashCount);
}

/**
 * `shingle(tokenize(text), options)`, computed along the index's fast path:
 * one pass over the text, no string per token.
 */
export function shingleText(text: string, options?: ShingleOptions): Uint32Array {
  assertText('shingleText', text);
  const { size, seed } = resolveShingleOptions('shingleText', options);
  const hashes = textTokenHashes(text);
  return shingleTokenHashes(hashes, hashes.length, size, seed);
}
