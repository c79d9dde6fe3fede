/**
 * How many indexed documents contain a shingle, estimated with a count-min
 * sketch (two rows of 2^18 counters, 2 MB): enough to tell the genre's stock
 * phrases, which occur in a large share of documents, from everything else.
 * Over-estimates only by collisions, whose expected count (documents ×
 * shingles per document / 2^18) stays far below any share worth learning.
 */
import { fmix32 } from '../sketch/hash.js';

const WIDTH_BITS = 18;
const WIDTH = 1 << WIDTH_BITS;
const MASK = WIDTH - 1;
const SALT_A = 0x68e31da4;
const SALT_B = 0xb5297a4d;

/** Counter of shingle `h` in the first row (an index into the 2 × 2^18 counters). */
export function firstCounter(h: number): number {
  return fmix32((h ^ SALT_A) >>> 0) & MASK;
}

/** Counter of shingle `h` in the second row. */
export function secondCounter(h: number): number {
  return WIDTH + (fmix32((h ^ SALT_B) >>> 0) & MASK);
}

export class DocFrequency {
  private rows: Uint32Array | null = null;

  /** Counts over existing counters (shared memory from {@link shared}), or none yet. */
  constructor(rows: Uint32Array | null = null) {
    this.rows = rows;
  }

  /** A copy of the counters in shared memory, or null while nothing is counted. */
  shared(): Uint32Array | null {
    if (this.rows === null) return null;
    const out = new Uint32Array(new SharedArrayBuffer(this.rows.byteLength));
    out.set(this.rows);
    return out;
  }

  private table(): Uint32Array {
    if (this.rows === null) this.rows = new Uint32Array(2 * WIDTH);
    return this.rows;
  }

  /** Count (delta 1) or uncount (−1) the distinct shingles of one document. */
  add(set: Uint32Array, delta: 1 | -1): void {
    const rows = this.table();
    for (let i = 0; i < set.length; i++) {
      const h = set[i];
      const a = firstCounter(h);
      const b = secondCounter(h);
      rows[a] = Math.max(0, rows[a] + delta);
      rows[b] = Math.max(0, rows[b] + delta);
    }
  }

  /** Documents containing `h`, at least (never fewer than the truth while counts are exact). */
  estimate(h: number): number {
    if (this.rows === null) return 0;
    const a = this.rows[firstCounter(h)];
    const b = this.rows[secondCounter(h)];
    return a < b ? a : b;
  }

  /** Non-zero counters as (index, value) pairs: small for small indexes. */
  toPairs(): Uint32Array {
    if (this.rows === null) return new Uint32Array(0);
    let n = 0;
    for (let i = 0; i < this.rows.length; i++) if (this.rows[i] !== 0) n++;
    const out = new Uint32Array(n * 2);
    for (let i = 0, k = 0; i < this.rows.length; i++) {
      if (this.rows[i] !== 0) {
        out[k++] = i;
        out[k++] = this.rows[i];
      }
    }
    return out;
  }

  /** Restore from {@link toPairs}; false if the pairs do not fit. */
  fromPairs(pairs: Uint32Array): boolean {
    if (pairs.length % 2 !== 0) return false;
    if (pairs.length === 0) {
      this.rows = null;
      return true;
    }
    const rows = this.table();
    for (let k = 0; k < pairs.length; k += 2) {
      if (pairs[k] >= rows.length) return false;
      rows[pairs[k]] = pairs[k + 1];
    }
    return true;
  }

  /** Bytes allocated. */
  get byteLength(): number {
    return this.rows === null ? 0 : this.rows.byteLength;
  }
}
