/**
 * What the index computes for one document, without an index: read it
 * (tokens, frame, shingles), and sketch it (band keys, anchors, fingerprints,
 * date). Worker threads sketch with a Sketcher of the index's options; the
 * checker reads plans with one.
 */
import { parseDateLineOf, parseMetaDate } from '../evidence/dates.js';
import { encodeFingerprints, fingerprintsOf } from '../sketch/fingerprints.js';
import { fmix32, murmurStep } from '../sketch/hash.js';
import { MinHasher } from '../sketch/minhash.js';
import {
  type PlanIndexOptions,
  type ResolvedIndexOptions,
  ignoreRules,
  resolveIndexOptions,
} from './options.js';
import {
  type BoilerplateRules,
  type ReadDocument,
  countedSet,
  readDocument,
  shinglesWithin,
} from './read-document.js';
import type { EncodingMemo } from '../text/prepare.js';
import type { PlanDoc, SketchedDocument } from './types.js';
import { cloneMeta } from './validate.js';

/**
 * Every document keeps at least this many anchors when it has that many
 * shingles: a short document samples more densely than the anchor rate.
 */
const MIN_ANCHORS = 16;

/** The options as a key: two sketchers with the same key make the same sketches. */
export function optionsKeyOf(options: ResolvedIndexOptions): string {
  return JSON.stringify(options);
}

/** Reads and sketches documents with one set of index options. */
export class Sketcher {
  /** The options in force, defaults filled in. */
  readonly options: Readonly<ResolvedIndexOptions>;
  /** {@link optionsKeyOf} the options. */
  readonly optionsKey: string;
  /** Most low zero bits an anchor needs: log2(1 / anchorRate). */
  readonly maxAnchorBits: number;
  private readonly hasher: MinHasher;
  private readonly signature: Uint32Array;
  private readonly rules: BoilerplateRules;

  constructor(options?: PlanIndexOptions | ResolvedIndexOptions) {
    this.options = Object.freeze(resolveIndexOptions(options));
    this.optionsKey = optionsKeyOf(this.options);
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

  /** Read a text: tokens, boilerplate and shingles (`memo`: see tokenStream). */
  read(text: string, memo?: EncodingMemo): ReadDocument {
    return readDocument(text, this.options.shingleSize, this.rules, memo);
  }

  /** Low zero bits of the anchors of a document with `size` shingles: at least MIN_ANCHORS of them expected. */
  anchorBits(size: number): number {
    return Math.max(
      0,
      Math.min(this.maxAnchorBits, Math.floor(Math.log2(Math.max(1, size / MIN_ANCHORS)))),
    );
  }

  /** LSH band keys of a shingle set, namespaced by band. */
  bandKeys(set: Uint32Array): Uint32Array {
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

  /** The shingles of a set that are its anchors (as many low zero bits as its size asks). */
  anchors(set: Uint32Array): Uint32Array {
    const mask = (1 << this.anchorBits(set.length)) - 1;
    let count = 0;
    for (let i = 0; i < set.length; i++) if ((set[i] & mask) === 0) count++;
    const anchors = new Uint32Array(count);
    for (let i = 0, k = 0; i < set.length; i++) if ((set[i] & mask) === 0) anchors[k++] = set[i];
    return anchors;
  }

  /** Everything an index stores for a document (checked by the caller), with its distinct counting shingles. */
  sketch(doc: PlanDoc, reference: boolean, fn: string): SketchedDocument {
    const { id, text } = doc;
    const meta = cloneMeta(doc.meta, id, fn);
    const read = this.read(text);
    const set = countedSet(read);
    const fingerprints = fingerprintsOf(set);
    const date = parseMetaDate(meta?.date) ?? parseDateLineOf(text, read.tokens);
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
        bandKeys: this.bandKeys(set),
        anchors: this.anchors(set),
        fingerprintCount: fingerprints.length,
        fingerprintCode: encodeFingerprints(fingerprints),
        titleShingles:
          reference && read.title
            ? Uint32Array.from(shinglesWithin(read, read.title, this.options.shingleSize))
            : new Uint32Array(0),
      },
    };
  }
}
