/**
 * The plan's own content: its shingles less those that never count in a
 * check (reference titles and, once learned, stock phrases that are no
 * reference's text), and its own tokens, the measure of every share.
 */
import { stockPhraseThreshold } from '../corpus-stats.js';
import { countOnes, ownTokens } from '../copied-share.js';
import type { ResolvedIndexOptions } from '../options.js';
import { type ReadDocument, countedSet } from '../read-document.js';
import type { StatisticsView } from '../store/index-store.js';

/** The counting part of a checked plan. */
export interface OwnContent {
  /** Per shingle position: 1 where it counts in this check. */
  counts: Uint8Array;
  /** Per token: 1 for the plan's own tokens. */
  own: Uint8Array;
  ownCount: number;
  /** Share of the plan's syllables set aside as boilerplate. */
  ignored: number;
  /** Distinct counting shingles, ascending. */
  set: Uint32Array;
}

/** The own content of `query` given the store's statistics. */
export function ownContent(
  query: ReadDocument,
  stats: StatisticsView,
  options: ResolvedIndexOptions,
): OwnContent {
  const stock = stockPhraseThreshold(options, stats.summary.live);
  const counts = query.counts.slice();
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    const h = query.shingles[i];
    if (stats.isReferenceTitle(h)) counts[i] = 0;
    else if (stock !== Infinity && stats.frequency(h) >= stock && !stats.isReferenceShingle(h))
      counts[i] = 0;
  }
  const own = ownTokens(query, counts, options.shingleSize);
  const ownCount = countOnes(own);
  const tokenCount = query.tokens.count;
  return {
    counts,
    own,
    ownCount,
    ignored: tokenCount === 0 ? 0 : 1 - ownCount / tokenCount,
    set: countedSet(query, counts),
  };
}
