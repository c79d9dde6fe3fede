/**
 * PlanIndex: an archive of plans, and for any new plan, how much of it is
 * already in the archive and where it came from.
 *
 * Every document is kept as a few numbers in large typed arrays under a dense
 * numeric id: its shingle count, the LSH band keys of its MinHash signature,
 * its anchor shingles (a hash-sampled subset, for finding partial copies), and
 * 16-bit fingerprints of its shingles (for verifying candidates). A check
 * gathers candidates from the band buckets (near-duplicates) and the anchor
 * postings (documents that supplied part of the plan), then measures each one
 * against the plan's full shingle set.
 */
import { SaochepError, SaochepTypeError, assertText, describeValue } from '../errors.js';
import {
  QueryFingerprints,
  collisionRate,
  correctForCollisions,
  encodeFingerprints,
  fingerprintsOf,
} from '../sketch/fingerprints.js';
import { fmix32, murmurStep } from '../sketch/hash.js';
import { MinHasher } from '../sketch/minhash.js';
import { shingleSetOf } from '../sketch/shingle-set.js';
import { VERSION } from '../version.js';
import { decodeIndex, encodeIndex } from './format.js';
import { Growable } from './growable.js';
import {
  type PlanIndexOptions,
  type ResolvedIndexOptions,
  resolveIndexOptions,
} from './options.js';
import { readWholeFile, writeFileAtomic } from './persist.js';
import { END, PostingTable } from './posting-table.js';

/** A document to index. */
export interface PlanDoc {
  /** Unique id (a file path, a document number…). */
  id: string;
  /** Its text, in any form saochep reads (Unicode, NFD, TCVN3, VNI…). */
  text: string;
  /** Anything JSON can carry: returned with its matches, saved with the index. */
  meta?: Record<string, unknown>;
}

/** An indexed document that shares text with a checked plan. */
export interface PlanMatch {
  id: string;
  /** Jaccard similarity of the two shingle sets. */
  similarity: number;
  /** Share of the checked plan's shingles that occur in this document. */
  containment: number;
  meta?: Record<string, unknown>;
}

/** What {@link PlanIndex.check} finds. */
export interface CheckResult {
  /** The sao chép score: share of the plan's shingles found in any of its matches (0–1). */
  score: number;
  /** Best first: highest containment, then similarity. */
  matches: PlanMatch[];
}

/** Options of {@link PlanIndex.check}. */
export interface CheckOptions {
  /** Matches to return at most (the score counts them all). Default 10. */
  limit?: number;
}

/** The index's own memory, in bytes (texts are not kept). */
export interface IndexMemory {
  documents: number;
  bytes: number;
  bytesPerDocument: number;
  parts: Record<string, number>;
}

/** The stored form of one document, as the binary format carries it. */
export interface StoredDocument {
  id: string;
  meta: Record<string, unknown> | undefined;
  size: number;
  bandKeys: Uint32Array;
  anchors: Uint32Array;
  /** Distinct 16-bit fingerprints of the shingles. */
  fingerprintCount: number;
  /** Their Elias-Fano code. */
  fingerprintCode: Uint32Array;
}

/** A document's sketch. */
interface Sketch {
  /** Distinct shingle hashes, ascending. */
  set: Uint32Array;
  bandKeys: Uint32Array;
  anchors: Uint32Array;
}

/**
 * Every document keeps at least this many anchors when it has that many
 * shingles: a short document samples more densely than the anchor rate.
 */
const MIN_ANCHORS = 16;
/** Anchors shared with a plan, relative to those expected at minContainment, that make a document worth verifying. */
const ANCHOR_SHARE_FOR_CANDIDATE = 0.35;
/** A checked plan ignores anchor postings longer than this share of the index (and this floor): phrases everyone uses. */
const MAX_ANCHOR_DF_SHARE = 0.005;
const MIN_ANCHOR_DF_CAP = 64;
/** Anchors in more documents than this are common: they add to candidates but do not make them. */
const RARE_ANCHOR_DF = 32;

/** Shallow copy of meta through JSON, so that it is the same before and after a save. */
function cloneMeta(meta: unknown, id: string): Record<string, unknown> | undefined {
  if (meta === undefined) return undefined;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `PlanIndex.add: meta of "${id}" must be a plain object, got ${describeValue(meta)}.`,
    );
  }
  try {
    return JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;
  } catch (error) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `PlanIndex.add: meta of "${id}" must be JSON-serialisable (${(error as Error).message}).`,
    );
  }
}

export class PlanIndex {
  /** The options in force, defaults filled in. */
  readonly options: Readonly<ResolvedIndexOptions>;

  private readonly hasher: MinHasher;
  /** Low bits an anchor of a large document has at zero: log2(1 / anchorRate). */
  private readonly maxAnchorBits: number;
  /** Live documents by the number of low zero bits their anchors have. */
  private docsByAnchorBits = new Int32Array(32);
  private readonly signature: Uint32Array;

  private ids: string[] = [];
  private metas: Array<Record<string, unknown> | undefined> = [];
  private dense = new Map<string, number>();
  private alive = new Uint8Array(64);
  private sizes = new Growable(Int32Array, 64);
  private bandKeys = new Growable(Uint32Array, 1024);
  private anchorStart = new Growable(Int32Array, 64);
  private anchorData = new Growable(Uint32Array, 1024);
  private fpStart = new Growable(Int32Array, 64);
  private fpCount = new Growable(Int32Array, 64);
  private fpData = new Growable(Uint32Array, 4096);
  private bands = new PostingTable();
  private anchors = new PostingTable();
  private live = 0;

  // Scratch space of check(), reused so that a check allocates little.
  private candidateHits = new Int32Array(64);
  private candidateLsh = new Uint8Array(64);
  private readonly touched = new Growable(Int32Array, 256);
  private readonly commonAnchors = new Growable(Uint32Array, 64);
  private readonly queryFingerprints = new QueryFingerprints();
  private readonly coveredFingerprints = new Uint8Array(65536);

  constructor(options?: PlanIndexOptions) {
    this.options = Object.freeze(resolveIndexOptions(options));
    this.hasher = new MinHasher(this.options.numPerm, this.options.seed);
    this.maxAnchorBits = Math.round(Math.log2(1 / this.options.anchorRate));
    this.signature = new Uint32Array(this.options.numPerm);
  }

  /** Documents in the index. */
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

  /** The sketch of a text: its shingle set, LSH band keys and anchors. */
  private sketch(text: string): Sketch {
    const { shingleSize, bands, rows } = this.options;
    const set = shingleSetOf(text, shingleSize);
    const sig = this.hasher.sign(set, this.signature);
    const bandKeys = new Uint32Array(bands);
    for (let b = 0; b < bands; b++) {
      // Namespaced by band: the same values in two bands give two keys.
      let h = fmix32(Math.imul(b + 1, 0x9e3779b1) >>> 0);
      for (let r = 0; r < rows; r++) h = murmurStep(h, sig[b * rows + r]);
      bandKeys[b] = fmix32((h ^ rows) >>> 0);
    }
    let anchorCount = 0;
    const mask = (1 << this.anchorBits(set.length)) - 1;
    for (let i = 0; i < set.length; i++) if ((set[i] & mask) === 0) anchorCount++;
    const anchors = new Uint32Array(anchorCount);
    for (let i = 0, k = 0; i < set.length; i++) if ((set[i] & mask) === 0) anchors[k++] = set[i];
    return { set, bandKeys, anchors };
  }

  /**
   * Add a document. Throws a SaochepError with code ERR_SAOCHEP_DUPLICATE_ID
   * when the id is already indexed (remove it first to replace it).
   */
  add(doc: PlanDoc): void {
    if (typeof doc !== 'object' || doc === null) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_DOCUMENT',
        `PlanIndex.add: expected a document { id, text, meta? }, got ${describeValue(doc)}.`,
      );
    }
    const { id, text } = doc;
    if (typeof id !== 'string' || id.length === 0) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_DOCUMENT',
        `PlanIndex.add: document id must be a non-empty string, got ${describeValue(id)}.`,
      );
    }
    if (typeof text !== 'string') {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_DOCUMENT',
        `PlanIndex.add: text of "${id}" must be a string, got ${describeValue(text)}.`,
      );
    }
    if (this.dense.has(id)) {
      throw new SaochepError(
        'ERR_SAOCHEP_DUPLICATE_ID',
        `PlanIndex.add: a document with id "${id}" is already indexed. Remove it first to replace it, or use another id.`,
      );
    }
    const meta = cloneMeta(doc.meta, id);
    const sketch = this.sketch(text);
    const fingerprints = fingerprintsOf(sketch.set);
    this.insert({
      id,
      meta,
      size: sketch.set.length,
      bandKeys: sketch.bandKeys,
      anchors: sketch.anchors,
      fingerprintCount: fingerprints.length,
      fingerprintCode: encodeFingerprints(fingerprints),
    });
  }

  /** Add many documents. */
  addAll(docs: Iterable<PlanDoc>): void {
    for (const doc of docs) this.add(doc);
  }

  /** Put a sketched document into the tables (also used when loading a saved index). */
  insert(stored: StoredDocument): void {
    const d = this.ids.length;
    this.ids.push(stored.id);
    this.metas.push(stored.meta);
    this.dense.set(stored.id, d);
    if (d >= this.alive.length) {
      const bigger = new Uint8Array(this.alive.length * 2);
      bigger.set(this.alive);
      this.alive = bigger;
    }
    this.alive[d] = 1;
    this.sizes.push(stored.size);
    this.bandKeys.append(stored.bandKeys);
    this.anchorStart.push(this.anchorData.length);
    this.anchorData.append(stored.anchors);
    this.fpStart.push(this.fpData.length);
    this.fpCount.push(stored.fingerprintCount);
    this.fpData.append(stored.fingerprintCode);
    for (const key of stored.bandKeys) this.bands.add(key, d);
    for (const key of stored.anchors) this.anchors.add(key, d);
    this.docsByAnchorBits[this.anchorBits(stored.size)]++;
    this.live++;
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

  /** Shingles of the loaded query whose fingerprint document d has; marks those fingerprints when given. */
  private fingerprintHits(d: number, marks?: Uint8Array): number {
    return this.queryFingerprints.hits(
      this.fpData.data,
      this.fpStart.data[d],
      this.fpCount.data[d],
      marks,
    );
  }

  private bandKeysOf(d: number): Uint32Array {
    const b = this.options.bands;
    return this.bandKeys.data.subarray(d * b, d * b + b);
  }

  /** Remove a document; false when the id is not indexed. */
  remove(id: string): boolean {
    const d = this.dense.get(id);
    if (d === undefined) return false;
    for (const key of this.bandKeysOf(d)) this.bands.remove(key, d);
    for (const key of this.anchorsOf(d)) this.anchors.remove(key, d);
    this.docsByAnchorBits[this.anchorBits(this.sizes.data[d])]--;
    this.dense.delete(id);
    this.alive[d] = 0;
    this.metas[d] = undefined;
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
    const fresh = PlanIndex.build(this.options, this.storedDocuments());
    Object.assign(this, {
      ids: fresh.ids,
      metas: fresh.metas,
      dense: fresh.dense,
      alive: fresh.alive,
      sizes: fresh.sizes,
      bandKeys: fresh.bandKeys,
      anchorStart: fresh.anchorStart,
      anchorData: fresh.anchorData,
      fpStart: fresh.fpStart,
      fpCount: fresh.fpCount,
      fpData: fresh.fpData,
      bands: fresh.bands,
      anchors: fresh.anchors,
      docsByAnchorBits: fresh.docsByAnchorBits,
      live: fresh.live,
    });
  }

  /** An index of stored documents, its arrays and tables sized exactly for them. */
  private static build(options: ResolvedIndexOptions, docs: StoredDocument[]): PlanIndex {
    const index = new PlanIndex(options);
    const n = docs.length;
    let anchorCount = 0;
    let fpWords = 0;
    for (const d of docs) {
      anchorCount += d.anchors.length;
      fpWords += d.fingerprintCode.length;
    }
    index.alive = new Uint8Array(Math.max(64, n));
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
    return index;
  }

  /** The live documents in their stored form, in insertion order. */
  storedDocuments(): StoredDocument[] {
    const out: StoredDocument[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive[d] === 0) continue;
      out.push({
        id: this.ids[d],
        meta: this.metas[d],
        size: this.sizes.data[d],
        bandKeys: this.bandKeysOf(d).slice(),
        anchors: this.anchorsOf(d).slice(),
        fingerprintCount: this.fpCount.data[d],
        fingerprintCode: this.fingerprintCodeOf(d).slice(),
      });
    }
    return out;
  }

  /**
   * How much of `text` is already in the index, and where it came from.
   * Never throws for unknown or empty text: it scores 0 with no matches.
   */
  check(text: string, options?: CheckOptions): CheckResult {
    assertText('PlanIndex.check', text);
    const limit = options?.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 0) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_OPTION',
        `PlanIndex.check: option limit must be a whole number, got ${describeValue(limit)}.`,
      );
    }
    const { set, bandKeys } = this.sketch(text);
    const n = set.length;
    if (n === 0 || this.live === 0) return { score: 0, matches: [] };

    const capacity = this.ids.length;
    if (this.candidateHits.length < capacity) {
      this.candidateHits = new Int32Array(capacity * 2);
      this.candidateLsh = new Uint8Array(capacity * 2);
    }
    const hits = this.candidateHits;
    const lsh = this.candidateLsh;
    const touched = this.touched;
    touched.length = 0;

    const bands = this.bands;
    for (let b = 0; b < bandKeys.length; b++) {
      for (let e = bands.first(bandKeys[b]); e !== END; e = bands.nextEntry(e)) {
        const d = bands.docOf(e);
        if (hits[d] === 0 && lsh[d] === 0) touched.push(d);
        lsh[d] = 1;
      }
    }
    // Probe every shingle that could be an anchor of some document: those
    // with as many low zero bits as the most densely sampled document needs.
    let probeBits = 0;
    while (probeBits < this.maxAnchorBits && this.docsByAnchorBits[probeBits] === 0) probeBits++;
    const probeMask = (1 << probeBits) - 1;
    const cap = Math.max(MIN_ANCHOR_DF_CAP, Math.ceil(this.live * MAX_ANCHOR_DF_SHARE));
    const anchorTable = this.anchors;
    // Rare anchors (in few documents) make candidates; common ones (a phrase
    // many documents use) only add to documents a rare one already found, so a
    // shared stock phrase alone never costs a verification.
    const common = this.commonAnchors;
    common.length = 0;
    let probed = 0;
    for (let i = 0; i < n; i++) {
      const h = set[i];
      if ((h & probeMask) !== 0) continue;
      const df = anchorTable.count(h, cap);
      if (df === 0 || df > cap) continue;
      probed++;
      if (df > RARE_ANCHOR_DF) {
        common.push(h);
        continue;
      }
      for (let e = anchorTable.first(h); e !== END; e = anchorTable.nextEntry(e)) {
        const d = anchorTable.docOf(e);
        if (hits[d] === 0 && lsh[d] === 0) touched.push(d);
        hits[d]++;
      }
    }
    for (let c = 0; c < common.length; c++) {
      for (let e = anchorTable.first(common.data[c]); e !== END; e = anchorTable.nextEntry(e)) {
        const d = anchorTable.docOf(e);
        if (hits[d] !== 0 || lsh[d] !== 0) hits[d]++;
      }
    }
    // Anchors expected in common with a document that supplies minContainment of the plan.
    const expectedAtMin = this.options.minContainment * probed;

    this.queryFingerprints.load(set);
    const matches: Array<PlanMatch & { rate: number; d: number }> = [];
    const { minContainment, threshold } = this.options;
    for (let t = 0; t < touched.length; t++) {
      const d = touched.data[t];
      const share = 2 ** (probeBits - this.anchorBits(this.sizes.data[d]));
      const minHits = Math.max(1, Math.floor(ANCHOR_SHARE_FOR_CANDIDATE * expectedAtMin * share));
      const candidate = lsh[d] === 1 || hits[d] >= minHits;
      hits[d] = 0;
      lsh[d] = 0;
      if (!candidate) continue;
      const size = this.sizes.data[d];
      const rate = collisionRate(this.fpCount.data[d]);
      const shared = correctForCollisions(this.fingerprintHits(d), n, rate, Math.min(n, size));
      const containment = shared / n;
      const similarity = shared / (n + size - shared);
      if (containment < minContainment && similarity < threshold) continue;
      const match: PlanMatch & { rate: number; d: number } = {
        id: this.ids[d],
        similarity,
        containment,
        rate,
        d,
      };
      if (this.metas[d] !== undefined) match.meta = this.metas[d];
      matches.push(match);
    }
    if (matches.length === 0) return { score: 0, matches: [] };

    // The score: shingles found in any match, corrected for chance fingerprint hits.
    const covered = this.coveredFingerprints;
    let missRate = 1;
    for (const m of matches) {
      this.fingerprintHits(m.d, covered);
      missRate *= 1 - m.rate;
    }
    const coveredCount = this.queryFingerprints.countMarked(covered);
    covered.fill(0);
    const score = correctForCollisions(coveredCount, n, 1 - missRate, n) / n;

    matches.sort(
      (a, b) =>
        b.containment - a.containment ||
        b.similarity - a.similarity ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return {
      score,
      matches: matches.slice(0, limit).map(({ rate: _rate, d: _d, ...match }) => match),
    };
  }

  /** The index as bytes (see the README for the format): options, documents, and a checksum. */
  serialize(): Uint8Array {
    return encodeIndex(this.options, this.storedDocuments(), VERSION);
  }

  /**
   * An index from bytes made by {@link serialize}. Truncated or altered data is
   * refused (ERR_SAOCHEP_INDEX_CORRUPT), as are format versions this saochep
   * cannot read (ERR_SAOCHEP_INDEX_VERSION) and indexes built with another text
   * normalisation (ERR_SAOCHEP_INDEX_INCOMPATIBLE).
   */
  static deserialize(bytes: Uint8Array): PlanIndex {
    const { header, docs } = decodeIndex(bytes);
    return PlanIndex.build(header.options, docs);
  }

  /** Save to a file, atomically: a crash leaves the old file or the new one, never half of one. */
  async save(path: string): Promise<void> {
    assertText('PlanIndex.save', path, 'path');
    await writeFileAtomic(path, this.serialize());
  }

  /** Load an index saved with {@link save}. */
  static async load(path: string): Promise<PlanIndex> {
    assertText('PlanIndex.load', path, 'path');
    return PlanIndex.deserialize(await readWholeFile(path));
  }

  /** Bytes the index's own structures take (allocated capacity). */
  memoryUsage(): IndexMemory {
    let idBytes = 0;
    let metaBytes = 0;
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive[d] === 0) continue;
      idBytes += 2 * this.ids[d].length + 16;
      if (this.metas[d] !== undefined) metaBytes += 2 * JSON.stringify(this.metas[d]).length;
    }
    const parts: Record<string, number> = {
      fingerprints: this.fpData.byteLength + this.fpStart.byteLength + this.fpCount.byteLength,
      bandKeys: this.bandKeys.byteLength,
      buckets: this.bands.byteLength,
      anchors: this.anchorData.byteLength + this.anchorStart.byteLength,
      anchorPostings: this.anchors.byteLength,
      shingleCounts: this.sizes.byteLength,
      ids: idBytes,
      meta: metaBytes,
    };
    const bytes = Object.values(parts).reduce((a, b) => a + b, 0);
    return {
      documents: this.live,
      bytes,
      bytesPerDocument: this.live === 0 ? 0 : bytes / this.live,
      parts,
    };
  }
}
