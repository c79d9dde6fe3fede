/**
 * The in-memory PlanIndex behind the ServedIndex interface, with what the
 * service tells about each plan (meta, date, kind) kept beside it. Writes
 * take effect at once and are not saved: {@link FileServedIndex} adds the
 * saved file and the log.
 */
import { isoDate } from '../evidence/dates.js';
import type {
  CheckOptions,
  CheckResult,
  PlanDoc,
  PlanIndex,
  SketchedDocument,
  StoredDocument,
} from '../plan-index/plan-index.js';
import type { PlanInfo, ServedIndex, ServedIndexStats } from './served-index.js';
import { optionsAsJson } from '../plan-index/options.js';

/** The PlanInfo of a stored document (as a saved index holds it). */
export function infoOfStored(
  doc: Pick<StoredDocument, 'id' | 'reference' | 'date' | 'meta'>,
): PlanInfo {
  return {
    id: doc.id,
    reference: doc.reference,
    date: doc.date === null ? null : isoDate(doc.date),
    meta: doc.meta ?? null,
  };
}

/** A PlanIndex served as it is, in memory. */
export class PlanIndexAdapter implements ServedIndex {
  private references = 0;

  /** `infos`: what is known of the documents already in `index` (see {@link infoOfStored}). */
  constructor(
    readonly index: PlanIndex,
    private readonly infos: Map<string, PlanInfo> = new Map(),
  ) {
    for (const info of infos.values()) if (info.reference) this.references++;
  }

  async ready(): Promise<void> {}

  isReady(): boolean {
    return true;
  }

  /** Everything add computes, validated, without adding (throws what PlanIndex.add throws). */
  sketch(doc: PlanDoc, reference: boolean): SketchedDocument {
    return this.index.sketch(doc, { reference });
  }

  /** Add a sketched document; with `replace`, one of the same id is removed first (log replay). */
  insert(sketched: SketchedDocument, replace = false): PlanInfo {
    const { stored } = sketched;
    if (replace) this.delete(stored.id);
    this.index.addSketched(sketched);
    const info = infoOfStored(stored);
    this.infos.set(stored.id, info);
    if (info.reference) this.references++;
    return info;
  }

  /** Remove a document now; false when it is not indexed. */
  delete(id: string): boolean {
    const info = this.infos.get(id);
    if (!this.index.remove(id)) return false;
    this.infos.delete(id);
    if (info?.reference) this.references--;
    return true;
  }

  async add(doc: PlanDoc): Promise<PlanInfo> {
    return this.insert(this.sketch(doc, false));
  }

  async addReference(doc: PlanDoc): Promise<PlanInfo> {
    return this.insert(this.sketch(doc, true));
  }

  async remove(id: string): Promise<boolean> {
    return this.delete(id);
  }

  async has(id: string): Promise<boolean> {
    return this.index.has(id);
  }

  async get(id: string): Promise<PlanInfo | undefined> {
    return this.infos.get(id);
  }

  async size(): Promise<number> {
    return this.index.size;
  }

  async check(
    input: { text: string; meta?: Record<string, unknown> },
    options?: CheckOptions,
  ): Promise<CheckResult> {
    return this.index.check(input, options);
  }

  async stats(): Promise<ServedIndexStats> {
    return this.statsOf('memory', 0, null);
  }

  /** The stats, with what the store adds. */
  statsOf(store: string, unsavedWrites: number, lastSnapshot: string | null): ServedIndexStats {
    const memory = this.index.memoryUsage();
    return {
      store,
      documents: this.index.size,
      references: this.references,
      unsavedWrites,
      lastSnapshot,
      indexBytes: memory.bytes,
      textBytes: memory.texts,
      options: optionsAsJson(this.index.options),
    };
  }

  async close(): Promise<void> {}
}
