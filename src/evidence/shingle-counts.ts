/**
 * Which shingles of a document count: those that touch no boilerplate token.
 */

/** Positional shingle hashes of a token stream and which of them count (none touching a masked token). */
export function shingleCounts(mask: Uint8Array, count: number, size: number): Uint8Array {
  const width = Math.min(size, count);
  const n = count === 0 ? 0 : count - width + 1;
  const counts = new Uint8Array(n);
  let masked = 0;
  for (let k = 0; k < width; k++) masked += mask[k];
  for (let i = 0; i < n; i++) {
    counts[i] = masked === 0 ? 1 : 0;
    if (i + width < count) masked += mask[i + width] - mask[i];
  }
  return counts;
}
