/**
 * A document's shingle set: its shingle hashes sorted and without repeats.
 */
import { shingleTokenHashes, textTokenHashes } from './shingle.js';

/** The shingle set of a text: distinct shingle hashes (seed 0) ascending, in a new array. */
export function shingleSetOf(text: string, shingleSize: number): Uint32Array {
  const tokens = textTokenHashes(text);
  return toShingleSet(shingleTokenHashes(tokens, tokens.length, shingleSize, 0));
}

/** Sort `hashes` in place and return the view of its distinct values (ascending). */
export function toShingleSet(hashes: Uint32Array): Uint32Array {
  if (hashes.length < 2) return hashes;
  // Typed-array sort is numeric and native: no comparator, no boxing.
  hashes.sort();
  let n = 1;
  for (let i = 1; i < hashes.length; i++) {
    if (hashes[i] !== hashes[n - 1]) hashes[n++] = hashes[i];
  }
  return hashes.subarray(0, n);
}

/** Exact size of the intersection of two shingle sets. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
