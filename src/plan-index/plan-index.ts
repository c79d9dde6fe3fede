/**
 * PlanIndex: an archive of plans, and for any new plan, how much of it is
 * already in the archive, where it came from, and the copied passages.
 *
 * Every document is kept as a few numbers in large typed arrays under a dense
 * numeric id: its count of shingles that are its own content (the frame and
 * other boilerplate set aside), the LSH band keys of its MinHash signature,
 * its anchors (a hash-sampled subset of its shingles, for partial copies),
 * 16-bit fingerprints of its shingles (for verifying candidates), its date,
 * whether it is a reference (a directive), and its text unless told not to.
 * A check gathers candidates from the band buckets and the anchor postings,
 * measures each against the plan's own shingles, and aligns the passages.
 */
import { SaochepError, SaochepTypeError, assertText, describeValue } from '../errors.js';
import { parseDateLine, parseMetaDate } from '../evidence/dates.js';
import {
  QueryFingerprints,
  collisionRate,
  correctForCollisions,
  encodeFingerprints,
  fingerprintsOf,
} from '../sketch/fingerprints.js';
import { fmix32, murmurStep } from '../sketch/hash.js';
import { MinHasher } from '../sketch/minhash.js';
import { VERSION } from '../version.js';
import { CandidateSearch } from './candidates.js';
import { DocFrequency } from './doc-frequency.js';
import {
  type ShingleLookup,
  type StockThresholds,
  setAsideStock,
  stockThresholds,
  tokensInside,
} from './stock-phrases.js';
import { decodeIndex, encodeIndex } from './format.js';
import { Growable } from './growable.js';
import {
  type PlanIndexOptions,
  type ResolvedIndexOptions,
  ignoreRules,
  resolveIndexOptions,
} from './options.js';
import type { AlignedPassage, EditType } from '../evidence/edit-align.js';
import {
  countOnes,
  coverFromFingerprints,
  coverPassages,
  dropSharedStock,
  hasHitCluster,
  ownTokens,
} from './copied-share.js';
import { type Finding, findingOf } from './finding.js';
import { type Passage, planAligner, toPassages } from './passages.js';
import { readWholeFile, writeFileAtomic } from './persist.js';
import { PostingTable } from './posting-table.js';
import {
  type BoilerplateRules,
  type ReadDocument,
  countedSet,
  readDocument,
  shinglesWithin,
} from './read-document.js';

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

/**
 * Every document keeps at least this many anchors when it has that many
 * shingles: a short document samples more densely than the anchor rate.
 */
const MIN_ANCHORS = 16;
/** Source documents read for passages, kept for the next checks. */
const READ_CACHE = 1024;
const NO_DATE = -0x80000000;
/**
 * Up to this many documents, a check verifies every one instead of sampling
 * candidates: anchor sampling can miss a plan that copies a quarter of a
 * short document (about once in fifty), and verifying them all costs
 * microseconds each.
 */
const VERIFY_ALL_UP_TO = 256;
/** Fewest fingerprint hits in a cluster that makes a candidate worth reading and aligning. */
const MIN_CLUSTER_HITS = 7;
/** Candidates aligned at most per check, the most promising first. */
const MAX_ALIGNED = 64;
/**
 * Without texts, a fingerprint segment counts when hits make this share of
 * its span: stock phrases of one subject chain into sparse segments (on
 * 100,000 generated plans, 60% took honest plans scoring ≥ 0.15 from 1.4% to 0.18%).
 */
const FALLBACK_MIN_DENSITY = 0.6;
const NO_EDITS: Record<EditType, number> = { name: 0, number: 0, words: 0 };

/** A candidate whose fingerprints passed verification. */
interface Verified {
  d: number;
  id: string;
  reference: boolean;
  earlier: boolean | undefined;
  similarity: number;
  shared: number;
  /** Its stamp in the fingerprint marks. */
  stamp: number;
}

/** A match while the check runs: with its dense id and alignment. */
type FoundMatch = PlanMatch & {
  d: number;
  aligned: AlignedPassage[] | undefined;
  source: ReadDocument | undefined;
};

/** Whether version `a` (x.y.z) is newer than `b`. */
function isNewerVersion(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let k = 0; k < 3; k++) {
    const x = pa[k] ?? 0;
    const y = pb[k] ?? 0;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (x !== y) return x > y;
  }
  return false;
}

/** Edits of a match's passages, by type. */
function editCounts(aligned: readonly AlignedPassage[] | undefined): Record<EditType, number> {
  const out = { ...NO_EDITS };
  for (const p of aligned ?? []) for (const e of p.edits) out[e.type]++;
  return out;
}

/** Copy of meta through JSON, so that it is the same before and after a save. */
function cloneMeta(meta: unknown, id: string, fn: string): Record<string, unknown> | undefined {
  if (meta === undefined) return undefined;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: meta of "${id}" must be a plain object, got ${describeValue(meta)}.`,
    );
  }
  try {
    return JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;
  } catch (error) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: meta of "${id}" must be JSON-serialisable (${(error as Error).message}).`,
    );
  }
}

function checkDocument(doc: unknown, fn: string): asserts doc is PlanDoc {
  if (typeof doc !== 'object' || doc === null) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: expected a document { id, text, meta? }, got ${describeValue(doc)}.`,
    );
  }
  const { id, text } = doc as PlanDoc;
  if (typeof id !== 'string' || id.length === 0) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: document id must be a non-empty string, got ${describeValue(id)}.`,
    );
  }
  if (typeof text !== 'string') {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: text of "${id}" must be a string, got ${describeValue(text)}.`,
    );
  }
}

function addCount(map: Map<number, number>, keys: ArrayLike<number>, delta: 1 | -1): void {
  for (let i = 0; i < keys.length; i++) {
    const next = (map.get(keys[i]) ?? 0) + delta;
    if (next > 0) map.set(keys[i], next);
    else map.delete(keys[i]);
  }
}

export class PlanIndex {
  /** The options in force, defaults filled in. */
  readonly options: Readonly<ResolvedIndexOptions>;

  private readonly loadText: ((id: string) => string | undefined) | undefined;
  private readonly optionsKey: string;
  private readonly hasher: MinHasher;
  private readonly maxAnchorBits: number;
  private readonly signature: Uint32Array;
  private readonly rules: BoilerplateRules;

  private ids: string[] = [];
  private metas: Array<Record<string, unknown> | undefined> = [];
  private texts: Array<string | undefined> = [];
  private dense = new Map<string, number>();
  private alive = new Uint8Array(64);
  private references = new Growable(Uint8Array, 64);
  private dates = new Growable(Int32Array, 64);
  private sizes = new Growable(Int32Array, 64);
  private bandKeys = new Growable(Uint32Array, 1024);
  private anchorStart = new Growable(Int32Array, 64);
  private anchorData = new Growable(Uint32Array, 1024);
  private fpStart = new Growable(Int32Array, 64);
  private fpCount = new Growable(Int32Array, 64);
  private fpData = new Growable(Uint32Array, 4096);
  private titleShingles: Array<Uint32Array> = [];
  private bands = new PostingTable();
  private anchors = new PostingTable();
  private referenceAnchors = new PostingTable(64);
  /** Live documents by the number of low zero bits their anchors have. */
  private docsByAnchorBits = new Int32Array(32);
  private frequencies = new DocFrequency();
  /** Shingles of reference titles: cited by every plan, never content. */
  private referenceTitles = new Map<number, number>();
  /** Shingles of references: never learned as stock phrases. */
  private referenceShingles = new Map<number, number>();
  private live = 0;

  private readonly search = new CandidateSearch();
  private readonly queryFingerprints = new QueryFingerprints();
  /** Fingerprints of one source at a time, stamped so that nothing has to be cleared between sources. */
  private readonly fingerprintMarks = new Uint32Array(65536);
  private stamp = 0;
  private readonly readCache = new Map<number, ReadDocument>();

  constructor(options?: PlanIndexOptions | ResolvedIndexOptions) {
    this.options = Object.freeze(resolveIndexOptions(options));
    this.optionsKey = JSON.stringify(this.options, (_, v: unknown) =>
      v instanceof RegExp ? `/${v.source}/${v.flags}` : v,
    );
    this.loadText = options && 'loadText' in options ? options.loadText : undefined;
    this.hasher = new MinHasher(this.options.numPerm, this.options.seed);
    this.maxAnchorBits = Math.round(Math.log2(1 / this.options.anchorRate));
    this.signature = new Uint32Array(this.options.numPerm);
    const ignore = ignoreRules(this.options);
    this.rules = {
      frame: this.options.frame,
      ignoreShingles: ignore.shingles,
      ignorePatterns: ignore.patterns,
    };
  }

  /** Documents in the index, references included. */
  get size(): number {
    return this.live;
  }

  /** True when a document with this id is indexed. */
  has(id: string): boolean {
    return this.dense.has(id);
  }

  /** Low zero bits of the anchors of a document with `size` shingles: at least MIN_ANCHORS of them expected. */
  private anchorBits(size: number): number {
    return Math.max(
      0,
      Math.min(this.maxAnchorBits, Math.floor(Math.log2(Math.max(1, size / MIN_ANCHORS)))),
    );
  }

  /** LSH band keys of a shingle set, namespaced by band. */
  private bandKeysOfSet(set: Uint32Array): Uint32Array {
    const { bands, rows } = this.options;
    const sig = this.hasher.sign(set, this.signature);
    const keys = new Uint32Array(bands);
    for (let b = 0; b < bands; b++) {
      let h = fmix32(Math.imul(b + 1, 0x9e3779b1) >>> 0);
      for (let r = 0; r < rows; r++) h = murmurStep(h, sig[b * rows + r]);
      keys[b] = fmix32((h ^ rows) >>> 0);
    }
    return keys;
  }

  private anchorsOfSet(set: Uint32Array): Uint32Array {
    const mask = (1 << this.anchorBits(set.length)) - 1;
    let count = 0;
    for (let i = 0; i < set.length; i++) if ((set[i] & mask) === 0) count++;
    const anchors = new Uint32Array(count);
    for (let i = 0, k = 0; i < set.length; i++) if ((set[i] & mask) === 0) anchors[k++] = set[i];
    return anchors;
  }

  private read(text: string): ReadDocument {
    return readDocument(text, this.options.shingleSize, this.rules);
  }

  /**
   * Add a plan. Throws a SaochepError with code ERR_SAOCHEP_DUPLICATE_ID when
   * the id is already indexed (remove it first to replace it).
   */
  add(doc: PlanDoc): void {
    this.addDocument(doc, false, 'PlanIndex.add');
  }

  /**
   * Add a reference document: a higher-level document that plans implement
   * (a Nghị quyết, a Chỉ thị) or an official template. Text a plan shares with
   * a reference counts as restating it (breakdown.fromReferences), not as
   * copying a peer; the reference's title, which every plan cites, never counts.
   */
  addReference(doc: PlanDoc): void {
    this.addDocument(doc, true, 'PlanIndex.addReference');
  }

  /** Add many plans. */
  addAll(docs: Iterable<PlanDoc>): void {
    for (const doc of docs) this.add(doc);
  }

  private addDocument(doc: PlanDoc, reference: boolean, fn: string): void {
    checkDocument(doc, fn);
    this.checkNewId(doc.id, fn);
    this.addSketchedDocument(this.sketchDocument(doc, reference, fn));
  }

  private checkNewId(id: string, fn: string): void {
    if (this.dense.has(id)) {
      throw new SaochepError(
        'ERR_SAOCHEP_DUPLICATE_ID',
        `${fn}: a document with id "${id}" is already indexed. Remove it first to replace it, or use another id.`,
      );
    }
  }

  private sketchDocument(doc: PlanDoc, reference: boolean, fn: string): SketchedDocument {
    const { id, text } = doc;
    const meta = cloneMeta(doc.meta, id, fn);
    const read = this.read(text);
    const set = countedSet(read);
    const fingerprints = fingerprintsOf(set);
    const date = parseMetaDate(meta?.date) ?? parseDateLine(text);
    return {
      optionsKey: this.optionsKey,
      shingleSet: set,
      stored: {
        id,
        meta,
        reference,
        date: date ?? null,
        text: this.options.keepTexts ? text : undefined,
        size: set.length,
        bandKeys: this.bandKeysOfSet(set),
        anchors: this.anchorsOfSet(set),
        fingerprintCount: fingerprints.length,
        fingerprintCode: encodeFingerprints(fingerprints),
        titleShingles:
          reference && read.title
            ? Uint32Array.from(shinglesWithin(read, read.title, this.options.shingleSize))
            : new Uint32Array(0),
      },
    };
  }

  /**
   * Everything {@link PlanIndex.add} computes for a document, without adding
   * it: plain data and typed arrays that can cross to another thread. Sketch
   * in worker threads with an index of the same options, then
   * {@link PlanIndex.addSketched} in the thread that owns the index.
   */
  sketch(doc: PlanDoc, options?: { reference?: boolean }): SketchedDocument {
    checkDocument(doc, 'PlanIndex.sketch');
    return this.sketchDocument(doc, options?.reference === true, 'PlanIndex.sketch');
  }

  /**
   * Add a document sketched by {@link PlanIndex.sketch} (here or in another
   * thread); the same as adding it. Throws ERR_SAOCHEP_INDEX_INCOMPATIBLE when
   * it was sketched with other options.
   */
  addSketched(sketched: SketchedDocument): void {
    if (sketched?.optionsKey !== this.optionsKey) {
      throw new SaochepError(
        'ERR_SAOCHEP_INDEX_INCOMPATIBLE',
        'PlanIndex.addSketched: the document was sketched by an index with other options. Sketch it with an index made with the same options.',
      );
    }
    this.checkNewId(sketched.stored.id, 'PlanIndex.addSketched');
    this.addSketchedDocument(sketched);
  }

  private addSketchedDocument(sketched: SketchedDocument): void {
    this.frequencies.add(sketched.shingleSet, 1);
    if (sketched.stored.reference) addCount(this.referenceShingles, sketched.shingleSet, 1);
    this.insert(sketched.stored);
  }

  /** Put a sketched document into the tables (also used when loading a saved index). */
  private insert(stored: StoredDocument): void {
    const d = this.ids.length;
    this.ids.push(stored.id);
    this.metas.push(stored.meta);
    this.texts.push(stored.text);
    this.dense.set(stored.id, d);
    if (d >= this.alive.length) {
      const bigger = new Uint8Array(this.alive.length * 2);
      bigger.set(this.alive);
      this.alive = bigger;
    }
    this.alive[d] = 1;
    this.references.push(stored.reference ? 1 : 0);
    this.dates.push(stored.date ?? NO_DATE);
    this.sizes.push(stored.size);
    this.bandKeys.append(stored.bandKeys);
    this.anchorStart.push(this.anchorData.length);
    this.anchorData.append(stored.anchors);
    this.fpStart.push(this.fpData.length);
    this.fpCount.push(stored.fingerprintCount);
    this.fpData.append(stored.fingerprintCode);
    this.titleShingles.push(stored.titleShingles);
    addCount(this.referenceTitles, stored.titleShingles, 1);
    for (const key of stored.bandKeys) this.bands.add(key, d);
    const table = stored.reference ? this.referenceAnchors : this.anchors;
    for (const key of stored.anchors) table.add(key, d);
    this.docsByAnchorBits[this.anchorBits(stored.size)]++;
    this.live++;
  }

  /** Dense ids of the documents not removed, ascending. */
  private aliveDocuments(): number[] {
    const out: number[] = [];
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d] === 1) out.push(d);
    return out;
  }

  private anchorsOf(d: number): Uint32Array {
    const end =
      d + 1 < this.anchorStart.length ? this.anchorStart.data[d + 1] : this.anchorData.length;
    return this.anchorData.data.subarray(this.anchorStart.data[d], end);
  }

  private fingerprintCodeOf(d: number): Uint32Array {
    const end = d + 1 < this.fpStart.length ? this.fpStart.data[d + 1] : this.fpData.length;
    return this.fpData.data.subarray(this.fpStart.data[d], end);
  }

  private bandKeysOf(d: number): Uint32Array {
    const b = this.options.bands;
    return this.bandKeys.data.subarray(d * b, d * b + b);
  }

  /** Shingles of the loaded query whose fingerprint document d has; stamps d's fingerprints in `marks` when given. */
  private fingerprintHits(d: number, marks?: Uint32Array, stamp?: number): number {
    return this.queryFingerprints.hits(
      this.fpData.data,
      this.fpStart.data[d],
      this.fpCount.data[d],
      marks,
      stamp,
    );
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.fingerprintMarks.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /**
   * The text of an indexed document, as it was given to add: kept by the
   * index, or read through `loadText`; undefined when neither has it.
   */
  text(id: string): string | undefined {
    const d = this.dense.get(id);
    return d === undefined ? undefined : this.textOf(d);
  }

  /** The text of document d: kept, or from loadText. */
  private textOf(d: number): string | undefined {
    return this.texts[d] ?? this.loadText?.(this.ids[d]);
  }

  /**
   * Remove a document; false when the id is not indexed. Stock-phrase counts
   * are corrected from the document's text when it is available.
   */
  remove(id: string): boolean {
    const d = this.dense.get(id);
    if (d === undefined) return false;
    const text = this.textOf(d);
    if (text !== undefined) {
      const set = countedSet(this.read(text));
      this.frequencies.add(set, -1);
      if (this.references.data[d] === 1) addCount(this.referenceShingles, set, -1);
    }
    for (const key of this.bandKeysOf(d)) this.bands.remove(key, d);
    const table = this.references.data[d] === 1 ? this.referenceAnchors : this.anchors;
    for (const key of this.anchorsOf(d)) table.remove(key, d);
    addCount(this.referenceTitles, this.titleShingles[d], -1);
    this.docsByAnchorBits[this.anchorBits(this.sizes.data[d])]--;
    this.dense.delete(id);
    this.alive[d] = 0;
    this.metas[d] = undefined;
    this.texts[d] = undefined;
    this.readCache.delete(d);
    this.live--;
    // Removed documents leave their stored sketch behind until the index is rebuilt.
    if (this.ids.length > 64 && this.live * 2 < this.ids.length) this.compact();
    return true;
  }

  /**
   * Rebuild the index at its exact size: drops what removed documents left
   * behind and the spare capacity of growth. Done automatically when half the
   * stored documents were removed; worth calling after a bulk build.
   */
  compact(): void {
    const fresh = PlanIndex.build(
      this.options,
      this.storedDocuments(),
      this.storedState(),
      this.loadText,
    );
    for (const key of Object.keys(fresh) as Array<keyof PlanIndex>) {
      if (key === 'options') continue;
      (this as Record<string, unknown>)[key] = (fresh as unknown as Record<string, unknown>)[key];
    }
  }

  /** An index of stored documents, its arrays and tables sized exactly for them. */
  private static build(
    options: ResolvedIndexOptions,
    docs: StoredDocument[],
    state: StoredState,
    loadText?: (id: string) => string | undefined,
  ): PlanIndex {
    const index = new PlanIndex({ ...(options as unknown as PlanIndexOptions), loadText });
    const n = docs.length;
    let anchorCount = 0;
    let fpWords = 0;
    for (const d of docs) {
      anchorCount += d.anchors.length;
      fpWords += d.fingerprintCode.length;
    }
    index.alive = new Uint8Array(Math.max(64, n));
    index.references = new Growable(Uint8Array, Math.max(1, n));
    index.dates = new Growable(Int32Array, Math.max(1, n));
    index.sizes = new Growable(Int32Array, Math.max(1, n));
    index.bandKeys = new Growable(Uint32Array, Math.max(1, n * options.bands));
    index.anchorStart = new Growable(Int32Array, Math.max(1, n));
    index.anchorData = new Growable(Uint32Array, Math.max(1, anchorCount));
    index.fpStart = new Growable(Int32Array, Math.max(1, n));
    index.fpCount = new Growable(Int32Array, Math.max(1, n));
    index.fpData = new Growable(Uint32Array, Math.max(1, fpWords));
    index.bands = new PostingTable(n * options.bands);
    index.anchors = new PostingTable(anchorCount);
    for (const doc of docs) {
      if (index.dense.has(doc.id)) {
        throw new SaochepError(
          'ERR_SAOCHEP_INDEX_CORRUPT',
          `PlanIndex: document id "${doc.id}" appears twice.`,
        );
      }
      index.insert(doc);
    }
    index.bands.trim();
    index.anchors.trim();
    if (!index.frequencies.fromPairs(state.frequencies)) {
      throw new SaochepError(
        'ERR_SAOCHEP_INDEX_CORRUPT',
        'PlanIndex: the stock-phrase counts do not fit.',
      );
    }
    addCount(index.referenceShingles, state.referenceShingles, 1);
    return index;
  }

  /** The live documents in their stored form, in insertion order. */
  private storedDocuments(): StoredDocument[] {
    const out: StoredDocument[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive[d] === 0) continue;
      const date = this.dates.data[d];
      out.push({
        id: this.ids[d],
        meta: this.metas[d],
        reference: this.references.data[d] === 1,
        date: date === NO_DATE ? null : date,
        text: this.texts[d],
        size: this.sizes.data[d],
        bandKeys: this.bandKeysOf(d).slice(),
        anchors: this.anchorsOf(d).slice(),
        fingerprintCount: this.fpCount.data[d],
        fingerprintCode: this.fingerprintCodeOf(d).slice(),
        titleShingles: this.titleShingles[d],
      });
    }
    return out;
  }

  private storedState(): StoredState {
    return {
      frequencies: this.frequencies.toPairs(),
      referenceShingles: Uint32Array.from(
        [...this.referenceShingles.entries()].flatMap(([h, count]) => Array<number>(count).fill(h)),
      ),
    };
  }

  /** A source document read for passages, cached. */
  private readSource(d: number): ReadDocument | undefined {
    const cached = this.readCache.get(d);
    if (cached) {
      this.readCache.delete(d);
      this.readCache.set(d, cached);
      return cached;
    }
    const text = this.textOf(d);
    if (text === undefined) return undefined;
    const read = this.read(text);
    this.readCache.set(d, read);
    if (this.readCache.size > READ_CACHE)
      this.readCache.delete(this.readCache.keys().next().value as number);
    return read;
  }

  /** Documents a shingle must be in to be a stock or a common phrase. */
  private stockThresholds(): StockThresholds {
    return stockThresholds(this.options.learnedBoilerplate, this.options.learnFrom, this.live);
  }

  /** What the index knows of a shingle: whether it is in a reference's title, and in how many documents and references. */
  private shingleLookup(): ShingleLookup {
    return {
      isTitle: (h) => this.referenceTitles.has(h),
      documents: (h) => this.frequencies.estimate(h),
      references: (h) => this.referenceShingles.get(h) ?? 0,
    };
  }

  /**
   * How much of a plan is already in the index, where it came from, and the
   * copied passages. Never throws for unknown or empty text: it scores 0 with
   * no matches.
   */
  check(input: CheckInput, options?: CheckOptions): CheckResult {
    const { text, meta } = checkInput(input);
    const opts = checkOptions(options);
    const size = this.options.shingleSize;
    const query = this.read(text);
    // Shingles that do not count: reference titles and, once learned, stock phrases (never one directive's text).
    const counts = query.counts.slice();
    const commonShingles = setAsideStock(
      query.shingles,
      counts,
      this.shingleLookup(),
      this.stockThresholds(),
    );
    const own = ownTokens(query, counts, size);
    const ownCount = countOnes(own);
    const tokenCount = query.tokens.count;
    const ignored = tokenCount === 0 ? 0 : 1 - ownCount / tokenCount;
    const set = countedSet(query, counts);
    const n = set.length;
    const nothing = (): CheckResult => ({
      score: 0,
      matches: [],
      ignored,
      breakdown: { fromReferences: 0, fromPeers: 0, original: 1 },
      finding: findingOf({ score: 0, sources: 0, edits: NO_EDITS }),
    });
    if (n === 0 || ownCount === 0 || this.live === 0) return nothing();

    const queryDate = opts.date ?? parseMetaDate(meta?.date) ?? parseDateLine(text);
    let probeBits = 0;
    while (probeBits < this.maxAnchorBits && this.docsByAnchorBits[probeBits] === 0) probeBits++;
    // A small index verifies every document: sampling (anchors, bands) is for archives too large for that.
    const candidates =
      this.live <= VERIFY_ALL_UP_TO
        ? this.aliveDocuments()
        : this.search.find(
            {
              bands: this.bands,
              anchors: this.anchors,
              referenceAnchors: this.referenceAnchors,
              anchorBitsOf: (d) => this.anchorBits(this.sizes.data[d]),
              probeBits,
              live: this.live,
              capacity: this.ids.length,
              minContainment: this.options.minContainment,
            },
            set,
            this.bandKeysOfSet(set),
          );

    // Verification: the fingerprints say which candidates share enough, and where.
    this.queryFingerprints.load(set);
    const excluded = new Set(opts.exclude);
    const { threshold, minPassage } = this.options;
    const marks = this.fingerprintMarks;
    const shingles = query.shingles;
    const verified: Verified[] = [];
    for (const d of candidates) {
      const id = this.ids[d];
      if (excluded.has(id)) continue;
      const reference = this.references.data[d] === 1;
      const date = this.dates.data[d];
      const earlier = queryDate === undefined || date === NO_DATE ? undefined : date < queryDate;
      if (opts.onlyEarlier && queryDate !== undefined) {
        const sameDay = date === queryDate;
        const eligible =
          earlier === true ||
          (opts.includeSameDay && sameDay) ||
          (reference && (date === NO_DATE || date <= queryDate));
        if (!eligible) continue;
      }
      const docSize = this.sizes.data[d];
      const rate = collisionRate(this.fpCount.data[d]);
      const stamp = this.nextStamp();
      const hits = this.fingerprintHits(d, marks, stamp);
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
      if (similarity < threshold && !cluster(minPassage, 0.5) && !cluster(4 * minPassage, 1 / 6))
        continue;
      verified.push({ d, id, reference, earlier, similarity, shared, stamp });
    }
    // The most promising first, so that a cap on alignments keeps the best.
    verified.sort((a, b) => b.shared - a.shared || a.d - b.d);
    if (verified.length > MAX_ALIGNED) verified.length = MAX_ALIGNED;

    // The score: own tokens inside the passages of any match; references apart for the breakdown.
    const coveredAny = new Uint8Array(tokenCount);
    const coveredReference = new Uint8Array(tokenCount);
    const fallbackRules = {
      size,
      minTokens: Math.max(size, minPassage),
      maxGap: 2 * size,
      minDensity: FALLBACK_MIN_DENSITY,
    };
    const sources = verified.map((v) => this.readSource(v.d));
    const aligner = planAligner(query, own, minPassage);
    const alignedAll = sources.map((source) => (source ? aligner.align(source) : undefined));
    // Sentences that many sources share are the genre's, whether or not the index has learned them.
    if (this.options.learnedBoilerplate > 0)
      dropSharedStock(
        alignedAll,
        verified.map((v) => v.reference),
        own,
        minPassage,
        tokensInside(commonShingles, tokenCount, size),
      );
    const matches: FoundMatch[] = [];
    for (const [k, v] of verified.entries()) {
      const source = sources[k];
      const aligned = alignedAll[k];
      let inside: number;
      if (aligned) {
        inside = coverPassages(aligned, own, coveredAny);
        if (v.reference) coverPassages(aligned, own, coveredReference);
      } else {
        // No text: the fingerprints' dense segments stand in for passages (stamps are per candidate).
        this.fingerprintHits(v.d, marks, v.stamp);
        const hit = (i: number) => marks[shingles[i] >>> 16] === v.stamp;
        inside = coverFromFingerprints(counts, hit, fallbackRules, own, coveredAny);
        if (v.reference) coverFromFingerprints(counts, hit, fallbackRules, own, coveredReference);
      }
      if (inside === 0 && v.similarity < threshold) continue;
      const match: FoundMatch = {
        id: v.id,
        similarity: v.similarity,
        containment: inside / ownCount,
        reference: v.reference,
        passages: [],
        d: v.d,
        aligned,
        source,
      };
      if (v.earlier !== undefined) match.earlier = v.earlier;
      if (this.metas[v.d] !== undefined) match.meta = this.metas[v.d];
      matches.push(match);
    }
    if (matches.length === 0) return nothing();
    const score = countOnes(coveredAny) / ownCount;
    const fromReferences = Math.min(score, countOnes(coveredReference) / ownCount);

    matches.sort(
      (a, b) =>
        b.containment - a.containment ||
        b.similarity - a.similarity ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const top = matches[0];
    const finding = findingOf({
      score,
      top,
      sources: matches.filter((m) => m.containment > 0).length,
      edits: editCounts(top.aligned),
    });
    const returned = matches.slice(0, opts.limit);
    if (opts.passages)
      for (const m of returned)
        if (m.aligned && m.source) m.passages = toPassages(query, m.source, m.aligned);
    return {
      score,
      matches: returned.map(({ d: _d, aligned: _a, source: _s, ...match }) => match),
      ignored,
      breakdown: { fromReferences, fromPeers: score - fromReferences, original: 1 - score },
      finding,
    };
  }

  /** The index as bytes (see the README for the format): options, documents, and a checksum. */
  serialize(): Uint8Array {
    return encodeIndex(this.options, this.storedDocuments(), this.storedState(), VERSION);
  }

  /**
   * An index from bytes made by {@link serialize}. Truncated or altered data is
   * refused (ERR_SAOCHEP_INDEX_CORRUPT), as are format versions this saochep
   * cannot read (ERR_SAOCHEP_INDEX_VERSION) and indexes built with another text
   * normalisation (ERR_SAOCHEP_INDEX_INCOMPATIBLE). `loadText` is the one
   * option not saved: give it again when texts were not kept.
   */
  static deserialize(
    bytes: Uint8Array,
    options?: { loadText?: (id: string) => string | undefined },
  ): PlanIndex {
    const { header, docs, state } = decodeIndex(bytes);
    try {
      return PlanIndex.build(header.options, docs, state, options?.loadText);
    } catch (error) {
      // Options this saochep does not know, in an index a newer one saved: say so, not "unknown option".
      if (
        (error as SaochepError).code === 'ERR_SAOCHEP_INVALID_OPTION' &&
        isNewerVersion(header.saochep, VERSION)
      ) {
        throw new SaochepError(
          'ERR_SAOCHEP_INDEX_VERSION',
          `PlanIndex.deserialize: the index was made by a newer saochep (${header.saochep}, this is ${VERSION}) with options this one does not know (${(error as Error).message}). Upgrade saochep to load it.`,
        );
      }
      throw error;
    }
  }

  /** Save to a file, atomically: a crash leaves the old file or the new one, never half of one. */
  async save(path: string): Promise<void> {
    assertText('PlanIndex.save', path, 'path');
    await writeFileAtomic(path, this.serialize(), 'PlanIndex.save');
  }

  /** Load an index saved with {@link save}. */
  static async load(
    path: string,
    options?: { loadText?: (id: string) => string | undefined },
  ): Promise<PlanIndex> {
    assertText('PlanIndex.load', path, 'path');
    return PlanIndex.deserialize(await readWholeFile(path), options);
  }

  /** Bytes the index's own structures take (allocated capacity); kept texts apart. */
  memoryUsage(): IndexMemory {
    let idBytes = 0;
    let metaBytes = 0;
    let textBytes = 0;
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive[d] === 0) continue;
      idBytes += 2 * this.ids[d].length + 16;
      if (this.metas[d] !== undefined) metaBytes += 2 * JSON.stringify(this.metas[d]).length;
      textBytes += 2 * (this.texts[d]?.length ?? 0);
    }
    const parts: Record<string, number> = {
      fingerprints: this.fpData.byteLength + this.fpStart.byteLength + this.fpCount.byteLength,
      bandKeys: this.bandKeys.byteLength,
      buckets: this.bands.byteLength,
      anchors: this.anchorData.byteLength + this.anchorStart.byteLength,
      anchorPostings: this.anchors.byteLength + this.referenceAnchors.byteLength,
      documentCounts: this.sizes.byteLength + this.dates.byteLength + this.references.byteLength,
      stockPhraseCounts: this.frequencies.byteLength,
      ids: idBytes,
      meta: metaBytes,
    };
    const bytes = Object.values(parts).reduce((a, b) => a + b, 0);
    return {
      documents: this.live,
      bytes,
      bytesPerDocument: this.live === 0 ? 0 : bytes / this.live,
      parts,
      texts: textBytes,
    };
  }
}

function checkInput(input: CheckInput): {
  text: string;
  meta: Record<string, unknown> | undefined;
} {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    assertText('PlanIndex.check', (input as { text: unknown }).text, 'input.text');
    const meta = (input as { meta?: unknown }).meta;
    if (meta !== undefined && (typeof meta !== 'object' || meta === null)) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        `PlanIndex.check: input.meta must be an object, got ${describeValue(meta)}.`,
      );
    }
    return { text: input.text, meta: meta as Record<string, unknown> | undefined };
  }
  assertText('PlanIndex.check', input);
  return { text: input, meta: undefined };
}

function checkOptions(options: CheckOptions | undefined): {
  limit: number;
  onlyEarlier: boolean;
  includeSameDay: boolean;
  date: number | undefined;
  exclude: readonly string[];
  passages: boolean;
} {
  const limit = options?.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `PlanIndex.check: option limit must be a whole number, got ${describeValue(limit)}.`,
    );
  }
  let date: number | undefined;
  if (options?.date !== undefined) {
    date = parseMetaDate(options.date);
    if (date === undefined) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_OPTION',
        `PlanIndex.check: option date must be a date such as 2021-11-18, 18/11/2021 or a Date, got ${describeValue(options.date)}.`,
      );
    }
  }
  const exclude = options?.exclude ?? [];
  if (!Array.isArray(exclude) || exclude.some((x) => typeof x !== 'string')) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `PlanIndex.check: option exclude must be an array of ids, got ${describeValue(exclude)}.`,
    );
  }
  return {
    limit,
    onlyEarlier: options?.onlyEarlier === true,
    includeSameDay: options?.includeSameDay === true,
    date,
    exclude,
    passages: options?.passages !== false,
  };
}
