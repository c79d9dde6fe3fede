/**
 * Options of a PlanIndex: one frozen set of defaults merged with the user's
 * choices, checked once with messages that say what to do.
 */
import { SaochepTypeError, checkNumberOption, describeValue } from '../errors.js';
import { type LshParams, optimalLshParams } from '../sketch/lsh-params.js';
import { shingle } from '../sketch/shingle.js';
import { resolveSignatureOptions } from '../sketch/signature.js';
import { INDEX_DEFAULTS } from './defaults.js';
import { tokenize } from '../text/tokenize.js';

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
   * A document that supplies at least this share of a checked plan's own
   * content is one of its matches, however different the two are overall. Default 0.2.
   */
  minContainment?: number;
  /** Share of shingles kept as anchors for finding partial copies: 1/2^k, from 1 to 1/256. Default 1/16. */
  anchorRate?: number;
  /** Recognise the administrative frame (header, headings, citations, Nơi nhận, signature) as boilerplate. Default true. */
  frame?: boolean;
  /**
   * More boilerplate: texts (a template's standard sentences) whose shingles
   * never count, and patterns whose matches in a document never count.
   */
  ignore?: ReadonlyArray<string | RegExp>;
  /**
   * Shingles found in at least this share of the indexed documents are the
   * genre's stock phrases and stop counting (0 turns learning off). Default 0.05.
   */
  learnedBoilerplate?: number;
  /** Learning starts once the index holds this many documents. Default 50. */
  learnFrom?: number;
  /** Keep each document's text, for showing copied passages. Default true. */
  keepTexts?: boolean;
  /**
   * Where to find a document's text when texts are not kept (an archive too
   * large for memory): return it, or undefined when it is gone. Not saved.
   */
  loadText?: (id: string) => string | undefined;
  /**
   * Shortest copied stretch that counts, in syllables of the plan's own
   * content (about a sentence). Shorter shared runs are stock phrases or
   * chance: they neither appear as passages nor count in the score.
   * Default 25 (chosen with `npm run bench:quality`, see the README).
   */
  minPassage?: number;
}

/** Options with every value filled in and checked (loadText apart, which is not saved). */
export interface ResolvedIndexOptions {
  numPerm: number;
  seed: number;
  shingleSize: number;
  threshold: number;
  bands: number;
  rows: number;
  minContainment: number;
  anchorRate: number;
  frame: boolean;
  /** Ignored texts, and ignored patterns as their source and flags. */
  ignore: { texts: string[]; patterns: Array<{ source: string; flags: string }> };
  learnedBoilerplate: number;
  learnFrom: number;
  keepTexts: boolean;
  minPassage: number;
}

export { INDEX_DEFAULTS } from './defaults.js';

/**
 * Resolved options as plain JSON (for reports, stats and keys): they hold no
 * RegExp or function (patterns are kept as their source and flags).
 */
export function optionsAsJson(options: ResolvedIndexOptions): Record<string, unknown> {
  return JSON.parse(JSON.stringify(options)) as Record<string, unknown>;
}

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
  'frame',
  'ignore',
  'learnedBoilerplate',
  'learnFrom',
  'keepTexts',
  'loadText',
  'minPassage',
]);

function invalid(message: string): never {
  throw new SaochepTypeError('ERR_SAOCHEP_INVALID_OPTION', `PlanIndex: ${message}`);
}

function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    invalid(`option ${name} must be true or false, got ${describeValue(value)}.`);
  return value;
}

type IgnoreInput = PlanIndexOptions['ignore'] | ResolvedIndexOptions['ignore'];

/** Ignore options, given as texts and RegExps or in their saved form. */
function resolveIgnore(value: IgnoreInput): ResolvedIndexOptions['ignore'] {
  if (value === undefined) return { texts: [], patterns: [] };
  if (!Array.isArray(value)) {
    const saved = value as ResolvedIndexOptions['ignore'];
    if (Array.isArray(saved.texts) && Array.isArray(saved.patterns)) {
      return { texts: [...saved.texts], patterns: saved.patterns.map((p) => ({ ...p })) };
    }
    invalid(
      `option ignore must be an array of strings and regular expressions, got ${describeValue(value)}.`,
    );
  }
  const texts: string[] = [];
  const patterns: Array<{ source: string; flags: string }> = [];
  for (const item of value) {
    if (typeof item === 'string') texts.push(item);
    else if (item instanceof RegExp) patterns.push({ source: item.source, flags: item.flags });
    else
      invalid(`option ignore takes strings and regular expressions, got ${describeValue(item)}.`);
  }
  return { texts, patterns };
}

/** Fill in and check index options. */
export function resolveIndexOptions(
  options: PlanIndexOptions | ResolvedIndexOptions | undefined,
): ResolvedIndexOptions {
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
  if ('loadText' in o && o.loadText !== undefined && typeof o.loadText !== 'function') {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `PlanIndex: option loadText must be a function (id) => text, got ${describeValue(o.loadText)}.`,
    );
  }
  return {
    numPerm,
    seed,
    shingleSize,
    threshold,
    minContainment,
    anchorRate,
    ...params,
    frame: checkBoolean('frame', o.frame),
    ignore: resolveIgnore(o.ignore as IgnoreInput),
    learnedBoilerplate: checkNumberOption(
      'PlanIndex',
      'learnedBoilerplate',
      o.learnedBoilerplate,
      0,
      1,
      false,
    ),
    learnFrom: checkNumberOption('PlanIndex', 'learnFrom', o.learnFrom, 1, 1e9, true),
    keepTexts: checkBoolean('keepTexts', o.keepTexts),
    minPassage: checkNumberOption('PlanIndex', 'minPassage', o.minPassage, 1, 10_000, true),
  };
}

/** Shingles of the ignored texts, and the ignored patterns as global RegExps. */
export function ignoreRules(options: ResolvedIndexOptions): {
  shingles: Set<number>;
  patterns: RegExp[];
} {
  const shingles = new Set<number>();
  for (const text of options.ignore.texts) {
    for (const h of shingle(tokenize(text), { size: options.shingleSize })) shingles.add(h);
  }
  const patterns = options.ignore.patterns.map((p) => {
    try {
      return new RegExp(p.source, p.flags.includes('g') ? p.flags : p.flags + 'g');
    } catch (error) {
      return invalid(
        `option ignore has an invalid pattern /${p.source}/${p.flags}: ${(error as Error).message}`,
      );
    }
  });
  return { shingles, patterns };
}
