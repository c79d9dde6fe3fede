/**
 * A store's data in shared memory: what a checking worker thread receives
 * (structured clone shares SharedArrayBuffers instead of copying them) to
 * check against the same index as its parent, read-only, without a copy.
 */
import type { DocFrequency } from '../doc-frequency.js';
import type { SharedPostingTable } from '../posting-table.js';
import type { SharedStringsData } from './string-column.js';

/** See {@link MemoryStore.snapshot}. */
export interface StoreSnapshot {
  ids: SharedStringsData;
  /** Meta as JSON. */
  metas: SharedStringsData;
  texts: SharedStringsData;
  alive: Uint8Array;
  references: Uint8Array;
  dates: Int32Array;
  sizes: Int32Array;
  fpStart: Int32Array;
  fpCount: Int32Array;
  fpData: Uint32Array;
  bands: SharedPostingTable;
  anchors: SharedPostingTable;
  referenceAnchors: SharedPostingTable;
  docsByAnchorBits: Int32Array;
  frequencies: Uint32Array | null;
  /** Distinct shingles of reference titles, ascending. */
  titles: Uint32Array;
  /** Distinct shingles of reference texts, ascending. */
  referenceShingles: Uint32Array;
  live: number;
  generation: number;
}

/** Whether sorted `keys` holds `h`. */
function holds(keys: Uint32Array, h: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === h) return true;
    if (k < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Corpus statistics of a snapshot, read-only. */
export class SnapshotStatistics {
  constructor(
    private readonly frequencies: DocFrequency,
    private readonly titles: Uint32Array,
    private readonly referenceShingles: Uint32Array,
  ) {}

  isReferenceTitle(h: number): boolean {
    return holds(this.titles, h);
  }

  isReferenceShingle(h: number): boolean {
    return holds(this.referenceShingles, h);
  }

  frequency(h: number): number {
    return this.frequencies.estimate(h);
  }
}
