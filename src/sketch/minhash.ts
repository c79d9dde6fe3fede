/**
 * MinHash signatures by one-permutation hashing with optimal densification
 * (Shrivastava, ICML 2017): one hash per shingle instead of one per
 * permutation, so signing costs about as much as reading the shingles.
 *
 * Each shingle is rehashed with the seed; its top log2(k) bits pick one of k
 * bins and the bin keeps its smallest value. Bins no shingle fell into borrow
 * the value of a bin chosen by a seeded hash of (bin, attempt), which keeps
 * every pair of signatures an unbiased estimate of Jaccard similarity.
 */
import { fmix32 as fmix32_ } from './hash.js';

// Module-level copy: some loaders (vite-node) turn each call of an import into a getter call.
const fmix32 = fmix32_;

const EMPTY = 0xffffffff;

/** Signs shingle sets into MinHash signatures of `numPerm` values. */
export class MinHasher {
  /** Values per signature (a power of two). */
  readonly numPerm: number;
  readonly seed: number;
  private readonly shift: number;
  private readonly seedMix: number;

  constructor(numPerm: number, seed: number) {
    this.numPerm = numPerm;
    this.seed = seed;
    this.shift = 32 - Math.log2(numPerm);
    this.seedMix = fmix32((seed ^ 0x5bd1e995) >>> 0);
  }

  /**
   * Write the signature of `shingles` (hashes, repeats allowed) into `out`.
   * An empty set gives a signature of all 0xffffffff.
   */
  sign(shingles: Uint32Array, out: Uint32Array): Uint32Array {
    const k = this.numPerm;
    out.fill(EMPTY, 0, k);
    const shift = this.shift;
    const mix = this.seedMix;
    for (let i = 0; i < shingles.length; i++) {
      const h = fmix32((shingles[i] ^ mix) >>> 0);
      const bin = h >>> shift;
      if (h < out[bin]) out[bin] = h;
    }
    if (shingles.length > 0) this.densify(out);
    return out;
  }

  /** Fill empty bins from non-empty ones chosen by a seeded hash of (bin, attempt). */
  private densify(sig: Uint32Array): void {
    const k = this.numPerm;
    const shift = this.shift;
    let empty = 0;
    for (let i = 0; i < k; i++) if (sig[i] === EMPTY) empty++;
    if (empty === 0) return;
    const filled = Uint32Array.from(sig);
    for (let i = 0; i < k; i++) {
      if (filled[i] !== EMPTY) continue;
      for (let attempt = 1; ; attempt++) {
        const j =
          fmix32(
            (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ this.seedMix) >>> 0,
          ) >>> shift;
        if (filled[j] !== EMPTY) {
          sig[i] = filled[j];
          break;
        }
      }
    }
  }
}

/**
 * Share of positions where two signatures agree: an unbiased estimate of the
 * Jaccard similarity of the two shingle sets (standard error √(J(1−J)/numPerm)).
 */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}
