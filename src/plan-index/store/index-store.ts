/**
 * The storage seam: what the index logic (sketching, checking) needs from
 * wherever the index's data live, in one batch per stage of a check, so that
 * a store across a network (Redis) answers a check in four round trips.
 *
 * A check asks, in order: the statistics of the plan's shingles (with the
 * store's summary), the postings of its band keys and anchors, the records
 * of the candidates those give, and the texts of the candidates verified.
 * Each answer is a view the checker reads synchronously: the in-memory store
 * answers with views over its own arrays (nothing copied), a remote store
 * with the data it fetched.
 */
import type { SketchedDocument, StoredDocument, StoredState } from '../types.js';

/** What a check needs to know about the whole store. */
export interface StoreSummary {
  /** Documents in the store, references included. */
  live: number;
  /** Every document number is below this. */
  capacity: number;
  /** Fewest low zero bits any stored document's anchors have (the anchor probe mask of a check). */
  probeBits: number;
  /** Changes whenever a document number can come to mean another document (removal, compaction). */
  generation: number;
}

/** Corpus statistics of shingles: what makes a shingle boilerplate. */
export interface ShingleStatistics {
  /** In the title of a reference: cited by every plan, never content. */
  isReferenceTitle(shingle: number): boolean;
  /** In the text of a reference: never a learned stock phrase. */
  isReferenceShingle(shingle: number): boolean;
  /** Documents that contain the shingle (an estimate that never falls short while counts are exact). */
  frequency(shingle: number): number;
}

/** The statistics of a check's shingles, with the store's summary. */
export interface StatisticsView extends ShingleStatistics {
  summary: StoreSummary;
}

/** What a check asks of the postings. */
export interface PostingRequest {
  /** The plan's LSH band keys. */
  bandKeys: Uint32Array;
  /** The plan's shingles that could be anchors of a stored document. */
  anchorKeys: Uint32Array;
  /** Peer anchor postings longer than this are common phrases: their length is enough. */
  anchorCap: number;
}

/** The postings of one check's keys. Lists are visited, not returned, so that the in-memory store allocates nothing. */
export interface PostingView {
  /** Visit the documents in the bucket of a band key. */
  eachInBand(key: number, visit: (d: number) => void): void;
  /** Length of the peer anchor list of `key`, counting no further than `limit` + 1. */
  anchorCount(key: number, limit: number): number;
  /** Visit the peer documents with anchor `key` (requested keys whose list is at most the cap long). */
  eachWithAnchor(key: number, visit: (d: number) => void): void;
  /** Visit the reference documents with anchor `key` (never capped: many plans restate one directive). */
  eachWithReferenceAnchor(key: number, visit: (d: number) => void): void;
  /** Low zero bits of the anchors of document d (any d these lists gave). */
  anchorBitsOf(d: number): number;
}

/** Where a document's 16-bit fingerprints are: `count` Elias-Fano coded values at `code[offset…]`. */
export interface FingerprintRef {
  code: Uint32Array;
  offset: number;
  count: number;
}

/** Stored records of documents, by document number (any d asked for). */
export interface DocumentView {
  idOf(d: number): string;
  isReference(d: number): boolean;
  /** Day number, or null when undated. */
  dateOf(d: number): number | null;
  /** Distinct counting shingles. */
  sizeOf(d: number): number;
  fingerprintsOf(d: number): FingerprintRef;
  metaOf(d: number): Record<string, unknown> | undefined;
}

/** The read side of a store, synchronous: the in-memory store. */
export interface IndexStoreReader {
  statistics(shingles: Uint32Array): StatisticsView;
  postings(request: PostingRequest): PostingView;
  /** Every live document, ascending (for small stores, which a check verifies whole). */
  liveDocuments(): number[];
  documents(ds: readonly number[]): DocumentView;
  /** Texts of documents, as given to add; undefined when not kept and not loadable. */
  texts(ds: readonly number[]): Array<string | undefined>;
}

/** The same read side, asynchronous: any store, a remote one included. */
export interface AsyncIndexStoreReader {
  statistics(shingles: Uint32Array): Promise<StatisticsView>;
  postings(request: PostingRequest): Promise<PostingView>;
  liveDocuments(): Promise<number[]>;
  documents(ds: readonly number[]): Promise<DocumentView>;
  texts(ds: readonly number[]): Promise<Array<string | undefined>>;
}

/** A store the index writes to, synchronously. */
export interface IndexStore extends IndexStoreReader {
  readonly size: number;
  has(id: string): boolean;
  /** Store a sketched document. Throws ERR_SAOCHEP_DUPLICATE_ID when its id is stored. */
  add(sketched: SketchedDocument): void;
  /** Remove a document; false when the id is not stored. */
  remove(id: string): boolean;
  /** The text of a stored document. */
  text(id: string): string | undefined;
}

/** The sketches and statistics a store holds, in the form the saved format carries. */
export interface StoredContents {
  documents: StoredDocument[];
  state: StoredState;
}

/** A synchronous reader as an asynchronous one. */
export function asAsyncReader(store: IndexStoreReader): AsyncIndexStoreReader {
  return {
    statistics: (shingles) => Promise.resolve(store.statistics(shingles)),
    postings: (request) => Promise.resolve(store.postings(request)),
    liveDocuments: () => Promise.resolve(store.liveDocuments()),
    documents: (ds) => Promise.resolve(store.documents(ds)),
    texts: (ds) => Promise.resolve(store.texts(ds)),
  };
}
