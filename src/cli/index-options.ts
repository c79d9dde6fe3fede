/**
 * The index options a user can set from the command line (saochep scan and
 * saochep index), read into PlanIndexOptions. They change the results, so
 * they are recorded in the report and saved in the index.
 */
import type { PlanIndexOptions } from '../plan-index/options.js';
import type { OptionSpec } from './option-spec.js';
import { UsageError } from './cli-errors.js';

/** A number from the command line, or undefined when the option was not given. */
export function numberOption(
  value: string | boolean | undefined,
  name: string,
  min: number,
  max: number,
  integer: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    !Number.isFinite(n) ||
    n < min ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${String(value)}".`,
    );
  }
  return n;
}

/** `1/16` or `0.0625`. */
function rateOption(value: string | boolean | undefined, name: string): number | undefined {
  if (typeof value === 'string') {
    const fraction = /^\s*1\s*\/\s*(\d+)\s*$/.exec(value);
    if (fraction) return numberOption(String(1 / Number(fraction[1])), name, 1 / 256, 1, false);
  }
  return numberOption(value, name, 1 / 256, 1, false);
}

/** The command-line options of the index, by flag. */
export const INDEX_OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  'shingle-size': { type: 'string' },
  'num-perm': { type: 'string' },
  seed: { type: 'string' },
  'lsh-threshold': { type: 'string' },
  'min-containment': { type: 'string' },
  'min-passage': { type: 'string' },
  'anchor-rate': { type: 'string' },
  'learned-boilerplate': { type: 'string' },
  'learn-from': { type: 'string' },
  'no-frame': { type: 'boolean' },
};

/** The index option flags given, as written (for messages). */
export function givenIndexFlags(values: Record<string, string | boolean | undefined>): string[] {
  return Object.keys(INDEX_OPTION_SPECS)
    .filter((flag) => values[flag] !== undefined)
    .map((flag) => `--${flag}`);
}

/**
 * The PlanIndexOptions set by the flags (only those given; the index fills
 * in its defaults). The library checks them again; the ranges here give the
 * message in the flag's own name. numPerm must be a power of two.
 */
export function indexOptionsOf(
  values: Record<string, string | boolean | undefined>,
): Omit<PlanIndexOptions, 'loadText'> {
  const numPerm = numberOption(values['num-perm'], 'num-perm', 16, 1024, true);
  if (numPerm !== undefined && (numPerm & (numPerm - 1)) !== 0)
    throw new UsageError(`--num-perm must be a power of two from 16 to 1024, got "${numPerm}".`);
  const options: Omit<PlanIndexOptions, 'loadText'> = {
    shingleSize: numberOption(values['shingle-size'], 'shingle-size', 1, 64, true),
    numPerm,
    seed: numberOption(values.seed, 'seed', 0, 0xffffffff, true),
    threshold: numberOption(values['lsh-threshold'], 'lsh-threshold', 0.01, 1, false),
    minContainment: numberOption(values['min-containment'], 'min-containment', 0.01, 1, false),
    minPassage: numberOption(values['min-passage'], 'min-passage', 1, 10_000, true),
    anchorRate: rateOption(values['anchor-rate'], 'anchor-rate'),
    learnedBoilerplate: numberOption(
      values['learned-boilerplate'],
      'learned-boilerplate',
      0,
      1,
      false,
    ),
    learnFrom: numberOption(values['learn-from'], 'learn-from', 1, 1e9, true),
    frame: values['no-frame'] === true ? false : undefined,
  };
  if (options.anchorRate !== undefined && !Number.isInteger(Math.log2(1 / options.anchorRate)))
    throw new UsageError(
      `--anchor-rate must be 1, 1/2, 1/4, … 1/256, got "${String(values['anchor-rate'])}".`,
    );
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Omit<
    PlanIndexOptions,
    'loadText'
  >;
}
