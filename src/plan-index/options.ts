/**
 * Options of a PlanIndex: one frozen set of defaults merged with the user's
 * choices, checked once with messages that say what to do.
 */
import { SaochepError, checkNumberOption, describeValue } from '../errors.js';
import { type LshParams, optimalLshParams } from '../sketch/lsh-params.js';
import { SIGNATURE_DEFAULTS, resolveSignatureOptions } from '../sketch/signature.js';

/** Options of {@link PlanIndex}; every one is optional. */
export interface PlanIndexOptions {
  /** MinHash values per signature: a power of two from 16 to 1024. Default 128. */
  numPerm?: number;
  /** Seed of the MinHash permutation (unsigned 32-bit). Default 1. */
  seed?: number;
  /** Syllables per shingle (1–64). Default 6 (see the README). */
  shingleSize?: number;
  /** Jaccard similarity the LSH bands are tuned for. Default 0.5. */
  threshold?: number;
  /** LSH bands; with `rows`, overrides the bands × rows derived from `threshold`. */
  bands?: number;
  /** LSH rows per band. */
  rows?: number;
  /**
   * A document that supplies at least this share of a checked plan's shingles
   * is one of its matches, however different the two are overall. Default 0.2.
   */
  minContainment?: number;
  /** Share of shingles kept as anchors for finding partial copies: 1/2^k, from 1 to 1/256. Default 1/16. */
  anchorRate?: number;
}

/** Options with every value filled in and checked. */
export interface ResolvedIndexOptions {
  numPerm: number;
  seed: number;
  shingleSize: number;
  threshold: number;
  bands: number;
  rows: number;
  minContainment: number;
  anchorRate: number;
}

/** The defaults, frozen; see {@link PlanIndexOptions}. */
export const INDEX_DEFAULTS = Object.freeze({
  ...SIGNATURE_DEFAULTS,
  threshold: 0.5,
  minContainment: 0.2,
  anchorRate: 1 / 16,
});

/** Optimal bands × rows are worth computing once per threshold and numPerm. */
const LSH_PARAMS_CACHE = new Map<string, LshParams>();

const KNOWN = new Set([
  'numPerm',
  'seed',
  'shingleSize',
  'threshold',
  'bands',
  'rows',
  'minContainment',
  'anchorRate',
]);

function invalid(message: string): never {
  throw new SaochepError('ERR_SAOCHEP_INVALID_OPTION', `PlanIndex: ${message}`);
}

/** Fill in and check index options. */
export function resolveIndexOptions(options: PlanIndexOptions | undefined): ResolvedIndexOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    invalid(`options must be an object, got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options ?? {})) {
    if (!KNOWN.has(key))
      invalid(`unknown option "${key}". Known options: ${[...KNOWN].join(', ')}.`);
  }
  const o = { ...INDEX_DEFAULTS, ...(options ?? {}) };
  const { numPerm, seed, shingleSize } = resolveSignatureOptions('PlanIndex', o);
  const threshold = checkNumberOption('PlanIndex', 'threshold', o.threshold, 0.01, 1, false);
  const minContainment = checkNumberOption(
    'PlanIndex',
    'minContainment',
    o.minContainment,
    0.01,
    1,
    false,
  );
  const anchorRate = checkNumberOption('PlanIndex', 'anchorRate', o.anchorRate, 1 / 256, 1, false);
  if (!Number.isInteger(Math.log2(1 / anchorRate))) {
    invalid(`option anchorRate must be 1, 1/2, 1/4, … 1/256, got ${anchorRate}.`);
  }
  let params: LshParams;
  if (o.bands !== undefined || o.rows !== undefined) {
    if (o.bands === undefined || o.rows === undefined)
      invalid('options bands and rows go together: give both or neither.');
    const bands = checkNumberOption('PlanIndex', 'bands', o.bands, 1, numPerm, true);
    const rows = checkNumberOption('PlanIndex', 'rows', o.rows, 1, numPerm, true);
    if (bands * rows > numPerm)
      invalid(`bands × rows must be at most numPerm (${numPerm}), got ${bands} × ${rows}.`);
    params = { bands, rows };
  } else {
    const key = `${threshold}/${numPerm}`;
    params = LSH_PARAMS_CACHE.get(key) ?? optimalLshParams(threshold, numPerm);
    LSH_PARAMS_CACHE.set(key, params);
  }
  return { numPerm, seed, shingleSize, threshold, minContainment, anchorRate, ...params };
}
