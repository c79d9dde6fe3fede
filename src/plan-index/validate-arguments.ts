/**
 * Argument checks of PlanIndex methods that take an id or many documents,
 * kept apart from plan-index.ts: a wrong type is ERR_SAOCHEP_INVALID_ARGUMENT,
 * never "false" for an id that cannot exist nor a raw TypeError from a loop.
 */
import { SaochepTypeError, describeValue } from '../errors.js';

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
