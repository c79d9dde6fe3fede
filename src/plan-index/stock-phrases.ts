/**
 * The genre's phrasing, learned from the archive's document frequencies: stock
 * phrases, which never count, and common phrases, which count inside a copy but
 * cannot make a short passage on their own.
 */

/** A stock phrase must be in at least this many documents, whatever the share. */
export const LEARNED_MIN_DOCUMENTS = 5;

/**
 * References a shingle must be in to be the genre's phrasing rather than one
 * directive's content: a directive's own text is never learned (restating it
 * stays visible however many plans do), but a phrase that several directives
 * use as well ("góp phần hoàn thành chỉ tiêu Nghị quyết Đại hội…") is the genre's.
 */
export const GENRE_REFERENCES = 3;

/**
 * A common phrase is in this share of the documents a stock phrase needs: the
 * template sentences of one subject ("Các cơ quan, đơn vị phân công rõ người,
 * rõ việc, báo cáo kết quả về…"), each in a few percent of an archive.
 */
export const COMMON_SHARE_OF_STOCK = 0.2;

/** Documents a shingle must be in to be a stock or a common phrase; Infinity while nothing is learned. */
export interface StockThresholds {
  stock: number;
  common: number;
}

/**
 * The thresholds for an index of `live` documents that learns phrases found in
 * `share` of them once it holds `learnFrom`.
 */
export function stockThresholds(share: number, learnFrom: number, live: number): StockThresholds {
  if (share === 0 || live < learnFrom) return { stock: Infinity, common: Infinity };
  return {
    stock: Math.max(LEARNED_MIN_DOCUMENTS, Math.ceil(share * live)),
    common: Math.max(LEARNED_MIN_DOCUMENTS, Math.ceil(COMMON_SHARE_OF_STOCK * share * live)),
  };
}

/**
 * Whether a shingle found in `documents` indexed documents, `references` of
 * them references, is the genre's at `threshold` documents.
 */
export function isGenrePhrase(documents: number, references: number, threshold: number): boolean {
  return documents >= threshold && (references === 0 || references >= GENRE_REFERENCES);
}

/** What the index knows of one shingle. */
export interface ShingleLookup {
  /** Part of a reference's title (cited by every plan: never content). */
  isTitle(h: number): boolean;
  /** Indexed documents that contain it (an estimate, never below the truth). */
  documents(h: number): number;
  /** References that contain it. */
  references(h: number): number;
}

/**
 * Set aside, in `counts` (in place), the shingles of reference titles and the
 * learned stock phrases; returns 1 for each remaining counting position whose
 * shingle is a common phrase.
 */
export function setAsideStock(
  shingles: Uint32Array,
  counts: Uint8Array,
  lookup: ShingleLookup,
  thresholds: StockThresholds,
): Uint8Array {
  const common = new Uint8Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    const h = shingles[i];
    if (lookup.isTitle(h)) {
      counts[i] = 0;
      continue;
    }
    if (thresholds.common === Infinity) continue;
    const documents = lookup.documents(h);
    if (documents < thresholds.common) continue;
    const references = lookup.references(h);
    if (isGenrePhrase(documents, references, thresholds.stock)) counts[i] = 0;
    else if (isGenrePhrase(documents, references, thresholds.common)) common[i] = 1;
  }
  return common;
}

/** Tokens that lie inside a flagged shingle of `size` tokens (a document of `n` tokens). */
export function tokensInside(flags: Uint8Array, n: number, size: number): Uint8Array {
  const out = new Uint8Array(n);
  let until = 0;
  for (let t = 0; t < n; t++) {
    if (t < flags.length && flags[t] === 1) until = t + size;
    if (t < until) out[t] = 1;
  }
  return out;
}
