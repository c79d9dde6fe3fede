/**
 * The in-memory store: every document as a few numbers in large typed arrays
 * under a dense document number (its count of own shingles, its LSH band
 * keys, its anchors, the Elias-Fano code of its fingerprints, its date,
 * whether it is a reference), band buckets and anchor postings in posting
 * tables, corpus statistics, and texts unless told not to keep them.
 *
 * It answers the checker with views over its own arrays, so a check on it
 * copies nothing; {@link MemoryStore.snapshot} puts those arrays in shared
 * memory for checking workers, which read them as a read-only store.
 */
import { SaochepError, SaochepTypeError } from '../../errors.js';
import { CorpusStatistics } from '../corpus-stats.js';
import { DocFrequency } from '../doc-frequency.js';
import { Growable } from '../growable.js';
import { countedSet } from '../read-document.js';
import { END, PostingTable } from '../posting-table.js';
import type { Sketcher } from '../sketcher.js';
import { duplicateIdError } from '../validate.js';
import type { IndexMemory, SketchedDocument, StoredDocument, StoredState } from '../types.js';
import type {
  DocumentView,
  FingerprintRef,
  IndexStore,
  PostingView,
  ShingleStatistics,
  StatisticsView,
  StoreSummary,
} from './index-store.js';
import { type StoreSnapshot, SnapshotStatistics } from './snapshot.js';
import { PackedStrings, SharedStrings, type StringColumn, shareStrings } from './string-column.js';

const NO_DATE = -0x80000000;

/** Where a read-only store's strings and statistics come from. */
interface ReadOnlyParts {
  ids: StringColumn;
  metas: StringColumn;
  texts: StringColumn;
  statistics: ShingleStatistics;
}

export class MemoryStore implements IndexStore, PostingView, DocumentView {
  private ids: Array<string | undefined> = [];
  private metas: Array<Record<string, unknown> | undefined> = [];
  /** Texts kept for documents added one by one; those of a store built whole are in {@link packedTexts}. */
  private keptTexts: Array<string | undefined> = [];
  private packedTexts: PackedStrings | null = null;
  private dense = new Map<string, number>();
  private alive: Growable<Uint8Array> = new Growable(Uint8Array, 64);
  private references: Growable<Uint8Array> = new Growable(Uint8Array, 64);
  private dates: Growable<Int32Array> = new Growable(Int32Array, 64);
  private sizes: Growable<Int32Array> = new Growable(Int32Array, 64);
  private bandKeys: Growable<Uint32Array> = new Growable(Uint32Array, 1024);
  private anchorStart: Growable<Int32Array> = new Growable(Int32Array, 64);
  private anchorData: Growable<Uint32Array> = new Growable(Uint32Array, 1024);
  private fpStart: Growable<Int32Array> = new Growable(Int32Array, 64);
  private fpCount: Growable<Int32Array> = new Growable(Int32Array, 64);
  private fpData: Growable<Uint32Array> = new Growable(Uint32Array, 4096);
  private titleShingles: Array<Uint32Array> = [];
  private bands = new PostingTable();
  private anchors = new PostingTable();
  private referenceAnchors = new PostingTable(64);
  /** Live documents by the number of low zero bits their anchors have. */
  private docsByAnchorBits = new Int32Array(32);
  private stats = new CorpusStatistics();
  private live = 0;
  private generation = 0;
  /** Set in a read-only copy made from a snapshot. */
  private readOnly: ReadOnlyParts | null = null;

  constructor(
    private readonly sketcher: Sketcher,
    private readonly loadText?: (id: string) => string | undefined,
  ) {}

  /** Documents stored, references included. */
  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.dense.has(id);
  }

  add(sketched: SketchedDocument, fn = 'PlanIndex.add'): void {
    this.writable('add');
    const { stored } = sketched;
    if (this.dense.has(stored.id)) throw duplicateIdError(stored.id, fn);
    this.stats.countShingles(sketched.shingleSet, stored.reference, 1);
    this.insert(stored);
  }

  /** Put a sketched document into the tables (also when loading a saved index). */
  private insert(stored: StoredDocument): void {
    const d = this.ids.length;
    this.ids.push(stored.id);
    this.metas.push(stored.meta);
    this.keptTexts.push(stored.text);
    this.dense.set(stored.id, d);
    this.alive.push(1);
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
    this.stats.countTitle(stored.titleShingles, 1);
    for (const key of stored.bandKeys) this.bands.add(key, d);
    const table = stored.reference ? this.referenceAnchors : this.anchors;
    for (const key of stored.anchors) table.add(key, d);
    this.docsByAnchorBits[this.sketcher.anchorBits(stored.size)]++;
    this.live++;
  }

  /**
   * Remove a document; false when the id is not stored. Stock-phrase counts
   * are corrected from the document's text when it is available.
   */
  remove(id: string): boolean {
    this.writable('remove');
    const d = this.dense.get(id);
    if (d === undefined) return false;
    const reference = this.references.data[d] === 1;
    const text = this.textOf(d);
    if (text !== undefined)
      this.stats.countShingles(countedSet(this.sketcher.read(text)), reference, -1);
    for (const key of this.bandKeysOf(d)) this.bands.remove(key, d);
    const table = reference ? this.referenceAnchors : this.anchors;
    for (const key of this.anchorsOf(d)) table.remove(key, d);
    this.stats.countTitle(this.titleShingles[d], -1);
    this.docsByAnchorBits[this.sketcher.anchorBits(this.sizes.data[d])]--;
    this.dense.delete(id);
    this.alive.data[d] = 0;
    this.ids[d] = undefined;
    this.metas[d] = undefined;
    this.keptTexts[d] = undefined;
    this.live--;
    this.generation++;
    // Removed documents leave their stored sketch behind until the store is rebuilt.
    if (this.ids.length > 64 && this.live * 2 < this.ids.length) this.compact();
    return true;
  }

  /** Rebuild at the exact size: drops what removed documents left behind and the spare capacity of growth. */
  compact(): void {
    this.writable('compact');
    const fresh = MemoryStore.build(
      this.sketcher,
      this.storedDocuments(),
      this.stats.toState(),
      this.loadText,
    );
    const generation = this.generation + 1;
    Object.assign(this, fresh);
    this.generation = generation;
  }

  /** A store of stored documents, its arrays and tables sized exactly for them. */
  static build(
    sketcher: Sketcher,
    docs: StoredDocument[],
    state: StoredState,
    loadText?: (id: string) => string | undefined,
  ): MemoryStore {
    const store = new MemoryStore(sketcher, loadText);
    const n = docs.length;
    let anchorCount = 0;
    let fpWords = 0;
    for (const d of docs) {
      anchorCount += d.anchors.length;
      fpWords += d.fingerprintCode.length;
    }
    const bands = sketcher.options.bands;
    store.alive = new Growable(Uint8Array, Math.max(1, n));
    store.references = new Growable(Uint8Array, Math.max(1, n));
    store.dates = new Growable(Int32Array, Math.max(1, n));
    store.sizes = new Growable(Int32Array, Math.max(1, n));
    store.bandKeys = new Growable(Uint32Array, Math.max(1, n * bands));
    store.anchorStart = new Growable(Int32Array, Math.max(1, n));
    store.anchorData = new Growable(Uint32Array, Math.max(1, anchorCount));
    store.fpStart = new Growable(Int32Array, Math.max(1, n));
    store.fpCount = new Growable(Int32Array, Math.max(1, n));
    store.fpData = new Growable(Uint32Array, Math.max(1, fpWords));
    store.bands = new PostingTable(n * bands);
    store.anchors = new PostingTable(anchorCount);
    for (const doc of docs) {
      if (store.dense.has(doc.id)) {
        throw new SaochepError(
          'ERR_SAOCHEP_INDEX_CORRUPT',
          `PlanIndex: document id "${doc.id}" appears twice.`,
        );
      }
      store.insert(doc);
    }
    // Out of the heap: the texts of a whole archive would otherwise be most of what each major GC moves.
    store.packedTexts = PackedStrings.of(store.keptTexts);
    store.keptTexts = new Array<string | undefined>(store.keptTexts.length);
    for (const table of [store.bands, store.anchors, store.referenceAnchors]) {
      table.relay();
      table.trim();
    }
    if (!store.stats.restore(state)) {
      throw new SaochepError(
        'ERR_SAOCHEP_INDEX_CORRUPT',
        'PlanIndex: the stock-phrase counts do not fit.',
      );
    }
    return store;
  }

  /** The live documents in their stored form, in insertion order. */
  storedDocuments(): StoredDocument[] {
    const out: StoredDocument[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive.data[d] === 0) continue;
      const date = this.dates.data[d];
      out.push({
        id: this.idOf(d),
        meta: this.metas[d],
        reference: this.references.data[d] === 1,
        date: date === NO_DATE ? null : date,
        text: this.keptTextOf(d),
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

  /** The corpus statistics as the saved format carries them. */
  storedState(): StoredState {
    return this.stats.toState();
  }

  private writable(what: string): void {
    if (this.readOnly !== null) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        `PlanIndex.${what}: this is a read-only copy of an index shared with checking threads. Change the index it was made from.`,
      );
    }
  }

  // ---- the read side, for the checker ----

  summary(): StoreSummary {
    let probeBits = 0;
    const max = this.sketcher.maxAnchorBits;
    while (probeBits < max && this.docsByAnchorBits[probeBits] === 0) probeBits++;
    return {
      live: this.live,
      capacity: this.alive.length,
      probeBits,
      generation: this.generation,
    };
  }

  statistics(): StatisticsView {
    const stats = this.readOnly?.statistics ?? this.stats;
    const summary = this.summary();
    return {
      summary,
      isReferenceTitle: (h) => stats.isReferenceTitle(h),
      referenceCount: (h) => stats.referenceCount(h),
      frequency: (h) => stats.frequency(h),
    };
  }

  postings(): PostingView {
    return this;
  }

  documents(): DocumentView {
    return this;
  }

  liveDocuments(): number[] {
    const out: number[] = [];
    for (let d = 0; d < this.alive.length; d++) if (this.alive.data[d] === 1) out.push(d);
    return out;
  }

  texts(ds: readonly number[]): Array<string | undefined> {
    return ds.map((d) => this.textOf(d));
  }

  text(id: string): string | undefined {
    const d = this.dense.get(id);
    return d === undefined ? undefined : this.textOf(d);
  }

  /** The text of document d: kept, or from loadText. */
  private textOf(d: number): string | undefined {
    if (this.readOnly) return this.readOnly.texts.get(d);
    return this.keptTextOf(d) ?? this.loadText?.(this.idOf(d));
  }

  /** The text kept for live document d, packed or not. */
  private keptTextOf(d: number): string | undefined {
    if (this.alive.data[d] !== 1) return undefined;
    return this.keptTexts[d] ?? this.packedTexts?.get(d);
  }

  eachInBand(key: number, visit: (d: number) => void): void {
    const t = this.bands;
    for (let e = t.first(key); e !== END; e = t.nextEntry(e)) visit(t.docOf(e));
  }

  anchorCount(key: number, limit: number): number {
    return this.anchors.count(key, limit);
  }

  eachWithAnchor(key: number, visit: (d: number) => void): void {
    const t = this.anchors;
    for (let e = t.first(key); e !== END; e = t.nextEntry(e)) visit(t.docOf(e));
  }

  eachWithReferenceAnchor(key: number, visit: (d: number) => void): void {
    const t = this.referenceAnchors;
    for (let e = t.first(key); e !== END; e = t.nextEntry(e)) visit(t.docOf(e));
  }

  anchorBitsOf(d: number): number {
    return this.sketcher.anchorBits(this.sizes.data[d]);
  }

  idOf(d: number): string {
    return (this.readOnly ? this.readOnly.ids.get(d) : this.ids[d]) ?? '';
  }

  isReference(d: number): boolean {
    return this.references.data[d] === 1;
  }

  dateOf(d: number): number | null {
    const date = this.dates.data[d];
    return date === NO_DATE ? null : date;
  }

  sizeOf(d: number): number {
    return this.sizes.data[d];
  }

  fingerprintsOf(d: number): FingerprintRef {
    return { code: this.fpData.data, offset: this.fpStart.data[d], count: this.fpCount.data[d] };
  }

  metaOf(d: number): Record<string, unknown> | undefined {
    if (this.readOnly) {
      const json = this.readOnly.metas.get(d);
      return json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>);
    }
    return this.metas[d];
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
    const b = this.sketcher.options.bands;
    return this.bandKeys.data.subarray(d * b, d * b + b);
  }

  // ---- sharing with checking threads ----

  /** The store's arrays, strings and statistics in shared memory: what checking workers read. */
  snapshot(): StoreSnapshot {
    const count = this.ids.length;
    const texts: Array<string | undefined> = [];
    for (let d = 0; d < count; d++)
      texts.push(this.alive.data[d] === 1 ? this.textOf(d) : undefined);
    const keys = this.stats.sortedKeys();
    return {
      ids: shareStrings(this.ids),
      metas: shareStrings(this.metas.map((m) => (m === undefined ? undefined : JSON.stringify(m)))),
      texts: shareStrings(texts),
      alive: this.alive.shared(),
      references: this.references.shared(),
      dates: this.dates.shared(),
      sizes: this.sizes.shared(),
      fpStart: this.fpStart.shared(),
      fpCount: this.fpCount.shared(),
      fpData: this.fpData.shared(),
      bands: this.bands.shared(),
      anchors: this.anchors.shared(),
      referenceAnchors: this.referenceAnchors.shared(),
      docsByAnchorBits: Int32Array.from(this.docsByAnchorBits),
      frequencies: this.stats.frequencies.shared(),
      titles: keys.titles,
      referenceShingles: keys.referenceShingles,
      referenceCounts: keys.referenceCounts,
      live: this.live,
      generation: this.generation,
    };
  }

  /** A read-only store over a snapshot (in a checking worker): checks only. */
  static fromSnapshot(sketcher: Sketcher, snapshot: StoreSnapshot): MemoryStore {
    const store = new MemoryStore(sketcher);
    store.alive = Growable.over(Uint8Array, snapshot.alive);
    store.references = Growable.over(Uint8Array, snapshot.references);
    store.dates = Growable.over(Int32Array, snapshot.dates);
    store.sizes = Growable.over(Int32Array, snapshot.sizes);
    store.fpStart = Growable.over(Int32Array, snapshot.fpStart);
    store.fpCount = Growable.over(Int32Array, snapshot.fpCount);
    store.fpData = Growable.over(Uint32Array, snapshot.fpData);
    store.bands = PostingTable.fromShared(snapshot.bands);
    store.anchors = PostingTable.fromShared(snapshot.anchors);
    store.referenceAnchors = PostingTable.fromShared(snapshot.referenceAnchors);
    store.docsByAnchorBits = Int32Array.from(snapshot.docsByAnchorBits);
    store.live = snapshot.live;
    store.generation = snapshot.generation;
    store.readOnly = {
      ids: new SharedStrings(snapshot.ids),
      metas: new SharedStrings(snapshot.metas),
      texts: new SharedStrings(snapshot.texts),
      statistics: new SnapshotStatistics(
        new DocFrequency(snapshot.frequencies),
        snapshot.titles,
        snapshot.referenceShingles,
        snapshot.referenceCounts,
      ),
    };
    return store;
  }

  // ---- memory ----

  /** Bytes the store's own structures take (allocated capacity); kept texts apart. */
  memoryUsage(): IndexMemory {
    let idBytes = 0;
    let metaBytes = 0;
    let textBytes = 0;
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive.data[d] === 0) continue;
      idBytes += 2 * this.idOf(d).length + 16;
      if (this.metas[d] !== undefined) metaBytes += 2 * JSON.stringify(this.metas[d]).length;
      textBytes += 2 * (this.keptTexts[d]?.length ?? 0) + (this.packedTexts?.bytesOf(d) ?? 0);
    }
    const parts: Record<string, number> = {
      fingerprints: this.fpData.byteLength + this.fpStart.byteLength + this.fpCount.byteLength,
      bandKeys: this.bandKeys.byteLength,
      buckets: this.bands.byteLength,
      anchors: this.anchorData.byteLength + this.anchorStart.byteLength,
      anchorPostings: this.anchors.byteLength + this.referenceAnchors.byteLength,
      documentCounts: this.sizes.byteLength + this.dates.byteLength + this.references.byteLength,
      stockPhraseCounts: this.stats.byteLength,
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
