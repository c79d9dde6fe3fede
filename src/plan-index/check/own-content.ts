/**
 * The plan's own content: its shingles less those that never count in a
 * check (reference titles and, once learned, stock phrases that are not one
 * directive's own text), its own tokens (the measure of every share), and
 * the tokens inside common phrases.
 */
import { countOnes, ownTokens } from '../copied-share.js';
import type { ResolvedIndexOptions } from '../options.js';
import { type ReadDocument, countedSet } from '../read-document.js';
import { setAsideStock, stockThresholds, tokensInside } from '../stock-phrases.js';
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
  /** Per token: 1 inside a common phrase (the genre's, but not frequent enough to be stock). */
  common: Uint8Array;
  /** Documents a shingle must be in to be a common phrase (Infinity while nothing is learned). */
  commonDocuments: number;
}

/** The own content of `query` given the store's statistics. */
export function ownContent(
  query: ReadDocument,
  stats: StatisticsView,
  options: ResolvedIndexOptions,
): OwnContent {
  // Shingles that do not count: reference titles and, once learned, stock phrases (never one directive's text).
  const counts = query.counts.slice();
  const thresholds = stockThresholds(
    options.learnedBoilerplate,
    options.learnFrom,
    stats.summary.live,
  );
  const commonShingles = setAsideStock(
    query.shingles,
    counts,
    {
      isTitle: (h) => stats.isReferenceTitle(h),
      documents: (h) => stats.frequency(h),
      references: (h) => stats.referenceCount(h),
    },
    thresholds,
  );
  const own = ownTokens(query, counts, options.shingleSize);
  const ownCount = countOnes(own);
  const tokenCount = query.tokens.count;
  return {
    counts,
    own,
    ownCount,
    ignored: tokenCount === 0 ? 0 : 1 - ownCount / tokenCount,
    set: countedSet(query, counts),
    common: tokensInside(commonShingles, tokenCount, options.shingleSize),
    commonDocuments: thresholds.common,
  };
}
