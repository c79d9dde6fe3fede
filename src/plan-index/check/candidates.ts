/**
 * Candidate gathering for a check: documents that share an LSH band with the
 * plan (near-duplicates), and documents that share enough anchors with it to
 * supply part of it (partial copies).
 */
import { Growable } from '../growable.js';
import type { PostingRequest, PostingView, StoreSummary } from '../store/index-store.js';

/** Anchors shared with a plan, relative to those expected at minContainment, that make a document worth verifying. */
const ANCHOR_SHARE_FOR_CANDIDATE = 0.35;
/** A checked plan ignores peer anchor postings longer than this share of the index (and this floor): phrases everyone uses. */
const MAX_ANCHOR_DF_SHARE = 0.005;
const MIN_ANCHOR_DF_CAP = 64;
/** Anchors in more documents than this are common: they add to candidates but do not make them. */
const RARE_ANCHOR_DF = 32;

/**
 * What a check asks of the postings for a plan with shingle set `set`
 * (ascending) and band keys `bandKeys`: every shingle that could be an anchor
 * of some document (as many low zero bits as the most densely sampled
 * document needs).
 */
export function postingRequest(
  set: Uint32Array,
  bandKeys: Uint32Array,
  summary: StoreSummary,
): PostingRequest {
  const probeMask = (1 << summary.probeBits) - 1;
  let n = 0;
  for (let i = 0; i < set.length; i++) if ((set[i] & probeMask) === 0) n++;
  const anchorKeys = new Uint32Array(n);
  for (let i = 0, k = 0; i < set.length; i++)
    if ((set[i] & probeMask) === 0) anchorKeys[k++] = set[i];
  return {
    bandKeys,
    anchorKeys,
    anchorCap: Math.max(MIN_ANCHOR_DF_CAP, Math.ceil(summary.live * MAX_ANCHOR_DF_SHARE)),
  };
}

/** Reusable scratch space, so that a check allocates little. One per check context: never shared by two checks at once. */
export class CandidateSearch {
  private hits = new Int32Array(64);
  private lsh = new Uint8Array(64);
  private readonly touched = new Growable(Int32Array, 256);
  private readonly common = new Growable(Uint32Array, 64);

  /** Document numbers of the candidates for a request, in the order the postings gave them. */
  find(
    postings: PostingView,
    request: PostingRequest,
    summary: StoreSummary,
    minContainment: number,
  ): number[] {
    if (this.hits.length < summary.capacity) {
      this.hits = new Int32Array(summary.capacity * 2);
      this.lsh = new Uint8Array(summary.capacity * 2);
    }
    const { hits, lsh, touched, common } = this;
    touched.length = 0;
    common.length = 0;
    const touch = (d: number) => {
      if (hits[d] === 0 && lsh[d] === 0) touched.push(d);
    };
    const inBand = (d: number) => {
      touch(d);
      lsh[d] = 1;
    };
    const withAnchor = (d: number) => {
      touch(d);
      hits[d]++;
    };
    const withCommonAnchor = (d: number) => {
      if (hits[d] !== 0 || lsh[d] !== 0) hits[d]++;
    };

    const { bandKeys, anchorKeys, anchorCap: cap } = request;
    for (let b = 0; b < bandKeys.length; b++) postings.eachInBand(bandKeys[b], inBand);
    for (let i = 0; i < anchorKeys.length; i++) {
      const h = anchorKeys[i];
      postings.eachWithReferenceAnchor(h, withAnchor);
      const df = postings.anchorCount(h, cap);
      if (df === 0 || df > cap) continue;
      // Rare anchors make candidates; common ones (a phrase many documents
      // use) only add to documents a rare one found, so a stock phrase alone
      // never costs a verification.
      if (df > RARE_ANCHOR_DF) {
        common.push(h);
        continue;
      }
      postings.eachWithAnchor(h, withAnchor);
    }
    for (let c = 0; c < common.length; c++)
      postings.eachWithAnchor(common.data[c], withCommonAnchor);

    // Anchors expected in common with a document that supplies minContainment of the plan.
    const expectedAtMin = minContainment * anchorKeys.length;
    const out: number[] = [];
    for (let t = 0; t < touched.length; t++) {
      const d = touched.data[t];
      const share = 2 ** (summary.probeBits - postings.anchorBitsOf(d));
      const minHits = Math.max(1, Math.floor(ANCHOR_SHARE_FOR_CANDIDATE * expectedAtMin * share));
      if (lsh[d] === 1 || hits[d] >= minHits) out.push(d);
      hits[d] = 0;
      lsh[d] = 0;
    }
    return out;
  }
}
