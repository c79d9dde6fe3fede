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
 * dropped passages from `aligned` in place.
 */
export function dropSharedStock(
  aligned: Array<AlignedPassage[] | undefined>,
  isReference: readonly boolean[],
  own: Uint8Array,
  minPassage: number,
  common: Uint8Array,
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
    const genre = suppliesOnlyCommon(passages, own, common);
    aligned[k] = passages.filter((p) => {
      if (p.stretchOwn >= 2 * minPassage) return true;
      let stock = 0;
      for (let t = p.start; t < p.end; t++)
        if (own[t] === 1 && ((genre && common[t] === 1) || (peer && sharedBy[t] >= STOCK_SOURCES)))
          stock++;
      return stock * 2 < p.own;
    });
  }
}

/**
 * Whether most of the own tokens a source's passages hold are common phrases:
 * a source that supplies only sentences of the genre. A source that supplies
 * text of its own besides (a copy with its lines moved) keeps its short
 * passages, common phrases or not.
 */
function suppliesOnlyCommon(
  passages: readonly AlignedPassage[],
  own: Uint8Array,
  common: Uint8Array,
): boolean {
  let owned = 0;
  let shared = 0;
  for (const p of passages) {
    for (let t = p.start; t < p.end; t++) {
      owned += own[t];
      shared += own[t] & common[t];
    }
  }
  return shared * 2 >= owned;
}
