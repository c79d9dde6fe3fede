/**
 * PlanIndex: an archive of plans, and for any new plan, how much of it is
 * already in the archive, where it came from, and the copied passages.
 *
 * A façade over parts with one job each: the {@link Sketcher} reads and
 * sketches documents, the {@link MemoryStore} holds them, and the checker
 * (check/) runs a check as a chain of stages against the store, in a check
 * context of its own. ARCHITECTURE.md draws them.
 */
import { assertText } from '../errors.js';
import { ContextPool } from './check/check-context.js';
import { runCheck, runCheckAsync } from './check/run-check.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from './options.js';
import { readWholeFile, writeFileAtomic } from './persist.js';
import { decodeStore, encodeStore } from './saved-index.js';
import { Sketcher } from './sketcher.js';
import { asAsyncReader } from './store/index-store.js';
import { MemoryStore } from './store/memory-store.js';
import type { StoreSnapshot } from './store/snapshot.js';
import type {
  CheckInput,
  CheckOptions,
  CheckResult,
  IndexedDocument,
  IndexMemory,
  PlanDoc,
  SketchedDocument,
} from './types.js';
import {
  assertDocuments,
  assertId,
  checkDocument,
  checkSketched,
  duplicateIdError,
} from './validate.js';

export type {
  Breakdown,
  CheckInput,
  CheckOptions,
  CheckResult,
  IndexedDocument,
  IndexMemory,
  PlanDoc,
  PlanMatch,
  SketchedDocument,
  StoredDocument,
  StoredState,
} from './types.js';

/** Options of {@link PlanIndex.load} and {@link PlanIndex.deserialize}: the one option not saved. */
export interface LoadOptions {
  loadText?: (id: string) => string | undefined;
}

/**
 * An index's data in shared memory, made by {@link PlanIndex.snapshot}: post
 * it to worker threads (the memory is shared, not copied) and check there with
 * {@link PlanIndex.fromSnapshot}.
 */
export interface IndexSnapshot {
  /** The index's options. */
  options: ResolvedIndexOptions;
  /** The store's arrays, strings and statistics. */
  store: StoreSnapshot;
}

export class PlanIndex {
  private sketcher: Sketcher;
  private store: MemoryStore;
  private readonly contexts = new ContextPool();

  constructor(options?: PlanIndexOptions | ResolvedIndexOptions) {
    this.sketcher = new Sketcher(options);
    const loadText = options && 'loadText' in options ? options.loadText : undefined;
    this.store = new MemoryStore(this.sketcher, loadText);
  }

  /** The options in force, defaults filled in. */
  get options(): Readonly<ResolvedIndexOptions> {
    return this.sketcher.options;
  }

  /** Documents in the index, references included. */
  get size(): number {
    return this.store.size;
  }

  /** True when a document with this id is indexed. */
  has(id: string): boolean {
    assertId('PlanIndex.has', id);
    return this.store.has(id);
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
    assertDocuments('PlanIndex.addAll', docs);
    for (const doc of docs) this.add(doc);
  }

  private addDocument(doc: PlanDoc, reference: boolean, fn: string): void {
    checkDocument(doc, fn);
    if (this.store.has(doc.id)) throw duplicateIdError(doc.id, fn);
    this.store.add(this.sketcher.sketch(doc, reference, fn), fn);
  }

  /**
   * Everything {@link PlanIndex.add} computes for a document, without adding
   * it: plain data and typed arrays that can cross to another thread. Sketch
   * in worker threads (with a {@link Sketcher} or an index of the same
   * options), then {@link PlanIndex.addSketched} in the thread that owns the index.
   */
  sketch(doc: PlanDoc, options?: { reference?: boolean }): SketchedDocument {
    checkDocument(doc, 'PlanIndex.sketch');
    return this.sketcher.sketch(doc, options?.reference === true, 'PlanIndex.sketch');
  }

  /**
   * Add a document sketched by {@link PlanIndex.sketch} (here or in another
   * thread); the same as adding it. Throws ERR_SAOCHEP_INDEX_INCOMPATIBLE when
   * it was sketched with other options.
   */
  addSketched(sketched: SketchedDocument): void {
    checkSketched(sketched, this.sketcher.optionsKey, 'PlanIndex.addSketched');
    this.store.add(sketched, 'PlanIndex.addSketched');
  }

  /**
   * The text of an indexed document, as it was given to add: kept by the
   * index, or read through `loadText`; undefined when neither has it.
   */
  text(id: string): string | undefined {
    assertId('PlanIndex.text', id);
    return this.store.text(id);
  }

  /**
   * The indexed documents, in the order they were added: id, meta, whether
   * it is a reference, and its text (kept, or from `loadText`; undefined when
   * neither has it). What it takes to add them to another index, e.g. a
   * SharedPlanIndex.
   */
  *documents(): IterableIterator<IndexedDocument> {
    for (const d of this.store.liveDocuments())
      yield {
        id: this.store.idOf(d),
        meta: this.store.metaOf(d),
        reference: this.store.isReference(d),
        text: this.store.texts([d])[0],
      };
  }

  /**
   * Remove a document; false when the id is not indexed. Stock-phrase counts
   * are corrected from the document's text when it is available.
   */
  remove(id: string): boolean {
    assertId('PlanIndex.remove', id);
    return this.store.remove(id);
  }

  /**
   * Rebuild the index at its exact size: drops what removed documents left
   * behind and the spare capacity of growth. Done automatically when half the
   * stored documents were removed; worth calling after a bulk build.
   */
  compact(): void {
    this.store.compact();
  }

  /**
   * How much of a plan is already in the index, where it came from, and the
   * copied passages. Never throws for unknown or empty text: it scores 0 with
   * no matches.
   */
  check(input: CheckInput, options?: CheckOptions): CheckResult {
    const context = this.contexts.acquire();
    try {
      return runCheck(this.store, this.sketcher, context, input, options, 'PlanIndex.check');
    } finally {
      this.contexts.release(context);
    }
  }

  /**
   * {@link check} as a Promise, through the store's asynchronous seam: the
   * same result. Checks in flight at once each have their own scratch space.
   */
  async checkAsync(input: CheckInput, options?: CheckOptions): Promise<CheckResult> {
    const context = this.contexts.acquire();
    try {
      const reader = asAsyncReader(this.store);
      return await runCheckAsync(
        reader,
        this.sketcher,
        context,
        input,
        options,
        'PlanIndex.checkAsync',
      );
    } finally {
      this.contexts.release(context);
    }
  }

  /** The index as bytes (see the README for the format): options, documents, and a checksum. */
  serialize(): Uint8Array {
    return encodeStore(this.sketcher, this.store);
  }

  /**
   * An index from bytes made by {@link serialize}. Truncated or altered data is
   * refused (ERR_SAOCHEP_INDEX_CORRUPT), as are format versions this saochep
   * cannot read (ERR_SAOCHEP_INDEX_VERSION) and indexes built with another text
   * normalisation (ERR_SAOCHEP_INDEX_INCOMPATIBLE). `loadText` is the one
   * option not saved: give it again when texts were not kept.
   */
  static deserialize(bytes: Uint8Array, options?: LoadOptions): PlanIndex {
    const { sketcher, store } = decodeStore(bytes, options?.loadText, 'PlanIndex.deserialize');
    return PlanIndex.over(sketcher, store);
  }

  /** Save to a file, atomically: a crash leaves the old file or the new one, never half of one. */
  async save(path: string): Promise<void> {
    assertText('PlanIndex.save', path, 'path');
    await writeFileAtomic(path, this.serialize(), 'PlanIndex.save');
  }

  /** Load an index saved with {@link save}. */
  static async load(path: string, options?: LoadOptions): Promise<PlanIndex> {
    assertText('PlanIndex.load', path, 'path');
    return PlanIndex.deserialize(await readWholeFile(path), options);
  }

  /**
   * The index's data in shared memory, for checking in worker threads
   * without a copy each: see {@link fromSnapshot}. Texts read through
   * `loadText` are read once, into the snapshot.
   */
  snapshot(): IndexSnapshot {
    return { options: this.options, store: this.store.snapshot() };
  }

  /**
   * A read-only index over a snapshot (in a worker thread): `check` and
   * `checkAsync` give what the original index gives; adding or removing throws.
   */
  static fromSnapshot(snapshot: IndexSnapshot): PlanIndex {
    const sketcher = new Sketcher(snapshot.options);
    return PlanIndex.over(sketcher, MemoryStore.fromSnapshot(sketcher, snapshot.store));
  }

  /** Bytes the index's own structures take (allocated capacity); kept texts apart. */
  memoryUsage(): IndexMemory {
    return this.store.memoryUsage();
  }

  /** An index around an existing sketcher and store. */
  private static over(sketcher: Sketcher, store: MemoryStore): PlanIndex {
    const index = new PlanIndex(sketcher.options);
    index.sketcher = sketcher;
    index.store = store;
    return index;
  }
}
