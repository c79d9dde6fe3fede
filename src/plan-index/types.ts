/**
 * The index's public types: what goes in (documents, check options), what
 * comes out (check results, matches, memory), and the stored form of a
 * document that stores and the saved format carry.
 */
import type { Finding } from './finding.js';
import type { Passage } from './passages.js';

/** A document to index. */
export interface PlanDoc {
  /** Unique id (a file path, a document number…). */
  id: string;
  /** Its text, in any form saochep reads (Unicode, NFD, TCVN3, VNI…). */
  text: string;
  /**
   * Anything JSON can carry: returned with its matches, saved with the index.
   * `meta.date` (2021-11-18, 18/11/2021 or a Date) dates the document; without
   * it, its own date line does.
   */
  meta?: Record<string, unknown>;
}

/** A document as {@link PlanIndex.documents} lists it. */
export interface IndexedDocument {
  id: string;
  meta: Record<string, unknown> | undefined;
  /** Added with addReference. */
  reference: boolean;
  /** Its text as given to add; undefined when the index keeps no texts and loadText has none. */
  text: string | undefined;
}

/** An indexed document that shares text with a checked plan. */
export interface PlanMatch {
  id: string;
  /** Jaccard similarity of the two documents' shingles (boilerplate set aside). */
  similarity: number;
  /**
   * Share of the checked plan's own content (in syllables) that lies inside
   * the passages copied from this document: the same measure as the score.
   */
  containment: number;
  /** True for reference documents (directives, templates: see addReference). */
  reference: boolean;
  /** When both are dated: true when this document is dated before the checked plan. */
  earlier?: boolean;
  meta?: Record<string, unknown>;
  /** The copied passages, ordered by start; empty when the source's text is not available. */
  passages: Passage[];
}

/** Where a plan's own content was found. Shares that add up to 1. */
export interface Breakdown {
  /** Found in a reference (a directive, a template), whether or not also in a peer. */
  fromReferences: number;
  /** Found in other plans only. */
  fromPeers: number;
  /** Found nowhere. */
  original: number;
}

/** What {@link PlanIndex.check} finds. */
export interface CheckResult {
  /**
   * The sao chép score: share of the plan's own content (boilerplate set
   * aside), in syllables, that lies inside passages copied from its matches,
   * across edits; from 0 to 1. Equals fromReferences + fromPeers.
   */
  score: number;
  /** Best first: highest containment, then similarity. */
  matches: PlanMatch[];
  /** Share of the plan's syllables set aside as boilerplate (frame, stock phrases, ignored patterns). */
  ignored: number;
  breakdown: Breakdown;
  /** One sentence in Vietnamese and English that says what was copied from where, and how. */
  finding: Finding;
}

/** A plan to check: its text, or its text with meta (meta.date dates it). */
export type CheckInput = string | { text: string; meta?: Record<string, unknown> };

/** Options of {@link PlanIndex.check}. */
export interface CheckOptions {
  /** Matches to return at most (the score counts them all). Default 10. */
  limit?: number;
  /**
   * Count only sources dated before the plan (references with no date count
   * too). A scan of an archive needs this. Default false.
   */
  onlyEarlier?: boolean;
  /** With onlyEarlier: count sources of the same day too. Default false. */
  includeSameDay?: boolean;
  /** The plan's date: 2021-11-18, 18/11/2021 or a Date. Default: meta.date, else its own date line. */
  date?: string | Date;
  /** Ids never to match (the plan itself, when it is indexed). */
  exclude?: readonly string[];
  /** Align the copied passages of the returned matches. Default true. */
  passages?: boolean;
  /**
   * A time (as `Date.now()` gives it) by which the check must be done: past
   * it, the check stops and throws ERR_SAOCHEP_TIMEOUT. It is looked at
   * between stages and between sources, so a check stops within one
   * source's alignment of it. For a service's request time limit; without
   * it, a check runs to the end. It never changes a result: a check that
   * finishes in time returns what it returns without one.
   */
  deadline?: number;
}

/** The index's own memory, in bytes; kept texts counted apart. */
export interface IndexMemory {
  documents: number;
  /** The index's own structures. */
  bytes: number;
  bytesPerDocument: number;
  parts: Record<string, number>;
  /** Kept texts (two bytes per code unit), not in `bytes`. */
  texts: number;
}

/** A document sketched by {@link PlanIndex.sketch}, ready for {@link PlanIndex.addSketched}. */
export interface SketchedDocument {
  /** The options it was sketched with, as a key: only an index with the same options takes it. */
  optionsKey: string;
  /** Its distinct counting shingles, ascending. */
  shingleSet: Uint32Array;
  /** What the index stores for it. */
  stored: StoredDocument;
}

/** The stored form of one document, as the binary format carries it. */
export interface StoredDocument {
  id: string;
  meta: Record<string, unknown> | undefined;
  reference: boolean;
  /** Day number (days since 1970-01-01), or null when undated. */
  date: number | null;
  text: string | undefined;
  size: number;
  bandKeys: Uint32Array;
  anchors: Uint32Array;
  /** Distinct 16-bit fingerprints of the shingles. */
  fingerprintCount: number;
  /** Their Elias-Fano code. */
  fingerprintCode: Uint32Array;
  /** References: shingles of the title, which plans cite; they never count. */
  titleShingles: Uint32Array;
}

/** Index-wide counts the binary format carries besides the documents. */
export interface StoredState {
  /** Document frequencies as (counter, value) pairs. */
  frequencies: Uint32Array;
  /** Reference shingles (a reference's text is never a stock phrase). */
  referenceShingles: Uint32Array;
}
