/**
 * The shapes an alignment across edits works with: the two sides, the
 * passages it finds and the changes inside them, and its internal runs.
 */
import type { TokenStream } from './token-stream.js';

/** One side of an alignment. */
export interface EditAlignSide {
  /** The text the tokens point into. */
  text: string;
  tokens: TokenStream;
  /** 1 for boilerplate tokens: left out of the alignment, neither matched nor a gap. */
  mask: Uint8Array;
}

/** The checked plan's side: which tokens are its own content. */
export interface EditAlignQuery extends EditAlignSide {
  /** 1 for tokens of the plan's own content (not boilerplate, not a stock phrase). */
  own: Uint8Array;
}

/** What kind of words an edit changed. */
export type EditType = 'name' | 'number' | 'words';

/** One change inside a passage, in token positions (end exclusive; an empty side is an insertion or deletion). */
export interface TokenEdit {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
  type: EditType;
}

/** A passage in token positions (end exclusive), with what it holds. */
export interface AlignedPassage {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
  /** Own-content tokens of the plan in [start, end). */
  own: number;
  /** Of those, the tokens matched to the same token of the source. */
  matched: number;
  /** Own tokens of the whole counting stretch this passage was cut from (at headings). */
  stretchOwn: number;
  /** The changes inside the passage, ordered by start. */
  edits: TokenEdit[];
}

/** Options of {@link alignAcrossEdits}. */
export interface EditAlignOptions {
  /** Own-content tokens a stretch needs to count (minPassage). */
  minTokens: number;
  /**
   * Own tokens a shorter piece needs to count when it stands next to other
   * copied text of the same source in the plan, together twice minTokens
   * (moved lines, short items): default 40% of minTokens, with 90% of its
   * tokens matched.
   */
  minShortTokens?: number;
}

/** The numbered sub-headings of a side and where they stand among its compressed tokens. */
export interface Titles {
  /**
   * at[c]: 1 + the index in `words` of the sub-heading line that ends right
   * before compressed token c, 0 where none does.
   */
  at: Int32Array;
  /**
   * Each title's words: their hashes, leaving out numbers ("2." renumbered
   * "3." is the same title) and, in a title in sentence case, the names past
   * its first word ("1. Tại xã Thanh Lâm" renamed is the same title).
   */
  words: Uint32Array[];
}

/** The unmasked tokens of a side: their positions and hashes. */
export interface Compressed {
  positions: Int32Array;
  hashes: Uint32Array;
  /**
   * headings[c] = 1 where boilerplate lines of their own (a heading) stand
   * between unmasked tokens c - 1 and c; headingsBefore[c] counts them
   * before token c (length + 1 entries).
   */
  headings: Uint8Array;
  headingsBefore: Int32Array;
  /** The numbered sub-heading lines ("1. Mục đích") and the tokens right after them. */
  titles: Titles;
}

/** Maximal exact runs shared by the two compressed sequences, each at least a seed long. */
export interface Runs {
  q: Int32Array;
  s: Int32Array;
  length: Int32Array;
  count: number;
}
