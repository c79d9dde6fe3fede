/**
 * Verification of candidates: the fingerprints of each say how much of the
 * plan it shares and whether its hits cluster like a copied passage; the
 * rest are dropped before anything is read or aligned.
 */
import { collisionRate, correctForCollisions } from '../../sketch/fingerprints.js';
import { hasHitCluster } from '../copied-share.js';
import type { DocumentView } from '../store/index-store.js';
import type { CheckContext } from './check-context.js';
import { eligibleByDate, isEarlier } from './date-filter.js';
import type { OwnContent } from './own-content.js';

/** Fewest fingerprint hits in a cluster that makes a candidate worth reading and aligning. */
const MIN_CLUSTER_HITS = 7;
/** Candidates aligned at most per check, the most promising first. */
const MAX_ALIGNED = 64;

/** A candidate whose fingerprints passed verification. */
export interface Verified {
  d: number;
  id: string;
  reference: boolean;
  earlier: boolean | undefined;
  similarity: number;
  shared: number;
  /** Its stamp in the context's fingerprint marks. */
  stamp: number;
}

/** What verification needs besides the candidates. */
export interface VerifyRules {
  planDate: number | undefined;
  onlyEarlier: boolean;
  includeSameDay: boolean;
  exclude: ReadonlySet<string>;
  /** The index's LSH threshold: a candidate this similar is kept whatever its hits. */
  threshold: number;
  minPassage: number;
}

/** Stamp source d's fingerprints in the context's marks; the number of the plan's shingles they hit. */
export function stampFingerprints(
  context: CheckContext,
  docs: DocumentView,
  d: number,
  stamp: number,
): number {
  const fp = docs.fingerprintsOf(d);
  return context.queryFingerprints.hits(fp.code, fp.offset, fp.count, context.marks, stamp);
}

/**
 * The candidates worth aligning, most promising first (at most MAX_ALIGNED).
 * Loads the plan's counting shingles into the context's fingerprint counts.
 */
export function verifyCandidates(
  context: CheckContext,
  query: { shingles: Uint32Array },
  own: OwnContent,
  docs: DocumentView,
  candidates: readonly number[],
  rules: VerifyRules,
): Verified[] {
  const { set, counts } = own;
  const n = set.length;
  context.queryFingerprints.load(set);
  const marks = context.marks;
  const shingles = query.shingles;
  const verified: Verified[] = [];
  for (const d of candidates) {
    const id = docs.idOf(d);
    if (rules.exclude.has(id)) continue;
    const reference = docs.isReference(d);
    const date = docs.dateOf(d);
    if (!eligibleByDate(rules.planDate, date, reference, rules)) continue;
    const docSize = docs.sizeOf(d);
    const rate = collisionRate(docs.fingerprintsOf(d).count);
    const stamp = context.nextStamp();
    const hits = stampFingerprints(context, docs, d, stamp);
    const shared = correctForCollisions(hits, n, rate, Math.min(n, docSize));
    const similarity = shared / (n + docSize - shared);
    const hit = (i: number) => marks[shingles[i] >>> 16] === stamp;
    // A cluster of hits beyond what chance gives: a near-verbatim passage of minPassage (half of
    // its shingles in a window its length), or a long edited copy (a sixth of them over a window
    // of four times its length). A stock phrase or two gives neither.
    const cluster = (span: number, share: number) => {
      const expected = rate * span;
      const minHits = Math.max(
        MIN_CLUSTER_HITS,
        Math.ceil(share * span),
        Math.ceil(expected + 3 * Math.sqrt(expected)),
      );
      return hasHitCluster(counts, hit, span, minHits);
    };
    const { threshold, minPassage } = rules;
    if (similarity < threshold && !cluster(minPassage, 0.5) && !cluster(4 * minPassage, 1 / 6))
      continue;
    verified.push({
      d,
      id,
      reference,
      earlier: isEarlier(rules.planDate, date),
      similarity,
      shared,
      stamp,
    });
  }
  // The most promising first, so that a cap on alignments keeps the best.
  verified.sort((a, b) => b.shared - a.shared || a.d - b.d);
  if (verified.length > MAX_ALIGNED) verified.length = MAX_ALIGNED;
  return verified;
}
