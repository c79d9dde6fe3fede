/**
 * The score: the plan's own tokens that lie inside passages aligned with the
 * verified sources (across edits), sources without text standing in with the
 * dense segments of their fingerprint hits; references apart for the breakdown.
 */
import type { AlignedPassage } from '../../evidence/edit-align.js';
import {
  LARGE_ARCHIVE_COMMON_DOCUMENTS,
  countOnes,
  coverFromFingerprints,
  coverPassages,
  dropSharedStock,
} from '../copied-share.js';
import { planAligner } from '../passages.js';
import type { ReadDocument } from '../read-document.js';
import type { DocumentView } from '../store/index-store.js';
import type { PlanMatch } from '../types.js';
import type { CheckContext } from './check-context.js';
import type { DeadlineGuard } from './deadline.js';
import type { OwnContent } from './own-content.js';
import { type Verified, stampFingerprints } from './verify.js';

/**
 * Without texts, a fingerprint segment counts when hits make this share of
 * its span: stock phrases of one subject chain into sparse segments (on
 * 100,000 generated plans, 60% took honest plans scoring ≥ 0.15 from 1.4% to 0.18%).
 */
const FALLBACK_MIN_DENSITY = 0.6;

/** A match while the check runs: with its document number and alignment. */
export type FoundMatch = PlanMatch & {
  d: number;
  aligned: AlignedPassage[] | undefined;
  source: ReadDocument | undefined;
};

/** The matches (unordered), the score and the share from references. */
export interface Scored {
  matches: FoundMatch[];
  score: number;
  fromReferences: number;
}

/** What scoring needs of the index's options. */
export interface ScoreRules {
  shingleSize: number;
  minPassage: number;
  threshold: number;
  /** Stock sentences many sources share count only while the index learns stock phrases. */
  learnsStockPhrases: boolean;
  /** Throws once the check's deadline has passed. */
  overdue: DeadlineGuard;
}

/** Align the plan with each verified source and measure the copied share. */
export function scoreMatches(
  context: CheckContext,
  query: ReadDocument,
  own: OwnContent,
  verified: readonly Verified[],
  sources: ReadonlyArray<ReadDocument | undefined>,
  docs: DocumentView,
  rules: ScoreRules,
): Scored {
  const tokenCount = query.tokens.count;
  const coveredAny = new Uint8Array(tokenCount);
  const coveredReference = new Uint8Array(tokenCount);
  const { shingleSize: size, minPassage } = rules;
  const fallbackRules = {
    size,
    minTokens: Math.max(size, minPassage),
    maxGap: 2 * size,
    minDensity: FALLBACK_MIN_DENSITY,
  };
  const aligner = planAligner(query, own.own, minPassage);
  const alignedAll = sources.map((source) => {
    rules.overdue('aligning passages');
    return source ? aligner.align(source) : undefined;
  });
  // Sentences that many sources share are the genre's, whether or not the index has learned them.
  if (rules.learnsStockPhrases)
    dropSharedStock(
      alignedAll,
      verified.map((v) => v.reference),
      own.own,
      minPassage,
      own.common,
      Number.isFinite(own.commonDocuments) && own.commonDocuments >= LARGE_ARCHIVE_COMMON_DOCUMENTS,
    );
  const marks = context.marks;
  const shingles = query.shingles;
  const matches: FoundMatch[] = [];
  for (const [k, v] of verified.entries()) {
    const source = sources[k];
    const aligned = alignedAll[k];
    let inside: number;
    if (aligned) {
      inside = coverPassages(aligned, own.own, coveredAny);
      if (v.reference) coverPassages(aligned, own.own, coveredReference);
    } else {
      // No text: the fingerprints' dense segments stand in for passages (stamps are per candidate).
      stampFingerprints(context, docs, v.d, v.stamp);
      const hit = (i: number) => marks[shingles[i] >>> 16] === v.stamp;
      inside = coverFromFingerprints(own.counts, hit, fallbackRules, own.own, coveredAny);
      if (v.reference)
        coverFromFingerprints(own.counts, hit, fallbackRules, own.own, coveredReference);
    }
    if (inside === 0 && v.similarity < rules.threshold) continue;
    const match: FoundMatch = {
      id: v.id,
      similarity: v.similarity,
      containment: inside / own.ownCount,
      reference: v.reference,
      passages: [],
      d: v.d,
      aligned,
      source,
    };
    if (v.earlier !== undefined) match.earlier = v.earlier;
    const meta = docs.metaOf(v.d);
    if (meta !== undefined) match.meta = meta;
    matches.push(match);
  }
  const score = countOnes(coveredAny) / own.ownCount;
  return {
    matches,
    score,
    fromReferences: Math.min(score, countOnes(coveredReference) / own.ownCount),
  };
}
