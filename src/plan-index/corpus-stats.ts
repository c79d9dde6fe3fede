/**
 * Corpus statistics of an index: in how many documents each shingle is (the
 * genre's stock phrases are in many), and which shingles are references'
 * (their titles, which plans cite, never count; their texts are never stock
 * phrases).
 */
import { DocFrequency } from './doc-frequency.js';
import type { ResolvedIndexOptions } from './options.js';
import type { StoredState } from './types.js';

/** A stock phrase must be in at least this many documents, whatever the share. */
const LEARNED_MIN_DOCUMENTS = 5;

/** Minimum documents for a shingle to be a stock phrase in an index of `live` documents, or Infinity while nothing is learned. */
export function stockPhraseThreshold(options: ResolvedIndexOptions, live: number): number {
  const share = options.learnedBoilerplate;
  if (share === 0 || live < options.learnFrom) return Infinity;
  return Math.max(LEARNED_MIN_DOCUMENTS, Math.ceil(share * live));
}

function addCount(map: Map<number, number>, keys: ArrayLike<number>, delta: 1 | -1): void {
  for (let i = 0; i < keys.length; i++) {
    const next = (map.get(keys[i]) ?? 0) + delta;
    if (next > 0) map.set(keys[i], next);
    else map.delete(keys[i]);
  }
}

/** Shingle counts as repeated values, ascending: the saved form of a multiset. */
function repeated(map: Map<number, number>): Uint32Array {
  let n = 0;
  for (const count of map.values()) n += count;
  const out = new Uint32Array(n);
  let k = 0;
  for (const [h, count] of map) for (let c = 0; c < count; c++) out[k++] = h;
  return out;
}

/** The statistics of a writable index. */
export class CorpusStatistics {
  readonly frequencies: DocFrequency;
  /** Shingles of reference titles, with the number of references whose title has them. */
  private readonly titles = new Map<number, number>();
  /** Shingles of reference texts, with the number of references that have them. */
  private readonly referenceShingles = new Map<number, number>();

  constructor(frequencies = new DocFrequency()) {
    this.frequencies = frequencies;
  }

  /** Count a document's distinct counting shingles (sketch time). */
  countShingles(set: Uint32Array, reference: boolean, delta: 1 | -1): void {
    this.frequencies.add(set, delta);
    if (reference) addCount(this.referenceShingles, set, delta);
  }

  /** Count a reference's title shingles (stored with the document, so also at load). */
  countTitle(titleShingles: Uint32Array, delta: 1 | -1): void {
    addCount(this.titles, titleShingles, delta);
  }

  isReferenceTitle(h: number): boolean {
    return this.titles.has(h);
  }

  isReferenceShingle(h: number): boolean {
    return this.referenceShingles.has(h);
  }

  frequency(h: number): number {
    return this.frequencies.estimate(h);
  }

  /** The document frequencies and reference shingles, as the saved format carries them (titles are saved per document). */
  toState(): StoredState {
    return {
      frequencies: this.frequencies.toPairs(),
      referenceShingles: repeated(this.referenceShingles),
    };
  }

  /** Restore the saved counts into these (empty) statistics; false when they do not fit. */
  restore(state: StoredState): boolean {
    if (!this.frequencies.fromPairs(state.frequencies)) return false;
    addCount(this.referenceShingles, state.referenceShingles, 1);
    return true;
  }

  /** Distinct title shingles and reference shingles, ascending: for a read-only copy. */
  sortedKeys(): { titles: Uint32Array; referenceShingles: Uint32Array } {
    return {
      titles: Uint32Array.from(this.titles.keys()).sort(),
      referenceShingles: Uint32Array.from(this.referenceShingles.keys()).sort(),
    };
  }

  /** Bytes allocated (counted by the frequency sketch; the maps are small). */
  get byteLength(): number {
    return this.frequencies.byteLength;
  }
}
