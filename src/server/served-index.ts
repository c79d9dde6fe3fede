/**
 * What the service needs of an index: a small asynchronous interface, so that
 * the in-memory PlanIndex (with its saved file) and a shared store (Redis,
 * where every call is a round trip) can both be served.
 */
import type { CheckOptions, CheckResult, PlanDoc } from '../plan-index/plan-index.js';

/** What the service tells about one indexed plan. */
export interface PlanInfo {
  id: string;
  /** True for a reference (a directive, a template). */
  reference: boolean;
  /** ISO date (YYYY-MM-DD) from meta.date or the plan's date line; null when undated. */
  date: string | null;
  meta: Record<string, unknown> | null;
}

/** Counts and state of a served index. */
export interface ServedIndexStats {
  /** What backs it: "file" (a saved index and its log), "memory" or "redis" (a shared archive). */
  store: string;
  /** With store "redis": the archive's name. */
  archive?: string;
  documents: number;
  references: number;
  /** Writes acknowledged since the last snapshot (in the append-only log); 0 for "redis", which persists them itself. */
  unsavedWrites: number;
  /** ISO time of the last snapshot written, null before the first. */
  lastSnapshot: string | null;
  /** The index's own memory in bytes, kept texts apart (0 for "redis": ask Redis, INFO memory). */
  indexBytes: number;
  /** Bytes of kept texts (0 for "redis"). */
  textBytes: number;
  /** With store "file": worker threads checking, each with a replica of the index (0 while they load, and without them: the server's own thread checks). */
  checkThreads?: number;
  /** The index options in force (shingle size, minimum passage…). */
  options: Record<string, unknown>;
}

/**
 * An index the service can serve. Every method may reject with a
 * SaochepError (ERR_SAOCHEP_DUPLICATE_ID, ERR_SAOCHEP_INVALID_DOCUMENT…) or,
 * for a store that is down, a ServiceError ERR_SAOCHEP_UNAVAILABLE. A write
 * (add, addReference, remove) resolves only once it is durable.
 */
export interface ServedIndex {
  /** Resolves when the index is loaded (and its log replayed) or the store reachable; rejects when it cannot be. */
  ready(): Promise<void>;
  /** Whether ready() has resolved and the store is still reachable. */
  isReady(): boolean;
  add(doc: PlanDoc): Promise<PlanInfo>;
  addReference(doc: PlanDoc): Promise<PlanInfo>;
  /** False when the id is not indexed. */
  remove(id: string): Promise<boolean>;
  has(id: string): Promise<boolean>;
  /** The plan's id, meta, date and kind; undefined when not indexed. */
  get(id: string): Promise<PlanInfo | undefined>;
  size(): Promise<number>;
  check(
    input: { text: string; meta?: Record<string, unknown> },
    options?: CheckOptions,
  ): Promise<CheckResult>;
  stats(): Promise<ServedIndexStats>;
  /** Make every acknowledged write part of the saved state (a snapshot), then release the store. */
  close(): Promise<void>;
}
