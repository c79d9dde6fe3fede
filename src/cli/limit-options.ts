/**
 * The read limits a user can set from the command line (saochep scan, index
 * and check), read into ReadLimits. Not saved in the index: they decide
 * which files are read, not how.
 */
import type { ReadLimits } from '../read/read-limits.js';
import type { OptionSpec } from './option-spec.js';
import { numberOption } from './index-options.js';

/** The command-line flags of the read limits. */
export const LIMIT_OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  'max-seconds': { type: 'string' },
  'max-inflated-mb': { type: 'string' },
  'max-pages': { type: 'string' },
  'max-characters': { type: 'string' },
  'max-json-depth': { type: 'string' },
  'max-line-mb': { type: 'string' },
};

/** The help lines of the read limits. */
export const LIMIT_OPTIONS_HELP = `Read limits (a file past one is an error row of the report; the scan goes on):
  --max-seconds <n>           wall time to read one file (default 60)
  --max-inflated-mb <n>       inflated size of one .docx member, MiB; the whole package
                              may inflate to twice this (default 256)
  --max-pages <n>             pages of one PDF (default 5000)
  --max-characters <n>        characters of one document's text (default 50000000)
  --max-json-depth <n>        nesting of one JSONL line's JSON (default 64)
  --max-line-mb <n>           size of one JSONL line, MiB (default 256)
`;

const MiB = 1024 * 1024;

/** The read limits given on the command line (the others keep their defaults). */
export function limitsOf(
  values: Record<string, string | boolean | undefined>,
): Partial<ReadLimits> {
  const out: Partial<ReadLimits> = {};
  const seconds = numberOption(values['max-seconds'], 'max-seconds', 0.001, 86_400, false);
  if (seconds !== undefined) out.timeMs = Math.max(1, Math.round(seconds * 1000));
  const inflated = numberOption(values['max-inflated-mb'], 'max-inflated-mb', 1, 2048, true);
  if (inflated !== undefined) {
    out.memberBytes = inflated * MiB;
    out.archiveBytes = 2 * inflated * MiB;
  }
  const pages = numberOption(values['max-pages'], 'max-pages', 1, 10_000_000, true);
  if (pages !== undefined) out.pdfPages = pages;
  const characters = numberOption(
    values['max-characters'],
    'max-characters',
    1,
    2 ** 29 - 24,
    true,
  );
  if (characters !== undefined) out.characters = characters;
  const depth = numberOption(values['max-json-depth'], 'max-json-depth', 1, 10_000, true);
  if (depth !== undefined) out.jsonDepth = depth;
  const line = numberOption(values['max-line-mb'], 'max-line-mb', 1, 512, true);
  if (line !== undefined) out.lineBytes = line * MiB;
  return out;
}
