/**
 * The sao chép score's measure: syllables of the plan's own content, and
 * which of them lie inside copied passages.
 */
import { shingleCounts } from '../evidence/shingle-counts.js';
import type { AlignedPassage } from '../evidence/edit-align.js';
import { type SegmentRules, coverSegments } from './coverage.js';
import type { ReadDocument } from './read-document.js';

/**
 * Tokens of the plan's own content: not boilerplate, and not inside a
 * shingle that was set aside although it touches no boilerplate (a learned
 * stock phrase, a reference's title, a text the user asked to ignore).
 */
export function ownTokens(doc: ReadDocument, counts: Uint8Array, size: number): Uint8Array {
  const n = doc.tokens.count;
  const own = new Uint8Array(n);
  const base = shingleCounts(doc.mask, n, size);
  const width = Math.min(size, n);
  // Tokens up to `until` (exclusive) lie inside a set-aside shingle.
  let until = 0;
  for (let t = 0; t < n; t++) {
    if (t < counts.length && base[t] === 1 && counts[t] === 0) until = t + width;
    own[t] = doc.mask[t] === 0 && t >= until ? 1 : 0;
  }
  return own;
}

/** Count of ones. */
export function countOnes(flags: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < flags.length; k++) n += flags[k];
  return n;
}

/**
 * Mark in `covered` the own tokens inside `passages`; returns how many own
 * tokens the passages hold (whether or not another source already covered them).
 */
export function coverPassages(
  passages: readonly AlignedPassage[],
  own: Uint8Array,
  covered: Uint8Array,
): number {
  let inside = 0;
  for (const p of passages) {
    for (let t = p.start; t < p.end; t++) {
      if (own[t] === 0) continue;
      inside++;
      covered[t] = 1;
    }
  }
  return inside;
}

/**
 * Without the source's text: the own tokens of shingles found in the source's
 * fingerprints, in passage-long dense segments (see {@link coverSegments}),
 * marked in `covered`; returns how many own tokens they hold.
 */
export function coverFromFingerprints(
  counts: Uint8Array,
  hit: (position: number) => boolean,
  rules: SegmentRules,
  own: Uint8Array,
  covered: Uint8Array,
): number {
  const shingles = new Uint8Array(counts.length);
  coverSegments(counts, hit, rules, shingles);
  const inside = new Uint8Array(own.length);
  let until = 0;
  for (let t = 0; t < own.length; t++) {
    if (t < shingles.length && shingles[t] === 1) until = t + rules.size;
    if (t < until && own[t] === 1) inside[t] = 1;
  }
  for (let t = 0; t < own.length; t++) if (inside[t] === 1) covered[t] = 1;
  return countOnes(inside);
}

/**
 * Whether the fingerprint hits of a candidate cluster anywhere more than
 * chance allows: `minHits` hits among `window` consecutive counting
 * positions. Candidates without such a cluster cannot hold a passage and are
 * not aligned.
 */
export function hasHitCluster(
  counts: Uint8Array,
  hit: (position: number) => boolean,
  window: number,
  minHits: number,
): boolean {
  const recent = new Int32Array(minHits);
  let found = 0;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    seen++;
    if (!hit(i)) continue;
    // `recent` is a ring of the counting-position numbers of the last minHits hits.
    recent[found % minHits] = seen;
    found++;
    if (found >= minHits && seen - recent[found % minHits] < window) return true;
  }
  return false;
}

/** Peer sources that must share a short passage of the plan for it to be a stock sentence. */
export const STOCK_SOURCES = 3;

/**
 * The archive is large enough to tell the genre's sections once a common
 * phrase must be in this many documents (1% of the archive with the defaults:
 * from about 2,000 documents). In a large archive some honest peer fills the
 * same template sentences as the plan, one after another, into a stretch a
 * little over twice minPassage (on 100,000 generated plans a targets list, a
 * "Mục đích, yêu cầu" section, three report-back sentences: 84–93% common
 * phrasing). In a smaller archive a phrase in a handful of documents may be
 * one text that a few plans copied.
 */
export const LARGE_ARCHIVE_COMMON_DOCUMENTS = 20;

/**
 * A section of the genre is shorter than this many minPassage: in a large
 * archive, a source that supplies fewer own tokens than that in all, and
 * whose passages lie in stretches shorter than that, supplies a section of
 * the genre in its passages that {@link isGenreSection} finds. A source
 * that supplies more is a copy's source, and its template sections count
 * with the rest.
 */
export const SECTION_PASSAGES = 3;

/** Share of common phrasing that makes a passage a section of the genre, see {@link SECTION_PASSAGES}. */
export const SECTION_COMMON_SHARE = 0.8;

/**
 * Matched tokens outside common phrases, as a share of minPassage, that a
 * passage of a section source needs to be a copy rather than the genre's
 * section written twice (honest pairs at 100,000 generated plans: 2–6 such
 * tokens in passages half to two thirds matched).
 */
export const SECTION_OWN_MATCHED = 0.25;

/**
 * Set aside the stock sentences of the genre: a passage of a stretch shorter
 * than twice minPassage, most of whose own tokens are common phrases of the
 * archive (`common`, see {@link setAsideStock}; when most of what that source
 * supplies is) or, for a peer's passage, are shared with at least
 * {@link STOCK_SOURCES} peer sources of this check, is
 * one sentence of a template that many plans use, not a copy from one of
 * them. The document frequencies see every plan that uses the template, also
 * those dated after the plan or not aligned in this check; the peers of the
 * check see templates too new or too small to learn. Longer passages always
 * count (a plan that many others copied stays a source), and so does a
 * reference's passage made of its own text (restating the directive is the
 * finding): common phrases are never one directive's text. Removes the
 * dropped passages from `aligned` in place. In a `largeArchive` (see
 * {@link LARGE_ARCHIVE_COMMON_DOCUMENTS}) the sections of the genre go too,
 * from a source that supplies mostly common phrases (see {@link SECTION_PASSAGES}).
 * Sources checked without their text (fingerprint segments) have no passages
 * and are not judged here.
 */
export function dropSharedStock(
  aligned: Array<AlignedPassage[] | undefined>,
  isReference: readonly boolean[],
  own: Uint8Array,
  minPassage: number,
  common: Uint8Array,
  largeArchive: boolean,
): void {
  const sharedBy = new Uint16Array(own.length);
  let peers = 0;
  for (const [k, passages] of aligned.entries()) {
    if (passages === undefined || isReference[k] || passages.length === 0) continue;
    peers++;
    for (const p of passages) for (let t = p.start; t < p.end; t++) sharedBy[t] += own[t];
  }
  const byPeers = peers >= STOCK_SOURCES;
  for (const [k, passages] of aligned.entries()) {
    if (passages === undefined) continue;
    const peer = byPeers && !isReference[k];
    const supply = supplyOf(passages, own, common);
    // A source most of whose supply is common phrases supplies only sentences of the genre; one that
    // supplies text of its own besides (a copy with its lines moved) keeps its short passages.
    const genre = supply.common * 2 >= supply.own;
    const section = genre && largeArchive && supply.own < SECTION_PASSAGES * minPassage;
    aligned[k] = passages.filter((p) => {
      if (p.stretchOwn < 2 * minPassage) {
        let stock = 0;
        for (let t = p.start; t < p.end; t++)
          if (
            own[t] === 1 &&
            ((genre && common[t] === 1) || (peer && sharedBy[t] >= STOCK_SOURCES))
          )
            stock++;
        return stock * 2 < p.own;
      }
      if (!section || p.stretchOwn >= SECTION_PASSAGES * minPassage) return true;
      return !isGenreSection(p, own, common, minPassage);
    });
  }
}

/**
 * Whether a passage of a source that supplies little else is a section of the
 * genre: {@link SECTION_COMMON_SHARE} of it common phrasing, or fewer than
 * {@link SECTION_OWN_MATCHED} × minPassage of its matched tokens outside
 * common phrases (the two plans wrote the same template sentences, each with
 * its own words in the slots: nothing but the template is the same).
 */
function isGenreSection(
  p: AlignedPassage,
  own: Uint8Array,
  common: Uint8Array,
  minPassage: number,
): boolean {
  let shared = 0;
  let matchedBeyond = 0;
  let e = 0;
  for (let t = p.start; t < p.end; t++) {
    shared += own[t] & common[t];
    while (e < p.edits.length && p.edits[e].end <= t) e++;
    const edited = e < p.edits.length && p.edits[e].start <= t;
    if (!edited) matchedBeyond += own[t] & (common[t] ^ 1);
  }
  return shared >= SECTION_COMMON_SHARE * p.own || matchedBeyond < SECTION_OWN_MATCHED * minPassage;
}

/** Own tokens a source's passages hold, and how many of them are in common phrases. */
function supplyOf(
  passages: readonly AlignedPassage[],
  own: Uint8Array,
  common: Uint8Array,
): { own: number; common: number } {
  let owned = 0;
  let shared = 0;
  for (const p of passages) {
    for (let t = p.start; t < p.end; t++) {
      owned += own[t];
      shared += own[t] & common[t];
    }
  }
  return { own: owned, common: shared };
}
