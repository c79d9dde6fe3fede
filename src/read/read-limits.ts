/**
 * The limits every document is read under, so that one hostile file (a zip
 * bomb, a PDF that draws itself, a JSON line nested thousands deep) costs a
 * bounded time and memory and becomes one error row of a report.
 */
import { SaochepError, SaochepTypeError, checkNumberOption } from '../errors.js';

/** Limits of reading one document. Every field has a default ({@link READ_LIMIT_DEFAULTS}). */
export interface ReadLimits {
  /** Wall time to read and sketch one file, in milliseconds; the worker reading it is stopped. Default 60,000. */
  timeMs: number;
  /** Inflated bytes of one member of a .docx package. Default 256 MiB. */
  memberBytes: number;
  /** Inflated bytes of all the members of a .docx package together. Default 512 MiB. */
  archiveBytes: number;
  /** Pages of one PDF. Default 5,000. */
  pdfPages: number;
  /** Characters (UTF-16 code units) of one document's text. Default 50,000,000. */
  characters: number;
  /** Nesting depth of the JSON of one JSONL line (objects and arrays). Default 64. */
  jsonDepth: number;
  /** Bytes of one JSONL line. Default 256 MiB. */
  lineBytes: number;
}

const MiB = 1024 * 1024;

/** The default read limits: generous for real plans (the largest real ones are under 1 MB of text). */
export const READ_LIMIT_DEFAULTS: Readonly<ReadLimits> = Object.freeze({
  timeMs: 60_000,
  memberBytes: 256 * MiB,
  archiveBytes: 512 * MiB,
  pdfPages: 5_000,
  characters: 50_000_000,
  jsonDepth: 64,
  lineBytes: 256 * MiB,
});

/** Largest value of each limit: strings and buffers cannot be larger in V8. */
const MAXIMA: Readonly<ReadLimits> = {
  timeMs: 24 * 3600_000,
  memberBytes: 2 ** 31,
  archiveBytes: 2 ** 33,
  pdfPages: 10_000_000,
  characters: 2 ** 29 - 24,
  jsonDepth: 10_000,
  lineBytes: 2 ** 29,
};

/** The CLI flag of each limit, for messages that say how to raise it. */
export const READ_LIMIT_FLAGS: Readonly<Record<keyof ReadLimits, string>> = {
  timeMs: '--max-seconds',
  memberBytes: '--max-inflated-mb',
  archiveBytes: '--max-inflated-mb',
  pdfPages: '--max-pages',
  characters: '--max-characters',
  jsonDepth: '--max-json-depth',
  lineBytes: '--max-line-mb',
};

/**
 * Read limits with defaults filled in; each given value must be a positive
 * integer up to its maximum, else ERR_SAOCHEP_INVALID_OPTION naming `fn`.
 */
export function resolveReadLimits(fn: string, limits: unknown): ReadLimits {
  if (limits === undefined) return { ...READ_LIMIT_DEFAULTS };
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option limits must be an object such as { timeMs: 60000 }, got ${typeof limits}.`,
    );
  const given = limits as Record<string, unknown>;
  const out = { ...READ_LIMIT_DEFAULTS };
  for (const key of Object.keys(given)) {
    if (!(key in READ_LIMIT_DEFAULTS))
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_OPTION',
        `${fn}: unknown read limit "${key}"; the limits are ${Object.keys(READ_LIMIT_DEFAULTS).join(', ')}.`,
      );
    const name = key as keyof ReadLimits;
    if (given[name] === undefined) continue;
    out[name] = checkNumberOption(fn, `limits.${name}`, given[name], 1, MAXIMA[name], true);
  }
  return out;
}

/** The error of a limit passed: `what` says what was too large, `limit` which limit. */
export function limitExceeded(file: string, limit: keyof ReadLimits, what: string): SaochepError {
  return new SaochepError(
    'ERR_SAOCHEP_LIMIT_EXCEEDED',
    `${file}: ${what}, beyond the read limit ${limit} (raise it with ${READ_LIMIT_FLAGS[limit]} or limits.${limit} if the file is genuine).`,
  );
}
