/**
 * Short fingerprints of a shingle set, for verifying candidates: the distinct
 * top 16 bits of its hashes. Intersecting a query's full set with them counts
 * the shared shingles exactly, plus chance collisions, whose expected number
 * is subtracted.
 *
 * The sorted fingerprints are stored Elias-Fano coded: L = ⌊log2(65536/m)⌋ low
 * bits each, packed, then the high parts in unary, so m fingerprints take
 * about m·(L + 2) bits (a 550-shingle document: 600 bytes, not 1,100).
 */

/** Distinct top-16-bit values of a sorted shingle set (sorted, since the set is). */
export function fingerprintsOf(set: Uint32Array): Uint16Array {
  const out = new Uint16Array(set.length);
  let n = 0;
  for (let i = 0; i < set.length; i++) {
    const f = set[i] >>> 16;
    if (n === 0 || out[n - 1] !== f) out[n++] = f;
  }
  return out.slice(0, n);
}

/** Low bits per fingerprint for `m` fingerprints. */
function lowBits(m: number): number {
  return m === 0 ? 0 : Math.max(0, Math.floor(Math.log2(65536 / m)));
}

/** 32-bit words of the Elias-Fano code of `m` fingerprints. */
export function encodedWords(m: number): number {
  const L = lowBits(m);
  const upperBits = m + (65536 >>> L) + 1;
  return Math.ceil((m * L) / 32) + Math.ceil(upperBits / 32);
}

/** Elias-Fano code of sorted distinct 16-bit fingerprints. */
export function encodeFingerprints(fingerprints: Uint16Array): Uint32Array {
  const m = fingerprints.length;
  const L = lowBits(m);
  const out = new Uint32Array(encodedWords(m));
  const upperStart = Math.ceil((m * L) / 32) * 32;
  const lowMask = (1 << L) - 1;
  for (let i = 0; i < m; i++) {
    const v = fingerprints[i];
    if (L > 0) {
      const bit = i * L;
      const low = v & lowMask;
      out[bit >>> 5] |= low << (bit & 31);
      if ((bit & 31) + L > 32) out[(bit >>> 5) + 1] |= low >>> (32 - (bit & 31));
    }
    const upper = upperStart + (v >>> L) + i;
    out[upper >>> 5] |= 1 << (upper & 31);
  }
  return out;
}

/** Probability that a shingle not in the set matches one of its `m` fingerprints by chance. */
export function collisionRate(fingerprintCount: number): number {
  return fingerprintCount / 65536;
}

/**
 * Query-side fingerprint counts for checking many candidates: `counts[f]` is
 * how many of the query's shingles have fingerprint f. Each candidate then
 * costs one pass over its own fingerprints, whatever the query's size.
 */
export class QueryFingerprints {
  readonly counts = new Uint32Array(65536);
  private keys = new Uint16Array(0);

  /** Load a query (a sorted shingle set), clearing the previous one. */
  load(query: Uint32Array): void {
    for (let i = 0; i < this.keys.length; i++) this.counts[this.keys[i]] = 0;
    this.keys = new Uint16Array(query.length);
    for (let i = 0; i < query.length; i++) {
      const f = query[i] >>> 16;
      this.keys[i] = f;
      this.counts[f]++;
    }
  }

  /**
   * Query shingles whose fingerprint is among the `m` Elias-Fano coded
   * fingerprints at `code[offset…]`; sets `mark[f] = stamp` for each of them when given.
   */
  hits(code: Uint32Array, offset: number, m: number, mark?: Uint32Array, stamp = 1): number {
    if (m === 0) return 0;
    const counts = this.counts;
    const L = lowBits(m);
    const lowMask = (1 << L) - 1;
    let word = offset + Math.ceil((m * L) / 32);
    let bits = code[word];
    let base = 0;
    let matched = 0;
    for (let k = 0; k < m; k++) {
      while (bits === 0) {
        bits = code[++word];
        base += 32;
      }
      const p = base + (31 - Math.clz32(bits & -bits));
      bits &= bits - 1;
      let low = 0;
      if (L > 0) {
        const bit = k * L;
        const w = offset + (bit >>> 5);
        const shift = bit & 31;
        low = (code[w] >>> shift) & lowMask;
        if (shift + L > 32) low |= (code[w + 1] << (32 - shift)) & lowMask;
      }
      const f = ((p - k) << L) | low;
      matched += counts[f];
      if (mark) mark[f] = stamp;
    }
    return matched;
  }
}

/**
 * Shared shingles estimated from `hits` fingerprint matches among `n` query
 * shingles, when non-members match with probability `rate`:
 * E[hits] = I + (n − I)·rate, so I = (hits − n·rate) / (1 − rate), clamped to [0, max].
 */
export function correctForCollisions(hits: number, n: number, rate: number, max: number): number {
  if (rate >= 1) return Math.min(hits, max);
  const estimate = (hits - n * rate) / (1 - rate);
  return Math.max(0, Math.min(max, estimate));
}
