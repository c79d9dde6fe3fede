/**
 * Checks of what callers hand the index (documents, check inputs and options),
 * with messages that say what to do.
 */
import { SaochepError, SaochepTypeError, assertText, describeValue } from '../errors.js';
import { parseMetaDate } from '../evidence/dates.js';
import { CHECK_DEFAULTS } from './defaults.js';
import type { CheckInput, CheckOptions, PlanDoc } from './types.js';

/** Check options with every value filled in; the date as a day number. */
export interface ResolvedCheckOptions {
  limit: number;
  onlyEarlier: boolean;
  includeSameDay: boolean;
  date: number | undefined;
  exclude: readonly string[];
  passages: boolean;
  deadline: number | undefined;
}

/** Copy of meta through JSON, so that it is the same before and after a save. */
export function cloneMeta(
  meta: unknown,
  id: string,
  fn: string,
): Record<string, unknown> | undefined {
  if (meta === undefined) return undefined;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: meta of "${id}" must be a plain object, got ${describeValue(meta)}.`,
    );
  }
  try {
    return JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;
  } catch (error) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: meta of "${id}" must be JSON-serialisable (${(error as Error).message}).`,
    );
  }
}

/** The error for an id that is already indexed. */
export function duplicateIdError(id: string, fn: string): SaochepError {
  return new SaochepError(
    'ERR_SAOCHEP_DUPLICATE_ID',
    `${fn}: a document with id "${id}" is already indexed. Remove it first to replace it, or use another id.`,
  );
}

/** Throws unless `sketched` was made with the options whose key is `optionsKey`. */
export function checkSketched(sketched: unknown, optionsKey: string, fn: string): void {
  if ((sketched as { optionsKey?: unknown } | undefined)?.optionsKey !== optionsKey) {
    throw new SaochepError(
      'ERR_SAOCHEP_INDEX_INCOMPATIBLE',
      `${fn}: the document was sketched by an index with other options. Sketch it with an index made with the same options.`,
    );
  }
}

/** Throws unless `doc` is a { id, text, meta? } document. */
export function checkDocument(doc: unknown, fn: string): asserts doc is PlanDoc {
  if (typeof doc !== 'object' || doc === null) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: expected a document { id, text, meta? }, got ${describeValue(doc)}.`,
    );
  }
  const { id, text } = doc as PlanDoc;
  if (typeof id !== 'string' || id.length === 0) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: document id must be a non-empty string, got ${describeValue(id)}.`,
    );
  }
  if (typeof text !== 'string') {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `${fn}: text of "${id}" must be a string, got ${describeValue(text)}.`,
    );
  }
}

/** The text and meta of a check's input. */
export function checkInput(
  input: CheckInput,
  fn = 'PlanIndex.check',
): { text: string; meta: Record<string, unknown> | undefined } {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    assertText(fn, (input as { text: unknown }).text, 'input.text');
    const meta = (input as { meta?: unknown }).meta;
    if (meta !== undefined && (typeof meta !== 'object' || meta === null)) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        `${fn}: input.meta must be an object, got ${describeValue(meta)}.`,
      );
    }
    return { text: input.text, meta: meta as Record<string, unknown> | undefined };
  }
  assertText(fn, input);
  return { text: input, meta: undefined };
}

/** A check's options, checked, with the defaults filled in. */
export function checkOptions(
  options: CheckOptions | undefined,
  fn = 'PlanIndex.check',
): ResolvedCheckOptions {
  const limit = options?.limit ?? CHECK_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option limit must be a whole number, got ${describeValue(limit)}.`,
    );
  }
  let date: number | undefined;
  if (options?.date !== undefined) {
    date = parseMetaDate(options.date);
    if (date === undefined) {
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_OPTION',
        `${fn}: option date must be a date such as 2021-11-18, 18/11/2021 or a Date, got ${describeValue(options.date)}.`,
      );
    }
  }
  const deadline = options?.deadline;
  if (deadline !== undefined && (typeof deadline !== 'number' || Number.isNaN(deadline))) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option deadline must be a time as Date.now() gives it (e.g. Date.now() + 5000), got ${describeValue(deadline)}.`,
    );
  }
  const exclude = options?.exclude ?? [];
  if (!Array.isArray(exclude) || exclude.some((x) => typeof x !== 'string')) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option exclude must be an array of ids, got ${describeValue(exclude)}.`,
    );
  }
  return {
    limit,
    onlyEarlier: (options?.onlyEarlier ?? CHECK_DEFAULTS.onlyEarlier) === true,
    includeSameDay: (options?.includeSameDay ?? CHECK_DEFAULTS.includeSameDay) === true,
    date,
    exclude,
    passages: (options?.passages ?? CHECK_DEFAULTS.passages) !== false,
    deadline,
  };
}

/** Throw ERR_SAOCHEP_INVALID_ARGUMENT unless `id` is a string (ids are strings; numbers are not converted). */
export function assertId(fn: string, id: unknown): asserts id is string {
  if (typeof id === 'string') return;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: id must be a document id (a string), got ${describeValue(id)}.`,
  );
}

/** Throw ERR_SAOCHEP_INVALID_ARGUMENT unless `docs` is iterable (an array of { id, text }, a generator…). */
export function assertDocuments(fn: string, docs: unknown): asserts docs is Iterable<unknown> {
  if (
    typeof docs === 'object' &&
    docs !== null &&
    typeof (docs as Iterable<unknown>)[Symbol.iterator] === 'function'
  )
    return;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: docs must be an iterable of documents such as [{ id, text }], got ${describeValue(docs)}.`,
  );
}
