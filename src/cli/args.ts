/**
 * Command-line arguments read with node:util parseArgs, and every mistake
 * turned into a short UsageError of saochep's own (parseArgs' own messages
 * name its API, not the command).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors.js';

import type { OptionSpec } from './option-spec.js';

export type { OptionSpec };

/** Parsed arguments: positionals in order, and each option given by its long name. */
export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** Levenshtein distance of two short strings, for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function suggestion(name: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best ? ` Did you mean --${best}?` : '';
}

/** A value that is another option, not a value: `--out --quiet`. Negative numbers are values. */
const looksLikeOption = (value: string) => value.startsWith('-') && !/^-\d/.test(value);

/**
 * Parse `args` for a command whose options are `spec`. Throws UsageError for
 * an unknown option, an option without its value, or a value given to a flag.
 */
export function parseCommandArgs(
  command: string,
  args: string[],
  spec: Readonly<Record<string, OptionSpec>>,
): ParsedArgs {
  const { tokens } = parseArgs({
    args,
    options: spec,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const known = Object.keys(spec);
  const positionals: string[] = [];
  const values: ParsedArgs['values'] = {};
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const option = spec[token.name];
    if (!option) {
      throw new UsageError(
        `unknown option ${token.rawName} for saochep ${command}.${suggestion(token.name, known)}`,
      );
    }
    if (option.type === 'string') {
      if (token.value === undefined || (!token.inlineValue && looksLikeOption(token.value)))
        throw new UsageError(`--${token.name} needs a value.`);
      values[token.name] = token.value;
    } else {
      if (token.value !== undefined)
        throw new UsageError(`--${token.name} takes no value, got "${token.value}".`);
      values[token.name] = true;
    }
  }
  return { positionals, values };
}
