/**
 * Candidate gathering for a check: documents that share an LSH band with the
 * plan (near-duplicates), and documents that share enough anchors with it to
 * supply part of it (partial copies).
 */
import { Growable } from './growable.js';
import { END, type PostingTable } from './posting-table.js';

/** Anchors shared with a plan, relative to those expected at minContainment, that make a document worth verifying. */
const ANCHOR_SHARE_FOR_CANDIDATE = 0.35;
/** A checked plan ignores peer anchor postings longer than this share of the index (and this floor): phrases everyone uses. */
const MAX_ANCHOR_DF_SHARE = 0.005;
const MIN_ANCHOR_DF_CAP = 64;
/** Anchors in more documents than this are common: they add to candidates but do not make them. */
const RARE_ANCHOR_DF = 32;

/** What the candidate search needs to know about the index. */
export interface CandidateSource {
  bands: PostingTable;
  anchors: PostingTable;
  /** Anchors of reference documents (directives), never capped: many plans restate one directive. */
  referenceAnchors: PostingTable;
  /** Low zero bits of the anchors of each document. */
  anchorBitsOf(d: number): number;
  /** Fewest low zero bits any indexed document's anchors have. */
  probeBits: number;
  live: number;
  capacity: number;
  minContainment: number;
}

/** Reusable scratch space, so that a check allocates little. */
export class CandidateSearch {
  private hits = new Int32Array(64);
  private lsh = new Uint8Array(64);
  private readonly touched = new Growable(Int32Array, 256);
  private readonly common = new Growable(Uint32Array, 64);

  /**
   * Dense ids of the candidates for a plan with shingle set `set` (ascending)
   * and LSH band keys `bandKeys`.
   */
  find(index: CandidateSource, set: Uint32Array, bandKeys: Uint32Array): number[] {
    if (this.hits.length < index.capacity) {
      this.hits = new Int32Array(index.capacity * 2);
      this.lsh = new Uint8Array(index.capacity * 2);
    }
    const { hits, lsh, touched, common } = this;
    touched.length = 0;
    common.length = 0;
    const touch = (d: number) => {
      if (hits[d] === 0 && lsh[d] === 0) touched.push(d);
    };

    for (let b = 0; b < bandKeys.length; b++) {
      for (let e = index.bands.first(bandKeys[b]); e !== END; e = index.bands.nextEntry(e)) {
        const d = index.bands.docOf(e);
        touch(d);
        lsh[d] = 1;
      }
    }

    // Probe every shingle that could be an anchor of some document: those
    // with as many low zero bits as the most densely sampled document needs.
    const probeMask = (1 << index.probeBits) - 1;
    const cap = Math.max(MIN_ANCHOR_DF_CAP, Math.ceil(index.live * MAX_ANCHOR_DF_SHARE));
    const anchors = index.anchors;
    const references = index.referenceAnchors;
    let probed = 0;
    for (let i = 0; i < set.length; i++) {
      const h = set[i];
      if ((h & probeMask) !== 0) continue;
      probed++;
      for (let e = references.first(h); e !== END; e = references.nextEntry(e)) {
        const d = references.docOf(e);
        touch(d);
        hits[d]++;
      }
      const df = anchors.count(h, cap);
      if (df === 0 || df > cap) continue;
      // Rare anchors make candidates; common ones (a phrase many documents
      // use) only add to documents a rare one found, so a stock phrase alone
      // never costs a verification.
      if (df > RARE_ANCHOR_DF) {
        common.push(h);
        continue;
      }
      for (let e = anchors.first(h); e !== END; e = anchors.nextEntry(e)) {
        const d = anchors.docOf(e);
        touch(d);
        hits[d]++;
      }
    }
    for (let c = 0; c < common.length; c++) {
      for (let e = anchors.first(common.data[c]); e !== END; e = anchors.nextEntry(e)) {
        const d = anchors.docOf(e);
        if (hits[d] !== 0 || lsh[d] !== 0) hits[d]++;
      }
    }

    // Anchors expected in common with a document that supplies minContainment of the plan.
    const expectedAtMin = index.minContainment * probed;
    const out: number[] = [];
    for (let t = 0; t < touched.length; t++) {
      const d = touched.data[t];
      const share = 2 ** (index.probeBits - index.anchorBitsOf(d));
      const minHits = Math.max(1, Math.floor(ANCHOR_SHARE_FOR_CANDIDATE * expectedAtMin * share));
      if (lsh[d] === 1 || hits[d] >= minHits) out.push(d);
      hits[d] = 0;
      lsh[d] = 0;
    }
    return out;
  }
}
