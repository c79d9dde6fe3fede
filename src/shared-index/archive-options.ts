/**
 * The options an archive is created with, stored beside it: every later
 * connection sketches with the same ones (or its signatures would not
 * match the stored ones), so a connection with other options is refused
 * and one that gives none takes the stored ones.
 */
import { SaochepError } from '../errors.js';
import {
  type PlanIndexOptions,
  type ResolvedIndexOptions,
  resolveIndexOptions,
} from '../plan-index/options.js';
import { optionsKeyOf } from '../plan-index/sketcher.js';
import { NORMALIZATION_VERSION } from '../text/version.js';

/** What is stored under the archive's options key. */
interface StoredOptions {
  /** Layout of the archive's keys. */
  layout: number;
  normalization: number;
  options: ResolvedIndexOptions;
}

/** Layout of the archive's keys and values that this saochep writes. */
export const LAYOUT = 2;

/** Option names that are no index options (they are not stored). */
const NOT_STORED = new Set(['name', 'loadText', 'connectTimeout', 'commandTimeout']);

/** The index options among `options`, or undefined when none is given. */
export function givenIndexOptions(
  options: Record<string, unknown> | undefined,
): PlanIndexOptions | undefined {
  if (options === undefined) return undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(options)) {
    if (NOT_STORED.has(k) || v === undefined) continue;
    out[k] = v;
    any = true;
  }
  return any ? (out as PlanIndexOptions) : undefined;
}

/** The JSON stored for a new archive with these options. */
export function storedOptionsJson(options: PlanIndexOptions | undefined): string {
  const stored: StoredOptions = {
    layout: LAYOUT,
    normalization: NORMALIZATION_VERSION,
    options: resolveIndexOptions(options),
  };
  return JSON.stringify(stored);
}

/**
 * The options to sketch with: the stored ones, after checking that they are
 * readable by this saochep and the same as those given (when any were).
 */
export function agreedOptions(
  storedJson: string,
  given: PlanIndexOptions | undefined,
  name: string,
  fn: string,
): ResolvedIndexOptions {
  let stored: StoredOptions;
  try {
    stored = JSON.parse(storedJson) as StoredOptions;
  } catch {
    stored = { layout: -1, normalization: -1, options: {} as ResolvedIndexOptions };
  }
  if (stored.layout !== LAYOUT) {
    throw new SaochepError(
      'ERR_SAOCHEP_INDEX_VERSION',
      `${fn}: the archive "${name}" has key layout ${String(stored.layout)}, this saochep reads layout ${LAYOUT}. Use the saochep that made it, or give another name and rebuild it there.`,
    );
  }
  if (stored.normalization !== NORMALIZATION_VERSION) {
    throw new SaochepError(
      'ERR_SAOCHEP_INDEX_INCOMPATIBLE',
      `${fn}: the archive "${name}" was built with text normalisation version ${stored.normalization}, this saochep uses ${NORMALIZATION_VERSION}: its shingles would not match new documents. Rebuild it under another name (or drop() it and add its documents again).`,
    );
  }
  if (given !== undefined) {
    const wanted = resolveIndexOptions(given);
    if (optionsKeyOf(wanted) !== optionsKeyOf(stored.options)) {
      const differ = (Object.keys(wanted) as Array<keyof ResolvedIndexOptions>).filter(
        (k) => JSON.stringify(wanted[k]) !== JSON.stringify(stored.options[k]),
      );
      throw new SaochepError(
        'ERR_SAOCHEP_INDEX_INCOMPATIBLE',
        `${fn}: the archive "${name}" was created with other index options (${differ
          .map(
            (k) =>
              `${k}: stored ${JSON.stringify(stored.options[k])}, given ${JSON.stringify(wanted[k])}`,
          )
          .join(
            '; ',
          )}). Connect without index options to use the stored ones, give the same ones, or use another name.`,
      );
    }
  }
  return stored.options;
}
