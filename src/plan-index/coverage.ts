/**
 * Which positions of a checked plan were found in a source, from the source's
 * fingerprints alone (no text needed): shingles whose fingerprint the source
 * has, chained across small gaps (a renamed unit, a changed number) into
 * segments, and kept only where a segment is long enough to be a copied
 * passage. A stock phrase of a few words, or a fingerprint that matches by
 * chance, is not a passage and does not count.
 */

/** How segments are formed, in the units of the checked plan's shingle positions. */
export interface SegmentRules {
  /** Tokens per shingle. */
  size: number;
  /** Shortest segment that counts, in tokens. */
  minTokens: number;
  /** Largest gap between two found shingles of one segment, in positions. */
  maxGap: number;
  /** Least share of a segment's span that must be found (0–1). */
  minDensity: number;
}

/**
 * Mark in `covered` (one byte per position) the positions of the checked plan
 * that lie in segments found in one source. `hit(i)` says whether position i
 * (a counting shingle) has its fingerprint in the source. Returns the number of
 * positions newly marked.
 */
export function coverSegments(
  counts: Uint8Array,
  hit: (position: number) => boolean,
  rules: SegmentRules,
  covered: Uint8Array,
): number {
  const { size, minTokens, maxGap, minDensity } = rules;
  // A segment needs half of the shingles of the shortest passage: chance hits are sparse, copies are not.
  const minHits = Math.max(2, Math.ceil((minTokens - size + 1) / 2));
  let marked = 0;
  let first = -1;
  let last = -1;
  let hits = 0;
  /** Counting positions from first to last; boilerplate between them (a heading) is neither gap nor length. */
  let span = 0;
  let gap = 0;
  const close = () => {
    if (
      first >= 0 &&
      hits >= minHits &&
      span + size - 1 >= minTokens &&
      hits >= minDensity * span
    ) {
      for (let j = first; j <= last; j++) {
        if (counts[j] === 1 && covered[j] === 0 && hit(j)) {
          covered[j] = 1;
          marked++;
        }
      }
    }
  };
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    if (!hit(i)) {
      gap++;
      continue;
    }
    if (first >= 0 && gap > maxGap) {
      close();
      first = -1;
    }
    if (first < 0) {
      first = i;
      hits = 0;
      span = 0;
    } else span += gap;
    span++;
    gap = 0;
    last = i;
    hits++;
  }
  close();
  return marked;
}
